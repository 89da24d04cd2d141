// The Sizing sheet: each VM's vCPU, memory and disk as live formulas over Assumptions,
// Inventory and Utilization that reproduce the engine's rules, with the engine's value
// beside each one and a check column. The rules (method §3.3):
//   demand  = measured × peak × (1 + growth)
//   vCPU    = max(minVcpu, ⌈cores × CPU demand % / 100 × clock factor⌉)
//   memory  = max(minMemoryGb, ⌈demand MB / 1024⌉ rounded up to the memory step)
//   disk    = demand GB rounded up to the disk step
// Each CEILING subtracts TOLERANCE so a float a hair above an integer (3.0000000000004) is not
// pushed to the next unit, as the engine's rounding does not.
// Formula cells carry no cached result on purpose: Excel honours fullCalcOnLoad, but
// LibreOffice's default for xlsx is to trust cached values, so a cache could show numbers
// that no longer follow the Assumptions. Without one, every application must calculate.
import type ExcelJS from 'exceljs';
import type { MetricName } from '../domain/server.ts';
import type { Plan, PlanVm } from '../domain/plan.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import { FMT, DATA_FIRST_ROW, writeTable, type CellValue } from './workbook-style.ts';
import { METRIC_LABEL, type UtilizationLayout } from './workbook-utilization.ts';
import { TOLERANCE } from '../util/tolerance.ts';

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
}

/** The measured value: a lookup into Utilization when it holds the plan's figure, else the figure. */
function measured(ctx: SizingContext, vm: PlanVm, si: number, res: Res): CellValue {
  const s = vm.sizing[res];
  if (!s) return null;
  const fromUtil = si >= 0 ? ctx.util.value(si, METRIC[res], s.statistic) : undefined;
  if (fromUtil === undefined || !close(fromUtil, s.measured)) return s.measured;
  const label = `"${METRIC_LABEL[METRIC[res]]} "&${ctx.a[`statistic.${res}`]}`;
  return { formula: `INDEX(${ctx.util.rowRange(si)},MATCH(${label},${ctx.util.headerRange},0))` };
}

function demand(ctx: SizingContext, vm: PlanVm, res: Res, measuredCell: string): CellValue {
  if (!vm.sizing[res]) return null;
  return { formula: `${measuredCell}*${ctx.a[`peak.${res}`]}*(1+${ctx.a[`growth.${res}`]})` };
}

function row(ctx: SizingContext, vm: PlanVm, r: number): CellValue[] {
  const { a, plan } = ctx;
  const si = plan.servers.findIndex((s) => s.name === vm.sourceServer);
  const ir = DATA_FIRST_ROW + si;
  const has = (res: Res) => vm.sizing[res] !== undefined;
  const cores: CellValue = si >= 0 && has('cpu') ? { formula: `Inventory!$E$${ir}*Inventory!$F$${ir}` } : null;
  const clock: CellValue =
    si >= 0 && has('cpu') ? { formula: `IF(${a.cpuNormalisation}="clock",Inventory!$H$${ir}/${a.hostGhz},1)` } : null;
  const f = (res: Res, formula: string): CellValue => (has(res) ? { formula } : null);
  return [
    vm.name,
    vm.sourceServer,
    vm.status,
    cores,
    measured(ctx, vm, si, 'cpu'),
    clock,
    demand(ctx, vm, 'cpu', `E${r}`),
    f('cpu', `MAX(${a.minVcpu},CEILING(D${r}*G${r}/100*F${r}-1E-9,1))`),
    vm.vcpu,
    measured(ctx, vm, si, 'memory'),
    demand(ctx, vm, 'memory', `J${r}`),
    f('memory', `MAX(${a.minMemoryGb},CEILING(CEILING(K${r}/1024-1E-9,1)-1E-9,${a.memoryStepGb}))`),
    vm.memoryGb,
    measured(ctx, vm, si, 'disk'),
    demand(ctx, vm, 'disk', `N${r}`),
    f('disk', `CEILING(O${r}-1E-9,${a.diskStepGb})`),
    vm.diskGb,
    vm.nics,
    measured(ctx, vm, si, 'network'),
    demand(ctx, vm, 'network', `S${r}`),
    has('cpu') && has('memory') && has('disk') ? { formula: `AND(H${r}=I${r},L${r}=M${r},P${r}=Q${r})` } : null,
  ];
}

export function sizingSheet(ws: ExcelJS.Worksheet, ctx: SizingContext): void {
  const rows = ctx.plan.vms.map((vm, i) => row(ctx, vm, DATA_FIRST_ROW + i));
  writeTable(
    ws,
    "Sizing: live formulas over Assumptions, Inventory and Utilization, the engine's value beside each",
    [
      { header: 'VM', width: 16 },
      { header: 'Source server', width: 28 },
      { header: 'Status', width: 10 },
      { header: 'Cores', width: 7, numFmt: FMT.int },
      { header: 'CPU % measured', width: 11, numFmt: FMT.pct1 },
      { header: 'Clock factor', width: 9, numFmt: FMT.dec2 },
      { header: 'CPU % demand', width: 11, numFmt: FMT.pct1 },
      { header: 'vCPU', width: 7, numFmt: FMT.int },
      { header: 'vCPU (engine)', width: 9, numFmt: FMT.int },
      { header: 'Memory measured', width: 14, numFmt: FMT.mb2 },
      { header: 'Memory demand', width: 14, numFmt: FMT.mb2 },
      { header: 'Memory GB', width: 10, numFmt: FMT.gb },
      { header: 'Memory GB (engine)', width: 11, numFmt: FMT.gb },
      { header: 'Disk measured', width: 12, numFmt: FMT.gb2 },
      { header: 'Disk demand', width: 12, numFmt: FMT.gb2 },
      { header: 'Disk GB', width: 9, numFmt: FMT.gb },
      { header: 'Disk GB (engine)', width: 10, numFmt: FMT.gb },
      { header: 'vNICs', width: 7, numFmt: FMT.int },
      { header: 'Network measured', width: 13, numFmt: FMT.mbps },
      { header: 'Network demand', width: 13, numFmt: FMT.mbps },
      { header: 'Formula = engine', width: 10 },
    ],
    rows,
    'Change growth, peak, statistic or rounding on Assumptions and these formulas recalculate like capplan; a FALSE ' +
      'in the last column means the edited sheet and plan.json now differ.',
  );
  if (rows.length > 0) {
    const last = DATA_FIRST_ROW + rows.length - 1;
    ws.addConditionalFormatting({
      ref: `U${DATA_FIRST_ROW}:U${last}`,
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
