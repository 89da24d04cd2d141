// One entry point for "the inventory", whatever the client sent: an inventory CSV (docs/inputs.md,
// header synonyms or a column map), an inventory workbook, an RVTools workbook, or an RVTools
// CSV export folder.
import type { InventoryServer } from '../domain/server.ts';
import type { Finding } from '../domain/finding.ts';
import { readInventoryFile, type InventoryCsvOptions } from './inventory-csv.ts';
import { isRvToolsWorkbook, openWorkbook, readInventoryWorkbook } from './inventory-xlsx.ts';
import { isRvToolsCsvFolder, readRvToolsCsvFolder, readRvToolsXlsx } from './rvtools/tables.ts';
import { rvToolsInventory, type RvToolsOptions } from './rvtools/rvtools.ts';

export interface InventoryRead {
  servers: InventoryServer[];
  findings: Finding[];
  format: 'inventory' | 'inventory-xlsx' | 'rvtools' | 'rvtools-csv';
  /** What was detected and how columns were used (inventory CSV and workbook). */
  notes: string[];
}

export async function readInventory(
  file: string,
  opts: InventoryCsvOptions & RvToolsOptions = {},
): Promise<InventoryRead> {
  if (/\.xlsx$/i.test(file)) {
    const wb = await openWorkbook(file);
    if (!isRvToolsWorkbook(wb)) {
      const r = readInventoryWorkbook(wb, file, opts);
      return { servers: r.servers, findings: [], format: 'inventory-xlsx', notes: r.notes };
    }
  }
  if (/\.xlsx$/i.test(file) || (await isRvToolsCsvFolder(file))) {
    const csv = !/\.xlsx$/i.test(file);
    const tables = csv ? await readRvToolsCsvFolder(file, opts.encoding) : await readRvToolsXlsx(file);
    const r = rvToolsInventory(tables, opts);
    return { servers: r.servers, findings: r.findings, format: csv ? 'rvtools-csv' : 'rvtools', notes: [] };
  }
  const r = await readInventoryFile(file, opts);
  return { servers: r.servers, findings: [], format: 'inventory', notes: r.notes };
}
