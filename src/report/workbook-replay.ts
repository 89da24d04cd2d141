// The Replay sheet: per window, scenario and host what the measured demand did (method §14),
// one row per host with CPU, memory and network in physical units and as % of the capacity.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { ResourceReplay } from '../domain/plan-replay.ts';
import { FMT, writeTable, type CellValue, type SheetColumn } from './workbook-style.ts';
import { tradeOffOmitted, tradeOffTable } from './replay-trade-off.ts';
import { messagesFor, type Messages } from './messages/index.ts';
import { scenarioName } from './replay-markdown.ts';
import { modelName } from './model-name.ts';

type SheetText = Messages['replay']['sheet'];

const resourceColumns = (t: SheetText, label: string, unit: string, fmt: string): SheetColumn[] => [
  { header: t.capacity(label, unit), width: 12, numFmt: fmt },
  { header: t.avg(label, unit), width: 11, numFmt: fmt },
  { header: t.peak(label, unit), width: 11, numFmt: fmt },
  { header: t.worstPct(label), width: 10, numFmt: FMT.pct1 },
  { header: t.p99Pct(label), width: 10, numFmt: FMT.pct1 },
  { header: t.overCeiling(label), width: 14, numFmt: '0.00" %"' },
  { header: t.over100(label), width: 14, numFmt: '0.00" %"' },
  { header: t.worstAt(label), width: 21 },
];

const cells = (r: ResourceReplay | null): CellValue[] =>
  r
    ? [r.capacity, r.avg, r.peak, r.worstPct, r.p99Pct, r.overCeilingPct, r.over100Pct, r.worstAt]
    : [null, null, null, null, null, null, null, null];

/** Whether the plan has a replay to show (the sheet is added only then). */
export function hasReplay(plan: Plan): boolean {
  return (plan.replay?.windows.length ?? 0) > 0;
}

/** The trade-off table (method §14.5) below the replay rows, from row `top`. */
function tradeOffRows(ws: ExcelJS.Worksheet, plan: Plan, top: number): void {
  const table = tradeOffTable(plan);
  const omitted = tradeOffOmitted(plan);
  if (!table && !omitted) return;
  const t = messagesFor(plan);
  ws.getCell(top, 1).value = t.replay.tradeOff.sheetTitle(modelName(plan.replay!.tradeOff!.hostModel, t));
  ws.getCell(top, 1).font = { bold: true };
  if (!table) {
    ws.getCell(top + 1, 1).value = omitted;
    return;
  }
  if (omitted) ws.getCell(top + 2 + table.rows.length, 1).value = omitted;
  table.header.forEach((h, i) => {
    const cell = ws.getCell(top + 1, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  table.rows.forEach((r, ri) => {
    r.forEach((v, ci) => {
      const cell = ws.getCell(top + 2 + ri, ci + 1);
      cell.value = ci >= 5 && typeof v === 'number' ? v / 100 : v;
      if (ci >= 5) cell.numFmt = '0.00%';
    });
  });
}

/** The sheet's name in the plan's language. */
export function replaySheetName(plan: Plan): string {
  return messagesFor(plan).replay.sheet.name;
}

export function replaySheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  const m = messagesFor(plan);
  const t = m.replay.sheet;
  const rows: CellValue[][] = [];
  for (const w of plan.replay?.windows ?? []) {
    for (const s of w.scenarios) {
      for (const h of s.hosts) {
        rows.push([
          t.role[w.role] ?? w.role,
          w.from,
          w.to,
          scenarioName(m, s.name),
          h.name,
          h.vms,
          h.intervals,
          ...cells(h.cpu),
          ...cells(h.memory),
          ...cells(h.network),
        ]);
      }
    }
  }
  const first = writeTable(
    ws,
    m,
    t.title,
    [
      { header: t.window, width: 12 },
      { header: t.from, width: 21 },
      { header: t.to, width: 21 },
      { header: t.scenario, width: 18 },
      { header: t.host, width: 14 },
      { header: t.vms, width: 6, numFmt: FMT.int },
      { header: t.intervals, width: 10, numFmt: FMT.int },
      ...resourceColumns(t, t.cpu, 'GHz', FMT.ghz),
      ...resourceColumns(t, t.memory, 'GB', FMT.gb2),
      ...resourceColumns(t, t.network, 'MB/s', FMT.mbps),
    ],
    rows,
    t.note,
  );
  tradeOffRows(ws, plan, first + rows.length + 2);
}
