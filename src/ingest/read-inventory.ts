// One entry point for "the inventory", whatever the client sent: an inventory CSV (docs/inputs.md,
// header synonyms or a column map), an inventory workbook, an RVTools workbook, an RVTools CSV
// export folder, or a single RVTools tab CSV (recognised by its header, whatever the file is called).
import type { InventoryServer } from '../domain/server.ts';
import type { Finding } from '../domain/finding.ts';
import type { SourceHost } from '../domain/server-origin.ts';
import { readInventoryFile, type InventoryCsvOptions } from './inventory-csv.ts';
import { isRvToolsWorkbook, openWorkbook, readInventoryWorkbook } from './inventory-xlsx.ts';
import { isRvToolsCsvFile, isRvToolsCsvFolder, readRvToolsCsvFiles, readRvToolsXlsx } from './rvtools/tables.ts';
import { rvToolsInventory, type RvToolsOptions } from './rvtools/rvtools.ts';

export interface InventoryRead {
  /** Every server to plan; for RVTools also its templates and agent VMs, which sizing excludes by role. */
  servers: InventoryServer[];
  findings: Finding[];
  format: 'inventory' | 'inventory-xlsx' | 'rvtools' | 'rvtools-csv';
  /** What was detected and how columns were used (inventory CSV and workbook). */
  notes: string[];
  /** Hosts of the source estate (RVTools vHost). */
  sourceHosts: SourceHost[];
}

export async function readInventory(
  file: string,
  opts: InventoryCsvOptions & RvToolsOptions = {},
): Promise<InventoryRead> {
  const xlsx = /\.xlsx$/i.test(file);
  if (xlsx) {
    const wb = await openWorkbook(file);
    if (!isRvToolsWorkbook(wb)) {
      const r = readInventoryWorkbook(wb, file, opts);
      return { servers: r.servers, findings: [], format: 'inventory-xlsx', notes: r.notes, sourceHosts: [] };
    }
  }
  if (xlsx || (await isRvToolsCsvFolder(file)) || (await isRvToolsCsvFile(file, opts.encoding))) {
    const tables = xlsx ? await readRvToolsXlsx(file) : await readRvToolsCsvFiles(file, opts.encoding);
    const r = rvToolsInventory(tables, opts);
    const sourceHosts = r.hosts.map((h) => ({
      name: h.name,
      cpuModel: h.cpuModel,
      cpuMhz: h.cpuMhz,
      cores: h.sockets !== null && h.coresPerSocket !== null ? h.sockets * h.coresPerSocket : null,
      memoryMb: h.memoryMb,
    }));
    return {
      servers: [...r.servers, ...r.nonWorkloads],
      findings: r.findings,
      format: xlsx ? 'rvtools' : 'rvtools-csv',
      notes: [],
      sourceHosts,
    };
  }
  const r = await readInventoryFile(file, opts);
  return { servers: r.servers, findings: [], format: 'inventory', notes: r.notes, sourceHosts: [] };
}
