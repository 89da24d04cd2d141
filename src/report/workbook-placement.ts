// The Placement and Failover sheets: VM → host, each host's load against its capacity and
// the ceilings (conditional formatting reads the ceilings from Assumptions), and every N+k
// scenario with what restarts where, in priority order, and the survivors' load. These are
// the plan as computed: both sheets say so, and point at `capplan plan` for a new placement.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import { cellText } from '../escape/spreadsheet.ts';
import type { Messages } from './messages/index.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import { FMT, subHeader, writeRows, writeTable, type CellValue } from './workbook-style.ts';

const RED: ExcelJS.Style = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' } },
} as ExcelJS.Style;
const AMBER: ExcelJS.Style = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } },
  font: { color: { argb: 'FF9C5700' } },
} as ExcelJS.Style;

/** Red above the ceiling, amber within 10 points of it. */
function ceilingFormat(ws: ExcelJS.Worksheet, ref: string, topLeft: string, ceiling: string): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      { type: 'expression', formulae: [`${topLeft}>${ceiling}`], priority: 1, style: RED },
      { type: 'expression', formulae: [`${topLeft}>${ceiling}-10`], priority: 2, style: AMBER },
    ],
  });
}

export function placementSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells, t: Messages): void {
  const c = t.col;
  const p = t.placement;
  const first = writeTable(
    ws,
    t,
    p.title,
    [
      { header: c.vm, width: 18 },
      { header: c.status, width: 11 },
      { header: c.host, width: 12 },
      { header: c.haPriority, width: 11 },
      { header: c.vcpu, width: 10, numFmt: FMT.int },
      { header: c.memoryGb, width: 11, numFmt: FMT.gb },
      { header: c.diskGb, width: 10, numFmt: FMT.gb },
      { header: c.vnics, width: 10, numFmt: FMT.int },
      { header: c.networkMBps, width: 11, numFmt: FMT.mbps },
    ],
    plan.vms.map((v) => [
      cellText(v.name),
      t.status[v.status],
      cellText(v.host),
      t.ha[v.haPriority],
      v.vcpu,
      v.memoryGb,
      v.diskGb,
      v.nics,
      v.networkMBps,
    ]),
    `${p.note(plan.placement.hostsUsed)} ${p.asComputed}`,
  );
  const top = first + plan.vms.length + 1;
  subHeader(ws, top, p.loadTitle, [
    c.host,
    t.summary.vms,
    c.vcpu,
    p.vcpuCapacity,
    t.summary.cpuPct,
    c.memoryGb,
    p.memCapacity,
    t.summary.memoryPct,
  ]);
  const rows: CellValue[][] = plan.hosts.map((h) => {
    const cores = h.sockets * h.coresPerSocket;
    return [
      cellText(h.name),
      h.vms.length,
      h.load.vcpu,
      cores * plan.settings.cluster.vcpuPerCore,
      h.load.cpuPct,
      h.load.memoryGb,
      h.memoryGb - plan.settings.hypervisor.reserveMb / 1024,
      h.load.memoryPct,
    ];
  });
  const r0 = top + 2;
  writeRows(ws, r0, rows, [undefined, FMT.int, FMT.int, FMT.int, FMT.pct1, FMT.gb, FMT.gb2, FMT.pct1]);
  if (rows.length) {
    const r1 = r0 + rows.length - 1;
    ceilingFormat(ws, `E${r0}:E${r1}`, `E${r0}`, a.ref.cpuCeilingPct!);
    ceilingFormat(ws, `H${r0}:H${r1}`, `H${r0}`, a.ref.memoryCeilingPct!);
  }
}

export function failoverSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells, t: Messages): void {
  const f = t.failover;
  const c = t.col;
  const rows: CellValue[][] = [];
  plan.redundancy.scenarios.forEach((s, si) => {
    s.restarts.forEach((x, i) => {
      rows.push([
        si + 1,
        cellText(s.failedHosts.join(' + ')),
        s.satisfied ? t.holds : t.fails,
        i + 1,
        cellText(x.vm),
        t.ha[x.haPriority],
        cellText(x.from),
        x.to === null ? t.nowhere : cellText(x.to),
      ]);
    });
  });
  const scenarios = plan.redundancy.scenarios.length;
  const first = writeTable(
    ws,
    t,
    f.title(plan.redundancy.policy, plan.redundancy.satisfied),
    [
      { header: f.scenario, width: 11, numFmt: FMT.int },
      { header: f.failedHosts, width: 16 },
      { header: f.verdict, width: 12 },
      { header: f.order, width: 8, numFmt: FMT.int },
      { header: c.vm, width: 18 },
      { header: c.haPriority, width: 11 },
      { header: f.from, width: 12 },
      { header: f.restartsOn, width: 14 },
    ],
    rows,
    scenarios === 0 ? f.none : `${f.note} ${t.placement.asComputed}`,
  );
  const top = first + rows.length + 1;
  subHeader(ws, top, f.survivorsTitle, [
    f.scenario,
    f.failedHosts,
    f.survivor,
    c.vcpu,
    t.summary.cpuPct,
    c.memoryGb,
    t.summary.memoryPct,
    f.shortfalls,
  ]);
  const loads: CellValue[][] = plan.redundancy.scenarios.flatMap((s, si) =>
    s.load.map((l, j) => [
      si + 1,
      cellText(s.failedHosts.join(' + ')),
      cellText(l.host),
      l.vcpu,
      l.cpuPct,
      l.memoryGb,
      l.memoryPct,
      j === 0 ? cellText(s.shortfalls.join('; ')) || null : null,
    ]),
  );
  const r0 = top + 2;
  writeRows(ws, r0, loads, [FMT.int, undefined, undefined, FMT.int, FMT.pct1, FMT.gb, FMT.pct1, undefined]);
  if (loads.length) {
    const r1 = r0 + loads.length - 1;
    ceilingFormat(ws, `E${r0}:E${r1}`, `E${r0}`, a.ref.failoverCeilingPct!);
    ceilingFormat(ws, `G${r0}:G${r1}`, `G${r0}`, a.ref.failoverCeilingPct!);
  }
}
