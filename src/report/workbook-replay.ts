// The Replay sheet: per window, scenario and host what the measured demand did (method §14),
// one row per host with CPU, memory and network in physical units and as % of the capacity.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { ResourceReplay } from '../domain/plan-replay.ts';
import { FMT, writeTable, type CellValue, type SheetColumn } from './workbook-style.ts';
import { tradeOffTable } from './replay-trade-off.ts';
import { messagesFor } from './messages/index.ts';

export const REPLAY_SHEET = 'Replay';

const resourceColumns = (label: string, unit: string, fmt: string): SheetColumn[] => [
  { header: `${label} capacity ${unit}`, width: 12, numFmt: fmt },
  { header: `${label} avg ${unit}`, width: 11, numFmt: fmt },
  { header: `${label} peak ${unit}`, width: 11, numFmt: fmt },
  { header: `${label} worst %`, width: 10, numFmt: FMT.pct1 },
  { header: `${label} p99 %`, width: 10, numFmt: FMT.pct1 },
  { header: `${label} % of intervals over ceiling`, width: 14, numFmt: '0.00" %"' },
  { header: `${label} % of intervals over 100 %`, width: 14, numFmt: '0.00" %"' },
  { header: `${label} worst at (UTC)`, width: 21 },
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
  if (!table) return;
  ws.getCell(top, 1).value = messagesFor(plan).replay.tradeOff.sheetTitle(plan.replay!.tradeOff!.hostModel);
  ws.getCell(top, 1).font = { bold: true };
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

export function replaySheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  const rows: CellValue[][] = [];
  for (const w of plan.replay?.windows ?? []) {
    for (const s of w.scenarios) {
      for (const h of s.hosts) {
        rows.push([
          w.role,
          w.from,
          w.to,
          s.name,
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
    messagesFor(plan),
    'Replay of the measured demand',
    [
      { header: 'Window', width: 10 },
      { header: 'From (UTC)', width: 21 },
      { header: 'To (UTC)', width: 21 },
      { header: 'Scenario', width: 18 },
      { header: 'Host', width: 14 },
      { header: 'VMs', width: 6, numFmt: FMT.int },
      { header: 'Intervals', width: 10, numFmt: FMT.int },
      ...resourceColumns('CPU', 'GHz', FMT.ghz),
      ...resourceColumns('Memory', 'GB', FMT.gb2),
      ...resourceColumns('Network', 'MB/s', FMT.mbps),
    ],
    rows,
    "Every interval's measured demand of every VM on its host (method §14): CPU GHz = source cores × clock × CPU %; " +
      'memory against RAM − reserve; network against the NIC line rate.',
  );
  tradeOffRows(ws, plan, first + rows.length + 2);
}
