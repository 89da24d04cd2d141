// The Sizing sheet: each VM's vCPU, memory and disk as live formulas over Assumptions,
// Inventory and Utilization that reproduce the engine's rules, with the engine's value
// beside each one and a check column. The rules (method §3.3):
//   demand  = measured × peak × (1 + growth)
//   vCPU    = max(minVcpu, ⌈cores × CPU demand % / 100 × clock factor⌉)
//             or, for CPU demand in MHz, max(minVcpu, ⌈demand MHz / MHz per core⌉) (method §3.7),
//             the clock column then holding the MHz per core and the cores column empty
//   memory  = max(minMemoryGb, ⌈demand MB / 1024⌉ rounded up to the memory step)
//   disk    = demand GB rounded up to the disk step
// Each CEILING subtracts TOLERANCE so a float a hair above an integer (3.0000000000004) is not
// pushed to the next unit, as the engine's rounding does not.
// Every formula carries the engine's figure as its cached result, so a viewer that does not
// calculate (Protected View, previewers, data tools) shows the plan's numbers; Excel
// recalculates on open (fullCalcOnLoad) and any edit recalculates the dependent cells.
// Lookups go by the server's number (column A of Inventory and Utilization), never by row
// position, so sorting either sheet keeps every VM on its own server's figures.
import type ExcelJS from 'exceljs';
import type { MetricName } from '../domain/server.ts';
import type { Plan, PlanVm } from '../domain/plan.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import { FMT, DATA_FIRST_ROW, writeTable, type CellValue } from './workbook-style.ts';
import type { UtilizationLayout } from './workbook-utilization.ts';
import type { Messages } from './messages/index.ts';
import { cellText } from '../escape/spreadsheet.ts';
import { TOLERANCE } from '../util/tolerance.ts';
import type { InventoryLayout } from './workbook-sheets.ts';
import { serverIndexOf } from './summary.ts';

type Res = 'cpu' | 'memory' | 'disk' | 'network';
const METRIC: Record<Res, MetricName> = {
  cpu: 'cpuPct',
  memory: 'memoryUsedMb',
  disk: 'diskUsedGb',
  network: 'networkMBps',
};

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));

export interface SizingContext {
  plan: Plan;
  a: AssumptionCells;
  util: UtilizationLayout;
  inventory: InventoryLayout;
  t: Messages;
}

/** The measured value: a lookup into Utilization when it holds the plan's figure, else the figure. */
function measured(ctx: SizingContext, vm: PlanVm, si: number, res: Res, key: string): CellValue {
  const s = vm.sizing[res];
  if (!s) return null;
  const metric: MetricName = s.unit === 'MHz' ? 'cpuMhz' : METRIC[res];
  const fromUtil = si >= 0 ? ctx.util.value(si, metric, s.statistic) : undefined;
  if (fromUtil === undefined || !close(fromUtil, s.measured)) return s.measured;
  const label = `"${ctx.t.utilisation.metric[metric]} "&${ctx.a.ref[`statistic.${res}`]}`;
  return { formula: ctx.util.lookup(key, label), result: s.measured };
}

function demand(ctx: SizingContext, vm: PlanVm, res: Res, measuredCell: string): CellValue {
  const s = vm.sizing[res];
  if (!s) return null;
  return { formula: `${measuredCell}*${ctx.a.ref[`peak.${res}`]}*(1+${ctx.a.ref[`growth.${res}`]})`, result: s.demand };
}

function row(ctx: SizingContext, vm: PlanVm, r: number): CellValue[] {
  const { a, plan } = ctx;
  const ref = a.ref;
  const si = serverIndexOf(plan, vm);
  const server = plan.servers[si];
  const key = `$A${r}`;
  const sz = vm.sizing;
  const mhz = sz.cpu?.unit === 'MHz';
  const cores: CellValue =
    server && sz.cpu && !mhz
      ? {
          formula: `${ctx.inventory.lookup(key, 'sockets')}*${ctx.inventory.lookup(key, 'coresPerSocket')}`,
          result: (server.sockets ?? 0) * (server.coresPerSocket ?? 0),
        }
      : null;
  const clockResult =
    plan.settings.sizing.cpuNormalisation === 'clock' && server?.cpuGhz ? server.cpuGhz / plan.hostModel.cpuGhz : 1;
  const coreMhz = sz.cpu?.formulaStep?.params.coreMhz;
  const clock: CellValue = mhz
    ? typeof coreMhz === 'number'
      ? coreMhz
      : null
    : server && sz.cpu
      ? {
          formula: `IF(${ref.cpuNormalisation}="clock",${ctx.inventory.lookup(key, 'cpuGhz')}/${ref.hostGhz},1)`,
          result: clockResult,
        }
      : null;
  const f = (res: Res, formula: string): CellValue => {
    const s = sz[res];
    return s ? { formula, result: s.result } : null;
  };
  const checked = sz.cpu && sz.memory && sz.disk;
  return [
    si + 1,
    cellText(vm.name),
    cellText(vm.sourceServer),
    ctx.t.status[vm.status],
    cores,
    measured(ctx, vm, si, 'cpu', key),
    clock,
    demand(ctx, vm, 'cpu', `F${r}`),
    f(
      'cpu',
      mhz
        ? `MAX(${ref.minVcpu},CEILING(H${r}/G${r}-1E-9,1))`
        : `MAX(${ref.minVcpu},CEILING(E${r}*H${r}/100*G${r}-1E-9,1))`,
    ),
    vm.vcpu,
    measured(ctx, vm, si, 'memory', key),
    demand(ctx, vm, 'memory', `K${r}`),
    f('memory', `MAX(${ref.minMemoryGb},CEILING(CEILING(L${r}/1024-1E-9,1)-1E-9,${ref.memoryStepGb}))`),
    vm.memoryGb,
    measured(ctx, vm, si, 'disk', key),
    demand(ctx, vm, 'disk', `O${r}`),
    f('disk', `CEILING(P${r}-1E-9,${ref.diskStepGb})`),
    vm.diskGb,
    vm.nics,
    measured(ctx, vm, si, 'network', key),
    demand(ctx, vm, 'network', `T${r}`),
    checked
      ? {
          formula: `AND(I${r}=J${r},M${r}=N${r},Q${r}=R${r})`,
          result: sz.cpu!.result === vm.vcpu && sz.memory!.result === vm.memoryGb && sz.disk!.result === vm.diskGb,
        }
      : null,
  ];
}

export function sizingSheet(ws: ExcelJS.Worksheet, ctx: SizingContext): void {
  const rows = ctx.plan.vms.map((vm, i) => row(ctx, vm, DATA_FIRST_ROW + i));
  const { t } = ctx;
  const z = t.sizing;
  const c = t.col;
  writeTable(
    ws,
    t,
    z.title,
    [
      { header: c.number, width: 5, numFmt: FMT.int },
      { header: c.vm, width: 16 },
      { header: c.sourceServer, width: 24 },
      { header: c.status, width: 10 },
      { header: z.cores, width: 8, numFmt: FMT.int },
      { header: z.cpuMeasured, width: 10, numFmt: FMT.pct1 },
      { header: z.clock, width: 9, numFmt: FMT.dec2 },
      { header: z.cpuDemand, width: 10, numFmt: FMT.pct1 },
      { header: c.vcpu, width: 7, numFmt: FMT.int },
      { header: z.vcpuPlan, width: 9, numFmt: FMT.int },
      { header: z.memMeasured, width: 12, numFmt: FMT.mb2 },
      { header: z.memDemand, width: 12, numFmt: FMT.mb2 },
      { header: c.memoryGb, width: 10, numFmt: FMT.gb },
      { header: z.memPlan, width: 10, numFmt: FMT.gb },
      { header: z.diskMeasured, width: 10, numFmt: FMT.gb2 },
      { header: z.diskDemand, width: 10, numFmt: FMT.gb2 },
      { header: c.diskGb, width: 8, numFmt: FMT.gb },
      { header: z.diskPlan, width: 9, numFmt: FMT.gb },
      { header: c.vnics, width: 7, numFmt: FMT.int },
      { header: z.netMeasured, width: 11, numFmt: FMT.mbps },
      { header: z.netDemand, width: 11, numFmt: FMT.mbps },
      { header: z.check, width: 10 },
    ],
    rows,
    z.note,
  );
  if (rows.length > 0) {
    const last = DATA_FIRST_ROW + rows.length - 1;
    ws.addConditionalFormatting({
      ref: `V${DATA_FIRST_ROW}:V${last}`,
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          formulae: ['FALSE'],
          priority: 1,
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
            font: { color: { argb: 'FF9C0006' } },
          },
        },
      ],
    });
  }
}
