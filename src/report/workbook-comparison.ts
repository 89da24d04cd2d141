// The Comparison sheet of the baseline's workbook and of `capplan compare`'s comparison.xlsx:
// one row per figure, per scenario its value and, as a formula with its cached result, the
// difference to the baseline column; the chart beside the table.
import type ExcelJS from 'exceljs';
import { cellText } from '../escape/spreadsheet.ts';
import type { Comparison, ComparisonRow } from './comparison.ts';
import { comparisonChartPng } from './comparison-markdown.ts';
import { colLetter, DATA_FIRST_ROW, FMT, writeTable, type CellValue } from './workbook-style.ts';

const NUM_FMT: Record<ComparisonRow['kind'], string | undefined> = {
  int: FMT.int,
  pct: FMT.pct1,
  money: FMT.money,
  text: undefined,
};

/** Column of plan `i`'s value: B for the baseline, then a value and a Δ column per scenario. */
const valueColumn = (i: number) => (i === 0 ? 2 : 1 + 2 * i);

export function comparisonSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, c: Comparison): void {
  const k = c.t.comparison;
  const columns = [
    { header: k.figure, width: 44 },
    ...c.plans.flatMap((p, i) => [
      { header: cellText(p.name), width: 22 },
      ...(i > 0 ? [{ header: k.delta, width: 12 }] : []),
    ]),
  ];
  const rows: CellValue[][] = c.rows.map((r, ri) => {
    const row = DATA_FIRST_ROW + ri;
    return [
      r.label,
      ...r.cells.flatMap((v, i): CellValue[] => {
        const cell: CellValue = v === null ? c.t.notPriced : typeof v === 'string' ? cellText(v) : v;
        if (i === 0) return [cell];
        const d = r.deltas?.[i] ?? null;
        const formula = `${colLetter(valueColumn(i))}${row}-B${row}`;
        return [cell, d === null ? null : { formula, result: d }];
      }),
    ];
  });
  const described = c.plans.filter((p) => p.description).map((p) => k.scenarioLine(p.name, p.description!));
  writeTable(ws, c.t, c.title, columns, rows, cellText([c.intro, c.costNote, ...described].join(' ')));
  c.rows.forEach((r, ri) => {
    const fmt = NUM_FMT[r.kind];
    if (!fmt) return;
    for (let col = 2; col <= columns.length; col++) ws.getCell(DATA_FIRST_ROW + ri, col).numFmt = fmt;
  });
  const id = wb.addImage({ buffer: Buffer.from(comparisonChartPng(c)) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(id, { tl: { col: columns.length + 1, row: 2 }, ext: { width: 560, height: 294 } });
}
