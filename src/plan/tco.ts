// The total cost of ownership of a plan (method §15): a pure function of the plan and its
// `cost` settings. Each line states the settings it needs; a line missing one is not priced
// (amounts null, key in notPriced), never 0. The workbook's Cost sheet writes the same
// formulas over the Assumptions cells (src/report/workbook-cost.ts), with these figures as
// their cached results.
import type { Plan, PlanWithTco } from '../domain/plan.ts';
import type { PlanTco, TcoLine, TcoLineKey } from '../domain/plan-tco.ts';
import type { CostSettings } from '../domain/tco-settings.ts';

/** The inputs of the formulas, each null when its setting (or the plan's fallback) is missing. */
export interface TcoInputs {
  hosts: number;
  sockets: number;
  licensedCores: number;
  sourceServers: number;
  /** Σ over hosts of the CPU utilisation as a fraction (method §15.5). */
  utilisationSum: number;
  hostPrice: number | null;
  licences: number | null;
  perSocketYear: number | null;
  perCoreYear: number | null;
  supportPct: number | null;
  supportPerHostYear: number | null;
  idleWatts: number | null;
  maxWatts: number | null;
  pue: number | null;
  pricePerKwh: number | null;
  hoursPerYear: number;
  unitsPerHost: number | null;
  pricePerUnitYear: number | null;
  sourceWatts: number | null;
  sourceMaintenanceYear: number | null;
}

/** Licensed cores of one host (method §15.3): max(per host, sockets × max(per socket, cores)). */
export function licensedCores(sockets: number, coresPerSocket: number, s: CostSettings['subscription']): number {
  return Math.max(s.minCoresPerHost, sockets * Math.max(s.minCoresPerSocket, coresPerSocket));
}

/** CPU utilisation per host, %: the replayed average where every host has one, else the planned load. */
function hostCpuPct(plan: Plan): { source: 'replay' | 'plan'; pct: number[] } {
  const normal = plan.replay?.windows.find((w) => w.role === 'planning')?.scenarios.find((s) => s.name === 'normal');
  const replayed = plan.hosts.map((h) => normal?.hosts.find((x) => x.name === h.name)?.cpu?.avgPct ?? null);
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  if (plan.hosts.length > 0 && replayed.every((v) => v !== null))
    return { source: 'replay', pct: replayed.map((v) => clamp(v!)) };
  return { source: 'plan', pct: plan.hosts.map((h) => clamp(h.load.cpuPct)) };
}

/** A price of 0 in cluster.price or the catalog is their default, i.e. not given. */
const given = (v: number) => (v > 0 ? v : null);

export function tcoInputs(plan: Plan, c: CostSettings): TcoInputs {
  const m = plan.hostModel;
  const licences = plan.placement.licences;
  return {
    hosts: plan.hosts.length,
    sockets: m.sockets,
    licensedCores: licensedCores(m.sockets, m.coresPerSocket, c.subscription),
    sourceServers: plan.totals.placed,
    utilisationSum: hostCpuPct(plan).pct.reduce((s, v) => s + v / 100, 0),
    hostPrice: c.hardware.models[m.name] ?? c.hardware.pricePerHost ?? given(m.price),
    licences: licences?.length ? licences.reduce((s, l) => s + l.cost, 0) : null,
    perSocketYear: c.subscription.perSocketYear,
    perCoreYear: c.subscription.perCoreYear,
    supportPct: c.support.pctOfHardwarePerYear,
    supportPerHostYear: c.support.perHostYear,
    idleWatts: c.power.idleWatts,
    maxWatts: c.power.maxWatts ?? given(m.watts),
    pue: c.power.pue,
    pricePerKwh: c.power.pricePerKwh,
    hoursPerYear: c.power.hoursPerYear,
    unitsPerHost: c.rack.unitsPerHost,
    pricePerUnitYear: c.rack.pricePerUnitYear,
    sourceWatts: c.sourceServers.watts,
    sourceMaintenanceYear: c.sourceServers.maintenancePerYear,
  };
}

type Amount = { value: number | null; missing: string[] };
const need = (pairs: [number | null, string][], f: () => number): Amount => {
  const missing = pairs.filter(([v]) => v === null).map(([, path]) => path);
  return { value: missing.length ? null : f(), missing };
};

/** Facility energy of the hosts per year, kWh (method §15.5): Σ (idle + (max − idle) u) × PUE × h / 1000. */
export function hostKwhPerYear(i: TcoInputs): Amount {
  return need(
    [
      [i.idleWatts, 'cost.power.idleWatts'],
      [i.maxWatts, 'cost.power.maxWatts'],
      [i.pue, 'cost.power.pue'],
    ],
    () => ((i.hosts * i.idleWatts! + (i.maxWatts! - i.idleWatts!) * i.utilisationSum) * i.pue! * i.hoursPerYear) / 1000,
  );
}

/** Each line's one-off (capex) or yearly amount (method §15.2–15.7). */
export function tcoAmounts(i: TcoInputs): Record<TcoLineKey, Amount & { kind: TcoLine['kind'] }> {
  const hardware = need([[i.hostPrice, 'cost.hardware.pricePerHost']], () => i.hosts * i.hostPrice!);
  const kwh = hostKwhPerYear(i);
  const subscription =
    i.perSocketYear === null && i.perCoreYear === null
      ? { value: null, missing: ['cost.subscription.perSocketYear', 'cost.subscription.perCoreYear'] }
      : { value: i.hosts * (i.sockets * (i.perSocketYear ?? 0) + i.licensedCores * (i.perCoreYear ?? 0)), missing: [] };
  const support =
    i.supportPct !== null
      ? need([[hardware.value, 'cost.hardware.pricePerHost']], () => (i.supportPct! / 100) * hardware.value!)
      : i.supportPerHostYear !== null
        ? { value: i.hosts * i.supportPerHostYear, missing: [] }
        : { value: null, missing: ['cost.support.pctOfHardwarePerYear', 'cost.support.perHostYear'] };
  return {
    hardware: { kind: 'capex', ...hardware },
    hostGroupLicences: { kind: 'capex', value: i.licences, missing: [] },
    subscriptions: { kind: 'opex', ...subscription },
    support: { kind: 'opex', ...support },
    power: {
      kind: 'opex',
      value: kwh.value === null || i.pricePerKwh === null ? null : kwh.value * i.pricePerKwh,
      missing: [...kwh.missing, ...(i.pricePerKwh === null ? ['cost.power.pricePerKwh'] : [])],
    },
    rack: {
      kind: 'opex',
      ...need(
        [
          [i.unitsPerHost, 'cost.rack.unitsPerHost'],
          [i.pricePerUnitYear, 'cost.rack.pricePerUnitYear'],
        ],
        () => i.hosts * i.unitsPerHost! * i.pricePerUnitYear!,
      ),
    },
    sourcePower: {
      kind: 'avoided',
      ...need(
        [
          [i.sourceWatts, 'cost.sourceServers.watts'],
          [i.pue, 'cost.power.pue'],
          [i.pricePerKwh, 'cost.power.pricePerKwh'],
        ],
        () => ((i.sourceServers * i.sourceWatts! * i.pue! * i.hoursPerYear) / 1000) * i.pricePerKwh!,
      ),
    },
    sourceMaintenance: {
      kind: 'avoided',
      ...need(
        [[i.sourceMaintenanceYear, 'cost.sourceServers.maintenancePerYear']],
        () => i.sourceServers * i.sourceMaintenanceYear!,
      ),
    },
  };
}

const SOURCES: Record<TcoLineKey, string> = {
  hardware: 'cost.hardware (else the host model price)',
  hostGroupLicences: 'placement.licences (one-off)',
  subscriptions: 'cost.subscription',
  support: 'cost.support',
  power: 'cost.power at the hosts’ CPU utilisation',
  rack: 'cost.rack',
  sourcePower: 'cost.sourceServers.watts, cost.power',
  sourceMaintenance: 'cost.sourceServers.maintenancePerYear',
};

/** Sum of the priced amounts; null when none is priced. */
const total = (values: (number | null)[]): number | null =>
  values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

export function computeTco(plan: Plan): PlanTco {
  const c = plan.settings.cost;
  const inputs = tcoInputs(plan, c);
  const amounts = tcoAmounts(inputs);
  const years = c.horizonYears;
  const util = hostCpuPct(plan);
  const keys = (Object.keys(amounts) as TcoLineKey[]).filter((k) => k !== 'hostGroupLicences' || inputs.licences);
  const lines: TcoLine[] = keys.map((key) => {
    const a = amounts[key];
    const capex = a.kind === 'capex';
    const source = key === 'power' ? `${SOURCES.power} (${util.source})` : SOURCES[key];
    return {
      key,
      kind: a.kind,
      perYear: capex ? null : a.value,
      overHorizon: a.value === null ? null : capex ? a.value : a.value * years,
      priced: a.value !== null,
      missing: a.missing,
      source,
    };
  });
  const of = (kind: TcoLine['kind'], f: (l: TcoLine) => number | null) =>
    total(lines.filter((l) => l.kind === kind).map(f));
  const capex = of('capex', (l) => l.overHorizon);
  const opexPerYear = of('opex', (l) => l.perYear);
  const overHorizon = total([capex, opexPerYear === null ? null : opexPerYear * years]);
  const avoided = of('avoided', (l) => l.overHorizon);
  return {
    currency: c.currency,
    horizonYears: years,
    hosts: inputs.hosts,
    sourceServers: inputs.sourceServers,
    licensedCoresPerHost: inputs.licensedCores,
    rackUnits: inputs.unitsPerHost === null ? null : inputs.hosts * inputs.unitsPerHost,
    power: { utilisationSource: util.source, hostCpuPct: util.pct, kwhPerYear: hostKwhPerYear(inputs).value },
    lines,
    totals: {
      capex,
      opexPerYear,
      overHorizon,
      avoidedOverHorizon: avoided,
      net: overHorizon === null ? null : overHorizon - (avoided ?? 0),
    },
    notPriced: lines.filter((l) => !l.priced).map((l) => l.key),
  };
}

/**
 * The plan with its cost of ownership: its own `tco`, or for a plan written before the cost
 * of ownership existed, the one its settings give (method §15) — one cost model for every reader.
 */
export function withTco(plan: Plan): PlanWithTco {
  return { ...plan, tco: plan.tco ?? computeTco(plan) };
}
