// An inventory workbook that is not RVTools (a CMDB export, a consultant's spreadsheet): the
// sheet whose header row — found by content within the first rows, not assumed on row 1 —
// names the server and the most other inventory columns (docs/inputs.md "Excel inventories").
import type ExcelJS from 'exceljs';
import { InputError } from '../domain/errors.ts';
import type { InventoryCsvOptions, InventoryFileRead } from './inventory-csv.ts';
import { inventoryColumns, inventoryFromTable } from './inventory-csv.ts';
import { cellValue, loadExcelJs } from './rvtools/tables.ts';

/** Rows searched for the header (titles and notes often sit above it). */
const HEADER_SEARCH_ROWS = 30;

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new InputError(`cannot open as .xlsx (${(err as Error).message})`, { file });
  }
  return wb;
}

/** True when the workbook has RVTools' vInfo tab. */
export function isRvToolsWorkbook(wb: ExcelJS.Workbook): boolean {
  return wb.worksheets.some((ws) => ws.name.trim().toLowerCase() === 'vinfo');
}

function rowText(r: ExcelJS.Row): string[] {
  const values = (r.values as unknown[]).slice(1);
  return Array.from({ length: values.length }, (_, i) => {
    const v = cellValue(values[i]);
    return v === null ? '' : String(v);
  });
}

interface Candidate {
  sheet: string;
  headerRow: number;
  header: string[];
  matched: number;
}

export function readInventoryWorkbook(
  wb: ExcelJS.Workbook,
  file: string,
  opts: InventoryCsvOptions = {},
): InventoryFileRead {
  let best: (Candidate & { ws: ExcelJS.Worksheet }) | undefined;
  const seen: string[] = [];
  for (const ws of wb.worksheets) {
    let sheetBest: Candidate | undefined;
    for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); r++) {
      const header = rowText(ws.getRow(r)).map((h) => h.trim());
      if (header.every((h) => h === '')) continue;
      const m = tryMatch(header, file, opts);
      if (m?.columns.has('name') && (!sheetBest || m.columns.size > sheetBest.matched))
        sheetBest = { sheet: ws.name, headerRow: r, header, matched: m.columns.size };
    }
    seen.push(
      sheetBest
        ? `${ws.name} (${sheetBest.matched} columns on row ${sheetBest.headerRow})`
        : `${ws.name} (no server name column)`,
    );
    if (sheetBest && sheetBest.matched >= 2 && (!best || sheetBest.matched > best.matched)) best = { ...sheetBest, ws };
  }
  if (!best)
    throw new InputError(
      `no sheet has an inventory header (a server name and at least one of os, sockets, memory, disk …) within ` +
        `its first ${HEADER_SEARCH_ROWS} rows; sheets: ${seen.join(', ') || 'none'}; ` +
        'name the columns with inputs.columns.inventory',
      { file },
    );
  const source = `${file}[${best.sheet}]`;
  const rows: { cells: string[]; line: number }[] = [];
  best.ws.eachRow({ includeEmpty: false }, (r, i) => {
    if (i <= best.headerRow) return;
    // Cells right of the header (notes, totals) are not columns.
    const cells = rowText(r).slice(0, best.header.length);
    while (cells.length < best.header.length) cells.push('');
    rows.push({ cells, line: i });
  });
  const read = inventoryFromTable(
    { header: best.header, rows },
    source,
    { decimal: '.', thousands: '' },
    opts.columnMap,
  );
  return {
    servers: read.servers,
    notes: [`sheet ${best.sheet}, header on row ${best.headerRow}; sheets: ${seen.join(', ')}`, ...read.notes],
  };
}

function tryMatch(header: string[], file: string, opts: InventoryCsvOptions) {
  try {
    return inventoryColumns(header, file, opts.columnMap);
  } catch {
    return undefined; // a column map naming a header this row lacks: not the header row
  }
}
