// The Cost sheet: the total cost of ownership (method §15), every line a live formula over
// the Assumptions cells with plan.json's `tco` figure as its cached result, so a viewer that
// does not calculate shows the plan's numbers and an edited price recalculates the totals.
// A missing input gives the text "not priced" (never 0); totals add the priced lines only
// (COUNT/SUM skip text), as src/plan/tco.ts does.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { PlanTco, TcoLineKey } from '../domain/plan-tco.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import type { Messages } from './messages/index.ts';
import { DATA_FIRST_ROW, FMT, writeTable, type CellValue } from './workbook-style.ts';
import { licenceComparison } from './workbook-licences.ts';

/** A number, a text, or a formula: {row} is that row's column B, {row.C} its column C, [key] an assumption. */
type Value = number | string | null | { f: string; result: number | string | null };

interface Row {
  key: string;
  label: string;
  b: Value;
  c: Value;
  unit: string;
  how: string;
  fmt: string;
}

/** The formulas of method §15, in the Cost sheet's terms; the cached results are plan.json's. */
function rows(plan: Plan, tco: PlanTco, t: Messages): Row[] {
  const k = t.cost;
  const NP = `"${t.notPriced}"`;
  const cur = tco.currency;
  const line = (key: TcoLineKey) => tco.lines.find((l) => l.key === key);
  const fact = (key: keyof Messages['cost']['fact'], b: Value, unit: string, fmt: string, how?: string) => ({
    key,
    label: k.fact[key],
    b,
    c: null,
    unit,
    how: how ?? (k.factHow[key] as string),
    fmt,
  });
  const avgCpu = tco.power.hostCpuPct.reduce((s, v) => s + v, 0) / Math.max(1, tco.hosts);
  const out: Row[] = [
    fact('hosts', tco.hosts, '', FMT.int),
    fact('sockets', plan.hostModel.sockets, '', FMT.int),
    fact('coresPerSocket', plan.hostModel.coresPerSocket, '', FMT.int),
    fact(
      'licensedCores',
      {
        f:
          'MAX([cost.subscription.minCoresPerHost],' +
          '{sockets}*MAX([cost.subscription.minCoresPerSocket],{coresPerSocket}))',
        result: tco.licensedCoresPerHost,
      },
      k.unit.cores,
      FMT.int,
    ),
    fact('sourceServers', tco.sourceServers, '', FMT.int),
    fact('cpuPct', avgCpu, '%', FMT.pct1, k.factHow.cpuPct[tco.power.utilisationSource]),
    fact(
      'rackUnits',
      {
        f: `IF(ISNUMBER([cost.rack.unitsPerHost]),{hosts}*[cost.rack.unitsPerHost],"${k.notStated}")`,
        result: tco.rackUnits ?? k.notStated,
      },
      k.unit.u,
      FMT.dec2,
    ),
    fact(
      'kwhPerYear',
      {
        f:
          'IF(AND(ISNUMBER([cost.power.idleWatts]),ISNUMBER([cost.power.maxWatts]),ISNUMBER([cost.power.pue])),' +
          '({hosts}*[cost.power.idleWatts]+([cost.power.maxWatts]-[cost.power.idleWatts])*{hosts}*{cpuPct}/100)' +
          `*[cost.power.pue]*[cost.power.hoursPerYear]/1000,${NP})`,
        result: tco.power.kwhPerYear ?? t.notPriced,
      },
      'kWh',
      FMT.money,
    ),
  ];
  const yearly = (key: string) => `IF(ISNUMBER({${key}}),{${key}}*[cost.horizonYears],${NP})`;
  const money = (key: TcoLineKey, perYear: string | null, overHorizon?: string | number) => {
    const l = line(key);
    if (!l) return;
    out.push({
      key,
      label: k.line[key],
      b: perYear === null ? null : { f: perYear, result: l.perYear },
      c: typeof overHorizon === 'number' ? overHorizon : { f: overHorizon ?? yearly(key), result: l.overHorizon },
      unit: cur,
      how: k.lineHow[key],
      fmt: FMT.money,
    });
  };
  money('hardware', null, `IF(ISNUMBER([cost.hardware.pricePerHost]),{hosts}*[cost.hardware.pricePerHost],${NP})`);
  if (line('hostGroupLicences')) money('hostGroupLicences', null, line('hostGroupLicences')!.overHorizon!);
  money(
    'subscriptions',
    'IF(AND(NOT(ISNUMBER([cost.subscription.perSocketYear])),NOT(ISNUMBER([cost.subscription.perCoreYear]))),' +
      `${NP},{hosts}*({sockets}*N([cost.subscription.perSocketYear])` +
      '+{licensedCores}*N([cost.subscription.perCoreYear])))',
  );
  money(
    'support',
    'IF(ISNUMBER([cost.support.pctOfHardwarePerYear]),IF(ISNUMBER({hardware.C}),' +
      `[cost.support.pctOfHardwarePerYear]/100*{hardware.C},${NP}),` +
      `IF(ISNUMBER([cost.support.perHostYear]),{hosts}*[cost.support.perHostYear],${NP}))`,
  );
  money(
    'power',
    `IF(AND(ISNUMBER({kwhPerYear}),ISNUMBER([cost.power.pricePerKwh])),{kwhPerYear}*[cost.power.pricePerKwh],${NP})`,
  );
  money(
    'rack',
    'IF(AND(ISNUMBER([cost.rack.unitsPerHost]),ISNUMBER([cost.rack.pricePerUnitYear])),' +
      `{hosts}*[cost.rack.unitsPerHost]*[cost.rack.pricePerUnitYear],${NP})`,
  );
  money(
    'sourcePower',
    'IF(AND(ISNUMBER([cost.sourceServers.watts]),ISNUMBER([cost.power.pue]),ISNUMBER([cost.power.pricePerKwh])),' +
      '{sourceServers}*[cost.sourceServers.watts]*[cost.power.pue]*[cost.power.hoursPerYear]/1000' +
      `*[cost.power.pricePerKwh],${NP})`,
  );
  money(
    'sourceMaintenance',
    'IF(ISNUMBER([cost.sourceServers.maintenancePerYear]),' +
      `{sourceServers}*[cost.sourceServers.maintenancePerYear],${NP})`,
  );
  out.push(...totals(tco, t, NP));
  const licences = licenceComparison(plan);
  if (licences) {
    const r = (key: string, label: string, c: number) => ({
      key,
      label,
      b: null,
      c,
      unit: cur,
      how: k.licences.title,
      fmt: FMT.money,
    });
    out.push(
      r('licencesWithout', k.licences.without, licences.without),
      r('licenceSaving', k.licences.saving, licences.saving),
    );
  }
  return out;
}

/** One total per kind: SUM over the priced cells, "not priced" when none is (COUNT = 0). */
function totals(tco: PlanTco, t: Messages, NP: string): Row[] {
  const k = t.cost;
  const of = (kind: 'capex' | 'opex' | 'avoided', col: 'B' | 'C') =>
    tco.lines.filter((l) => l.kind === kind).map((l) => `{${l.key}${col === 'C' ? '.C' : ''}}`);
  const sum = (cells: string[]) => `IF(COUNT(${cells.join(',')})=0,${NP},SUM(${cells.join(',')}))`;
  const yearly = (key: string) => `IF(ISNUMBER({${key}}),{${key}}*[cost.horizonYears],${NP})`;
  const x = tco.totals;
  const perYear = (kind: 'avoided') => {
    const v = tco.lines.filter((l) => l.kind === kind && l.perYear !== null).map((l) => l.perYear!);
    return v.length ? v.reduce((s, n) => s + n, 0) : null;
  };
  const y = tco.horizonYears;
  const r = (key: keyof typeof k.total, b: Value, c: Value) => ({
    key,
    label: k.total[key],
    b,
    c,
    unit: tco.currency,
    how: k.totalHow[key],
    fmt: FMT.money,
  });
  return [
    r('capex', null, { f: sum(of('capex', 'C')), result: x.capex }),
    r(
      'opex',
      { f: sum(of('opex', 'B')), result: x.opexPerYear },
      { f: yearly('opex'), result: x.opexPerYear === null ? null : x.opexPerYear * y },
    ),
    r('overHorizon', null, { f: sum(['{capex.C}', '{opex.C}']), result: x.overHorizon }),
    r(
      'avoided',
      { f: sum(of('avoided', 'B')), result: perYear('avoided') },
      { f: yearly('avoided'), result: x.avoidedOverHorizon },
    ),
    r('net', null, { f: `IF(ISNUMBER({overHorizon.C}),{overHorizon.C}-N({avoided.C}),${NP})`, result: x.net }),
  ];
}

export function costSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells, t: Messages): void {
  const tco = plan.tco;
  if (!tco) {
    writeTable(ws, t, t.cost.mdTitle, [{ header: t.col.item, width: 60 }], [], t.cost.absent);
    return;
  }
  const list = rows(plan, tco, t);
  const rowOf = new Map(list.map((l, i) => [l.key, DATA_FIRST_ROW + i]));
  const resolve = (f: string) =>
    f
      .replace(/\{(\w+)(\.C)?\}/g, (_, k: string, c?: string) => `${c ? 'C' : 'B'}${rowOf.get(k)}`)
      .replace(/\[([\w.]+)\]/g, (_, k: string) => a.ref[k]!);
  const cell = (v: Value): CellValue =>
    v === null || typeof v !== 'object' ? v : { formula: resolve(v.f), result: v.result ?? t.notPriced };
  writeTable(
    ws,
    t,
    t.cost.title(tco.horizonYears, tco.currency),
    [
      { header: t.col.item, width: 44 },
      { header: t.cost.perYear, width: 16 },
      { header: t.cost.overHorizon, width: 16 },
      { header: t.col.unit, width: 10 },
      { header: t.col.how, width: 60 },
    ],
    list.map((l) => [l.label, cell(l.b), cell(l.c), l.unit, l.how]),
    `${t.cost.note} ${t.placement.asComputed}`,
  );
  list.forEach((l, i) => {
    ws.getCell(DATA_FIRST_ROW + i, 2).numFmt = l.fmt;
    ws.getCell(DATA_FIRST_ROW + i, 3).numFmt = l.fmt;
  });
}
