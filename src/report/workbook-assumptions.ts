// The Assumptions sheet: every setting that shaped the plan, one editable cell each, with
// unit and source. Formulas elsewhere reference these cells through `AssumptionCells`, so a
// consultant who edits growth or rounding here sees the Sizing sheet recalculate.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import { FMT, writeTable, type CellValue } from './workbook-style.ts';

export const ASSUMPTIONS_SHEET = 'Assumptions';

interface Entry {
  key: string;
  label: string;
  value: string | number;
  unit: string;
  source: string;
  numFmt?: string;
}

const RESOURCES = ['cpu', 'memory', 'disk', 'network'] as const;

/** Workbook-only cost inputs: not settings of the plan, the consultant fills them in. */
const COST_DEFAULTS = { horizonYears: 3, kwhPrice: 0.15, sourceServerWatts: 0, subscriptionPerSocketYear: 0 };

function entries(plan: Plan): Entry[] {
  const s = plan.settings;
  const list: Entry[] = [];
  for (const r of RESOURCES)
    list.push({
      key: `statistic.${r}`,
      label: `Demand statistic, ${r}`,
      value: s.sizing.statistic[r],
      unit: 'avg | max | pNN',
      source: 'sizing.statistic (method §3.1: averages)',
    });
  for (const r of RESOURCES)
    list.push({
      key: `peak.${r}`,
      label: `Peak factor, ${r}`,
      value: s.sizing.peakFactor[r],
      unit: '×',
      source: 'sizing.peakFactor (method §3.2: 1.0)',
      numFmt: FMT.dec2,
    });
  for (const r of RESOURCES)
    list.push({
      key: `growth.${r}`,
      label: `Growth, ${r}`,
      value: s.sizing.growth[r],
      unit: '% of demand',
      source: 'sizing.growth (method §3.2: +50 % memory and disk)',
      numFmt: FMT.growth,
    });
  list.push(
    {
      key: 'cpuNormalisation',
      label: 'CPU normalisation',
      value: s.sizing.cpuNormalisation,
      unit: 'none | clock',
      source: 'sizing.cpuNormalisation (method §3.4)',
    },
    {
      key: 'hostGhz',
      label: 'Target host clock',
      value: plan.hostModel.cpuGhz,
      unit: 'GHz',
      source: 'host specification',
      numFmt: FMT.ghz,
    },
    {
      key: 'memoryStepGb',
      label: 'VM memory step',
      value: s.sizing.memoryStepGb,
      unit: 'GB',
      source: 'sizing.memoryStepGb (method §3.3: 1)',
      numFmt: FMT.dec2,
    },
    {
      key: 'diskStepGb',
      label: 'VM disk step',
      value: s.sizing.diskStepGb,
      unit: 'GB',
      source: 'sizing.diskStepGb (method §3.3: 5)',
      numFmt: FMT.dec2,
    },
    {
      key: 'minVcpu',
      label: 'Smallest VM',
      value: s.sizing.minVcpu,
      unit: 'vCPU',
      source: 'sizing.minVcpu',
      numFmt: FMT.int,
    },
    {
      key: 'minMemoryGb',
      label: 'Smallest VM memory',
      value: s.sizing.minMemoryGb,
      unit: 'GB',
      source: 'sizing.minMemoryGb',
      numFmt: FMT.dec2,
    },
    {
      key: 'utilisationThresholdPct',
      label: 'Source utilisation threshold',
      value: s.sizing.utilisationThresholdPct,
      unit: '%',
      source: 'sizing.utilisationThresholdPct (method §4: 85)',
      numFmt: FMT.pct1,
    },
    {
      key: 'maxVcpuPerVm',
      label: 'vCPU per VM limit',
      value: s.hypervisor.maxVcpuPerVm,
      unit: 'vCPU',
      source: `hypervisor ${s.hypervisor.name} (method §3.5)`,
      numFmt: FMT.int,
    },
    {
      key: 'reserveMb',
      label: 'Hypervisor memory reserve',
      value: s.hypervisor.reserveMb,
      unit: 'MB per host',
      source: 'hypervisor.reserveMb (method §5.1: 512)',
      numFmt: FMT.mb,
    },
    {
      key: 'redundancy',
      label: 'Host failures to survive (k of N+k)',
      value: s.cluster.redundancy,
      unit: 'hosts',
      source: 'cluster.redundancy (method §6.4: N+1)',
      numFmt: FMT.int,
    },
    {
      key: 'vcpuPerCore',
      label: 'vCPU per physical core',
      value: s.cluster.vcpuPerCore,
      unit: 'vCPU',
      source: 'cluster.vcpuPerCore (method §5.1: 2)',
      numFmt: FMT.dec2,
    },
    {
      key: 'cpuCeilingPct',
      label: 'CPU ceiling per host',
      value: s.cluster.cpuCeilingPct,
      unit: '%',
      source: 'cluster.cpuCeilingPct (method §6.1: 75)',
      numFmt: FMT.pct1,
    },
    {
      key: 'memoryCeilingPct',
      label: 'Memory ceiling per host',
      value: s.cluster.memoryCeilingPct,
      unit: '%',
      source: 'cluster.memoryCeilingPct',
      numFmt: FMT.pct1,
    },
    {
      key: 'failoverCeilingPct',
      label: 'Ceiling after a failure',
      value: s.cluster.failoverCeilingPct,
      unit: '%',
      source: 'cluster.failoverCeilingPct',
      numFmt: FMT.pct1,
    },
    {
      key: 'swapOvercommit',
      label: 'Swap overcommit',
      value: s.partitions.swapOvercommit,
      unit: '× RAM',
      source: 'partitions.swapOvercommit (method §7: 0.5)',
      numFmt: FMT.dec2,
    },
    {
      key: 'dataFactor',
      label: 'Data partition factor',
      value: s.partitions.dataFactor,
      unit: '× RAM',
      source: 'partitions.dataFactor (method §7: 1.5)',
      numFmt: FMT.dec2,
    },
    {
      key: 'hostPrice',
      label: 'Price per host',
      value: plan.hostModel.price,
      unit: 'currency',
      source: 'host model / cluster.price',
      numFmt: FMT.money,
    },
    {
      key: 'hostWatts',
      label: 'Power per host',
      value: plan.hostModel.watts,
      unit: 'W',
      source: 'host model / cluster.watts',
      numFmt: FMT.int,
    },
    {
      key: 'horizonYears',
      label: 'Plan horizon',
      value: COST_DEFAULTS.horizonYears,
      unit: 'years',
      source: 'workbook assumption: edit',
      numFmt: FMT.int,
    },
    {
      key: 'kwhPrice',
      label: 'Electricity price',
      value: COST_DEFAULTS.kwhPrice,
      unit: 'currency per kWh',
      source: 'workbook assumption: edit',
      numFmt: FMT.money,
    },
    {
      key: 'sourceServerWatts',
      label: 'Power per source server',
      value: COST_DEFAULTS.sourceServerWatts,
      unit: 'W',
      source: 'workbook assumption: edit (0 = unknown)',
      numFmt: FMT.int,
    },
    {
      key: 'subscriptionPerSocketYear',
      label: 'Hypervisor subscription per socket',
      value: COST_DEFAULTS.subscriptionPerSocketYear,
      unit: 'currency per socket-year',
      source: 'workbook assumption: edit (method §5.4: RHEV per socket)',
      numFmt: FMT.money,
    },
  );
  return list;
}

/** Each assumption by key: its absolute reference (`Assumptions!$C$12`) and the value written there. */
export interface AssumptionCells {
  ref: Record<string, string>;
  value: Record<string, string | number>;
}

export function assumptionsSheet(ws: ExcelJS.Worksheet, plan: Plan): AssumptionCells {
  const list = entries(plan);
  const rows: CellValue[][] = list.map((e) => [e.label, e.key, e.value, e.unit, e.source]);
  const first = writeTable(
    ws,
    'Assumptions: every setting that shaped the plan (edit the yellow cells)',
    [
      { header: 'Setting', width: 38 },
      { header: 'Key', width: 24 },
      { header: 'Value', width: 12 },
      { header: 'Unit', width: 22 },
      { header: 'Source', width: 52 },
    ],
    rows,
    'Sizing formulas reference these cells: changing one recalculates the Sizing sheet the way capplan would.',
  );
  const cells: AssumptionCells = { ref: {}, value: {} };
  list.forEach((e, i) => {
    const cell = ws.getCell(first + i, 3);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if (e.numFmt) cell.numFmt = e.numFmt;
    cells.ref[e.key] = `${ASSUMPTIONS_SHEET}!$C$${first + i}`;
    cells.value[e.key] = e.value;
  });
  return cells;
}
