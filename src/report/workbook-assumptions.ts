// The Assumptions sheet: every setting that shaped the plan, one editable cell each, with
// unit and source. Formulas elsewhere reference these cells through `AssumptionCells`, so a
// consultant who edits growth or rounding here sees Sizing and Cost recalculate. The
// statistic cells offer a list of the statistics the Utilisation sheet actually has, and
// every numeric cell accepts only numbers in its setting's range (data validation).
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { FMT, writeTable, type CellValue } from './workbook-style.ts';

interface Entry {
  key: string;
  label: string;
  value: string | number;
  unit: string;
  source: string;
  numFmt?: string;
  /** What the cell accepts: a list of texts, or numbers from min (to max). */
  accepts?: { list: string[] } | { min: number; max?: number; integer?: boolean };
}

const RESOURCES = ['cpu', 'memory', 'disk', 'network'] as const;

/** Workbook-only cost inputs: not settings of the plan, the consultant fills them in. */
export const COST_DEFAULTS = { horizonYears: 3, kwhPrice: 0.15, sourceServerWatts: 0, subscriptionPerSocketYear: 0 };

type Key = keyof Messages['assumptions']['label'];

function entries(plan: Plan, t: Messages, statistics: string[]): Entry[] {
  const s = plan.settings;
  const a = t.assumptions;
  const u = a.unit;
  const m = a.method;
  const list: Entry[] = [];
  const res = (r: (typeof RESOURCES)[number]) => a.resource[r];
  for (const r of RESOURCES)
    list.push({
      key: `statistic.${r}`,
      label: a.statistic(res(r)),
      value: s.sizing.statistic[r],
      unit: u.statistic,
      source: m('3.1'),
      accepts: { list: statistics },
    });
  for (const r of RESOURCES)
    list.push({
      key: `peak.${r}`,
      label: a.peak(res(r)),
      value: s.sizing.peakFactor[r],
      unit: u.factor,
      source: m('3.2'),
      numFmt: FMT.dec2,
      accepts: { min: 0 },
    });
  for (const r of RESOURCES)
    list.push({
      key: `growth.${r}`,
      label: a.growth(res(r)),
      value: s.sizing.growth[r],
      unit: u.growth,
      source: m('3.2'),
      numFmt: FMT.growth,
      accepts: { min: 0 },
    });
  const one = (
    key: Key,
    value: string | number,
    unit: string,
    source: string,
    numFmt?: string,
    accepts?: Entry['accepts'],
  ) => list.push({ key, label: a.label[key], value, unit, source, numFmt, accepts });
  const num = (min: number, max?: number) => ({ min, max });
  const int = (min: number, max?: number) => ({ min, max, integer: true });
  one('cpuNormalisation', s.sizing.cpuNormalisation, u.normalisation, m('3.4'), undefined, { list: ['none', 'clock'] });
  one('hostGhz', plan.hostModel.cpuGhz, u.ghz, a.fromPlan, FMT.ghz, num(0.001));
  one('memoryStepGb', s.sizing.memoryStepGb, u.gb, m('3.3'), FMT.dec2, num(0.001));
  one('diskStepGb', s.sizing.diskStepGb, u.gb, m('3.3'), FMT.dec2, num(0.001));
  one('minVcpu', s.sizing.minVcpu, u.vcpu, m('3.3'), FMT.int, int(1));
  one('minMemoryGb', s.sizing.minMemoryGb, u.gb, m('3.3'), FMT.dec2, num(0.001));
  one('utilisationThresholdPct', s.sizing.utilisationThresholdPct, u.pct, m('4'), FMT.pct1, num(0, 100));
  one('maxVcpuPerVm', s.hypervisor.maxVcpuPerVm, u.vcpu, `${s.hypervisor.name} (${m('3.5')})`, FMT.int, int(1));
  one('reserveMb', s.hypervisor.reserveMb, u.mbPerHost, m('5.1'), FMT.mb, num(0));
  one('redundancy', s.cluster.redundancy, u.hosts, m('6.4'), FMT.int, int(0));
  one('vcpuPerCore', s.cluster.vcpuPerCore, u.vcpu, m('5.1'), FMT.dec2, num(0.001));
  one('cpuCeilingPct', s.cluster.cpuCeilingPct, u.pct, m('6.1'), FMT.pct1, num(0, 100));
  one('memoryCeilingPct', s.cluster.memoryCeilingPct, u.pct, m('6.1'), FMT.pct1, num(0, 100));
  one('failoverCeilingPct', s.cluster.failoverCeilingPct, u.pct, m('6.4'), FMT.pct1, num(0, 100));
  one('swapOvercommit', s.partitions.swapOvercommit, u.perRam, m('7'), FMT.dec2, num(0));
  one('dataFactor', s.partitions.dataFactor, u.perRam, m('7'), FMT.dec2, num(0));
  one('hostPrice', plan.hostModel.price, u.currency, a.fromPlan, FMT.money, num(0));
  one('hostWatts', plan.hostModel.watts, u.watts, a.fromPlan, FMT.int, num(0));
  one('horizonYears', COST_DEFAULTS.horizonYears, u.years, a.edit, FMT.int, int(1, 50));
  one('kwhPrice', COST_DEFAULTS.kwhPrice, u.perKwh, a.edit, FMT.money, num(0));
  one('sourceServerWatts', COST_DEFAULTS.sourceServerWatts, u.watts, a.editUnknown, FMT.int, num(0));
  one(
    'subscriptionPerSocketYear',
    COST_DEFAULTS.subscriptionPerSocketYear,
    u.perSocketYear,
    `${a.edit} (${m('5.4')})`,
    FMT.money,
    num(0),
  );
  return list;
}

/** Each assumption by key: its absolute reference (`Assumptions!$C$12`) and the value written there. */
export interface AssumptionCells {
  ref: Record<string, string>;
  value: Record<string, string | number>;
}

function validation(accepts: NonNullable<Entry['accepts']>): ExcelJS.DataValidation {
  if ('list' in accepts)
    return {
      type: 'list',
      allowBlank: false,
      // A list written inline: the statistics are short codes without commas or quotes.
      formulae: [`"${accepts.list.join(',')}"`],
      showErrorMessage: true,
    };
  const between = accepts.max !== undefined;
  return {
    type: accepts.integer ? 'whole' : 'decimal',
    operator: between ? 'between' : 'greaterThanOrEqual',
    allowBlank: false,
    formulae: between ? [accepts.min, accepts.max!] : [accepts.min],
    showErrorMessage: true,
  };
}

export function assumptionsSheet(
  ws: ExcelJS.Worksheet,
  plan: Plan,
  t: Messages,
  statistics: string[],
): AssumptionCells {
  const list = entries(plan, t, statistics);
  const rows: CellValue[][] = list.map((e) => [e.label, e.key, e.value, e.unit, e.source]);
  const c = t.col;
  const first = writeTable(
    ws,
    t,
    t.assumptions.title,
    [
      { header: c.setting, width: 40 },
      { header: c.key, width: 26 },
      { header: c.value, width: 12 },
      { header: c.unit, width: 24 },
      { header: c.source, width: 40 },
    ],
    rows,
    t.assumptions.note,
  );
  const cells: AssumptionCells = { ref: {}, value: {} };
  const sheet = `'${t.sheet.assumptions}'`;
  list.forEach((e, i) => {
    const cell = ws.getCell(first + i, 3);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if (e.numFmt) cell.numFmt = e.numFmt;
    if (e.accepts) cell.dataValidation = validation(e.accepts);
    cells.ref[e.key] = `${sheet}!$C$${first + i}`;
    cells.value[e.key] = e.value;
  });
  return cells;
}
