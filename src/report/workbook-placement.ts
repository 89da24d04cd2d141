// The Placement and Failover sheets: VM → host, each host's load against its capacity and
// the ceilings (conditional formatting reads the ceilings from Assumptions), and every N+k
// scenario with what restarts where, in priority order, and the survivors' load.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import { FMT, writeTable, type CellValue } from './workbook-style.ts';

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

function heading(ws: ExcelJS.Worksheet, row: number, text: string, headers: string[]): void {
  ws.getCell(row, 1).value = text;
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  headers.forEach((h, i) => {
    ws.getCell(row + 1, i + 1).value = h;
    ws.getCell(row + 1, i + 1).font = { bold: true };
  });
}

function writeRows(ws: ExcelJS.Worksheet, first: number, rows: CellValue[][], fmts: (string | undefined)[]): void {
  rows.forEach((r, j) => {
    r.forEach((v, i) => {
      const cell = ws.getCell(first + j, i + 1);
      if (v !== null) cell.value = v as ExcelJS.CellValue;
      if (fmts[i]) cell.numFmt = fmts[i]!;
    });
  });
}

export function placementSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells): void {
  const p = plan.placement;
  const first = writeTable(
    ws,
    'Placement: VM → host',
    [
      { header: 'VM', width: 18 },
      { header: 'Status', width: 10 },
      { header: 'Host', width: 12 },
      { header: 'HA priority', width: 11 },
      { header: 'vCPU', width: 9, numFmt: FMT.int },
      { header: 'Memory GB', width: 11, numFmt: FMT.gb },
      { header: 'Disk GB', width: 10, numFmt: FMT.gb },
      { header: 'vNICs', width: 10, numFmt: FMT.int },
      { header: 'Network MB/s', width: 13, numFmt: FMT.mbps },
    ],
    plan.vms.map((v) => [v.name, v.status, v.host, v.haPriority, v.vcpu, v.memoryGb, v.diskGb, v.nics, v.networkMBps]),
    `Method ${p.method}, objective ${p.objective}, ${p.hostsUsed} hosts (lower ` +
      `bound ${p.lowerBound}${p.optimal ? ', optimal' : ''}), seed ${p.seed}`,
  );
  const top = first + plan.vms.length + 1;
  heading(ws, top, 'Load per host against capacity (normal operation)', [
    'Host',
    'VMs',
    'vCPU',
    'vCPU capacity',
    'CPU %',
    'Memory GB',
    'Memory GB capacity',
    'Memory %',
  ]);
  const rows: CellValue[][] = plan.hosts.map((h) => {
    const cores = h.sockets * h.coresPerSocket;
    return [
      h.name,
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

export function failoverSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells): void {
  const rows: CellValue[][] = [];
  plan.redundancy.scenarios.forEach((s, si) => {
    s.restarts.forEach((x, i) => {
      rows.push([
        si + 1,
        s.failedHosts.join(' + '),
        s.satisfied ? 'holds' : 'FAILS',
        i + 1,
        x.vm,
        x.haPriority,
        x.from,
        x.to ?? 'nowhere',
      ]);
    });
  });
  const first = writeTable(
    ws,
    `Failover (${plan.redundancy.policy}): ${plan.redundancy.satisfied ? 'satisfied' : 'NOT satisfied'}`,
    [
      { header: 'Scenario', width: 16, numFmt: FMT.int },
      { header: 'Failed hosts', width: 16 },
      { header: 'Verdict', width: 9 },
      { header: 'Order', width: 12, numFmt: FMT.int },
      { header: 'VM', width: 18 },
      { header: 'HA priority', width: 11 },
      { header: 'From', width: 12 },
      { header: 'Restarts on', width: 12 },
    ],
    rows,
    "Each failed host's VMs restart on the survivors in HA-priority order (high, medium, low).",
  );
  const top = first + rows.length + 1;
  heading(ws, top, 'Surviving hosts after each failure', [
    'Scenario',
    'Failed hosts',
    'Survivor',
    'vCPU',
    'CPU %',
    'Memory GB',
    'Memory %',
    'Shortfalls',
  ]);
  const loads: CellValue[][] = plan.redundancy.scenarios.flatMap((s, si) =>
    s.load.map((l, j) => [
      si + 1,
      s.failedHosts.join(' + '),
      l.host,
      l.vcpu,
      l.cpuPct,
      l.memoryGb,
      l.memoryPct,
      j === 0 ? s.shortfalls.join('; ') || null : null,
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
