// The cover sheet (first sheet: the executive summary with the two main charts beside it, one
// landscape A4 page) and the Method sheet (how the plan was made, in plain words, each rule
// with its section of docs/method.md; the search's figures and the input digests live here,
// not in the client's summary).
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import { cellText } from '../escape/spreadsheet.ts';
import type { Messages } from './messages/index.ts';
import { executiveSummary } from './executive.ts';
import { setupPrint } from './workbook-style.ts';

/** 0-based column where the cover's charts start (right of the label and value columns). */
export const COVER_CHART_COLUMN = 3;

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 18, color: { argb: 'FF1F4E79' } };
const HEADING_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };

export function coverSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const e = executiveSummary(plan, t);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 64;
  ws.getColumn(3).width = 2;
  let r = 1;
  const put = (label: string | null, value: string, font?: Partial<ExcelJS.Font>) => {
    if (label) {
      ws.getCell(r, 1).value = label;
      ws.getCell(r, 1).font = { bold: true };
    }
    const cell = ws.getCell(r, label === null ? 1 : 2);
    cell.value = cellText(value);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (font) cell.font = font;
    r++;
  };
  ws.getCell(r, 1).value = cellText(e.title);
  ws.getCell(r, 1).font = TITLE_FONT;
  r++;
  ws.getCell(r, 1).value = t.cover.title;
  ws.getCell(r, 1).font = { italic: true, color: { argb: 'FF595959' } };
  r += 2;
  for (const [label, value] of e.meta) put(label, value);
  for (const b of e.blocks) {
    r++;
    ws.getCell(r++, 1).value = b.heading;
    ws.getCell(r - 1, 1).font = HEADING_FONT;
    for (const line of b.lines) put('', line);
  }
  r++;
  ws.getCell(r++, 1).value = t.cover.topFindings;
  ws.getCell(r - 1, 1).font = HEADING_FONT;
  for (const p of e.points) put('', `• ${p}`);
  r++;
  ws.mergeCells(r, 1, r, 2);
  put(null, e.disclaimer, { italic: true, size: 9, color: { argb: 'FF595959' } });
  ws.getRow(r - 1).height = 30;
  ws.mergeCells(r, 1, r, 2);
  put(null, t.cover.chartNote, { italic: true, size: 9, color: { argb: 'FF595959' } });
  setupPrint(ws, t, 0);
  // The whole cover on one landscape A4 page.
  ws.pageSetup = { ...ws.pageSetup, fitToHeight: 1, printTitlesRow: undefined };
}

export function methodSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const m = t.method;
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 110;
  ws.getCell(1, 1).value = m.title;
  ws.getCell(1, 1).font = HEADING_FONT;
  ws.getCell(2, 1).value = m.intro;
  let r = 4;
  for (const [section, text] of m.rules) {
    ws.getCell(r, 1).value = section;
    ws.getCell(r, 2).value = text;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = 30;
    r++;
  }
  r++;
  const p = plan.placement;
  ws.getCell(r, 1).value = m.placement;
  ws.getCell(r++, 1).font = { bold: true };
  ws.getCell(r++, 2).value = m.placementText(p.hostsUsed, p.lowerBound, p.optimal);
  r++;
  ws.getCell(r, 1).value = m.inputs;
  ws.getCell(r++, 1).font = { bold: true };
  for (const i of plan.inputs) ws.getCell(r++, 2).value = cellText(`${i.file}  ${i.sha256}`);
  r++;
  ws.getCell(r, 2).value = `${m.engine} ${plan.formatVersion}`;
  setupPrint(ws, t, 0);
  ws.pageSetup = { ...ws.pageSetup, printTitlesRow: undefined };
}
