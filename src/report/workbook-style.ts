// Shared formatting for the workbook's sheets: a titled table with a frozen, filtered,
// styled header row, column widths and number formats with units; print setup.
import type ExcelJS from 'exceljs';
import type { Messages } from './messages/index.ts';

export interface SheetColumn {
  header: string;
  width: number;
  /** Excel number format; the unit is in the header (one unit per figure, never two). */
  numFmt?: string;
}

/**
 * A cell: a plain value (strings are always written as text, never parsed as formulas), or a
 * formula with its cached result.
 */
export type CellValue = string | number | boolean | null | { formula: string; result: number | string | boolean };

/** Number formats without units: headers and Unit columns carry the unit once. */
export const FMT = {
  int: '0',
  dec2: '0.00',
  pct1: '0.0',
  gb: '0',
  gb2: '0.00',
  mb: '#,##0',
  mb2: '#,##0.00',
  mbps: '0.00',
  ghz: '0.00',
  money: '#,##0.00',
  money4: '#,##0.0000',
  growth: '0.00',
} as const;

/** writeTable puts its header on row 3, so every table's data starts on row 4. */
const HEADER_ROW = 3;
export const DATA_FIRST_ROW = HEADER_ROW + 1;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };

/** Client text is written as a string cell; exceljs never turns a string into a formula. */
function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null) return;
  cell.value = value as ExcelJS.CellValue;
}

/**
 * Writes a title (row 1), an optional note (row 2) and a table whose header is on row
 * `headerRow`; freezes the panes below the header, adds a filter and sets widths/formats.
 * Returns the row number of the first data row.
 */
export function writeTable(
  ws: ExcelJS.Worksheet,
  t: Messages,
  title: string,
  columns: SheetColumn[],
  rows: CellValue[][],
  note?: string,
): number {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = TITLE_FONT;
  if (note) ws.getCell(2, 1).value = note;
  const headerRow = HEADER_ROW;
  columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  // Up to three lines of header text: headers wrap rather than widen numeric columns.
  ws.getRow(headerRow).height = 45;
  rows.forEach((r, ri) => {
    r.forEach((v, ci) => {
      setCell(ws.getCell(headerRow + 1 + ri, ci + 1), v);
    });
  });
  ws.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: headerRow,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ];
  if (rows.length > 0)
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + rows.length, column: columns.length },
    };
  setupPrint(ws, t, headerRow);
  return headerRow + 1;
}

/** Landscape, fit to one page wide, header rows repeated on every printed page. */
export function setupPrint(ws: ExcelJS.Worksheet, t: Messages, headerRow: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L&A&R${t.pageOf}` };
}

/** Column letter of a 1-based column number (A, …, Z, AA, …). */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A second table's caption and bold, wrapped header row (`row`, `row + 1`) below a sheet's main table. */
export function subHeader(ws: ExcelJS.Worksheet, row: number, text: string, headers: string[]): void {
  ws.getCell(row, 1).value = text;
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  headers.forEach((h, i) => {
    const cell = ws.getCell(row + 1, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  ws.getRow(row + 1).height = 30;
}

/** Writes rows of cells from `first` on, with a number format per column. */
export function writeRows(
  ws: ExcelJS.Worksheet,
  first: number,
  rows: CellValue[][],
  fmts: (string | undefined)[],
): void {
  rows.forEach((r, j) => {
    r.forEach((v, i) => {
      const cell = ws.getCell(first + j, i + 1);
      setCell(cell, v);
      if (fmts[i]) cell.numFmt = fmts[i]!;
    });
  });
}
