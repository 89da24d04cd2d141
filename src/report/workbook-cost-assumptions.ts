// The Assumptions rows of the total cost of ownership (method §15): every input of the Cost
// sheet's formulas, editable, with its source. A blank cell is an input not given: the lines
// that need it show "not priced". Keys are the capplan.yaml paths of the settings.
import type { Plan } from '../domain/plan.ts';
import type { CostSettings } from '../domain/tco-settings.ts';
import { cellText } from '../escape/spreadsheet.ts';
import type { Messages } from './messages/index.ts';
import type { AssumptionEntry } from './workbook-assumption-entry.ts';
import { FMT } from './workbook-style.ts';

/** The effective value of each cost input: the setting, else the plan's fallback, else blank. */
export function costEntries(plan: Plan, t: Messages): AssumptionEntry[] {
  const c: CostSettings = plan.settings.cost;
  const k = t.cost;
  const a = k.assumption;
  const u = k.unit;
  const cur = c.currency;
  const m = plan.hostModel;
  const money = { min: 0 };
  const list: AssumptionEntry[] = [];
  /** The source column: the setting's own source text, the path it came from, or how to give it. */
  const from = (path: string, value: unknown, note: string | null, fallback?: string) =>
    value === null || value === undefined
      ? fallback
        ? fallback
        : k.source.missing(path)
      : `${k.source.setting(path)}${note ? ` — ${cellText(note)}` : ''} (${t.assumptions.method('15')})`;
  const add = (
    key: string,
    label: string,
    value: number | string | null,
    unit: string,
    source: string,
    numFmt: string,
    accepts: AssumptionEntry['accepts'],
  ) => list.push({ key, label, value, unit, source, numFmt, accepts });

  add('cost.currency', a.currency, cur, u.code, from('cost.currency', cur, null), '@', undefined);
  add('cost.horizonYears', a.horizonYears, c.horizonYears, u.years, from('cost.horizonYears', 1, null), FMT.int, {
    min: 1,
    max: 50,
    integer: true,
  });
  const h = c.hardware;
  const priceSetting = h.models[m.name] ?? h.pricePerHost;
  const hostPrice = priceSetting ?? (m.price > 0 ? m.price : null);
  const pricePath = h.models[m.name] !== undefined ? `cost.hardware.models.${m.name}` : 'cost.hardware.pricePerHost';
  add(
    'cost.hardware.pricePerHost',
    a.hostPrice(cellText(m.name)),
    hostPrice,
    u.money(cur),
    priceSetting !== null
      ? from(pricePath, priceSetting, h.source)
      : hostPrice !== null
        ? k.source.catalog
        : from(pricePath, null, null),
    FMT.money,
    money,
  );
  const s = c.subscription;
  const sub = (key: keyof typeof s, label: string, unit: string, fmt: string, integer = false) =>
    add(
      `cost.subscription.${key}`,
      label,
      s[key] as number | null,
      unit,
      from(`cost.subscription.${key}`, s[key], s.source),
      fmt,
      {
        min: 0,
        integer,
      },
    );
  sub('perSocketYear', a.perSocketYear, u.perYear(cur), FMT.money);
  sub('perCoreYear', a.perCoreYear, u.perYear(cur), FMT.money);
  sub('minCoresPerSocket', a.minCoresPerSocket, u.cores, FMT.int, true);
  sub('minCoresPerHost', a.minCoresPerHost, u.cores, FMT.int, true);
  const sp = c.support;
  add(
    'cost.support.pctOfHardwarePerYear',
    a.supportPct,
    sp.pctOfHardwarePerYear,
    u.pct,
    from('cost.support.pctOfHardwarePerYear', sp.pctOfHardwarePerYear, sp.source),
    FMT.dec2,
    { min: 0, max: 100 },
  );
  add(
    'cost.support.perHostYear',
    a.supportPerHost,
    sp.perHostYear,
    u.perYear(cur),
    from('cost.support.perHostYear', sp.perHostYear, sp.source),
    FMT.money,
    money,
  );
  const p = c.power;
  const maxWatts = p.maxWatts ?? (m.watts > 0 ? m.watts : null);
  add(
    'cost.power.idleWatts',
    a.idleWatts,
    p.idleWatts,
    u.watts,
    from('cost.power.idleWatts', p.idleWatts, p.source),
    FMT.int,
    money,
  );
  add(
    'cost.power.maxWatts',
    a.maxWatts,
    maxWatts,
    u.watts,
    p.maxWatts !== null
      ? from('cost.power.maxWatts', p.maxWatts, p.source)
      : maxWatts !== null
        ? k.source.watts
        : from('cost.power.maxWatts', null, null),
    FMT.int,
    money,
  );
  add('cost.power.pue', a.pue, p.pue, u.ratio, from('cost.power.pue', p.pue, p.source), FMT.dec2, { min: 1, max: 5 });
  add(
    'cost.power.pricePerKwh',
    a.pricePerKwh,
    p.pricePerKwh,
    u.perKwh(cur),
    from('cost.power.pricePerKwh', p.pricePerKwh, p.source),
    FMT.money4,
    money,
  );
  add(
    'cost.power.hoursPerYear',
    a.hoursPerYear,
    p.hoursPerYear,
    u.hours,
    from('cost.power.hoursPerYear', 1, null),
    FMT.int,
    { min: 0, max: 8784 },
  );
  const r = c.rack;
  add(
    'cost.rack.unitsPerHost',
    a.unitsPerHost,
    r.unitsPerHost,
    u.u,
    from('cost.rack.unitsPerHost', r.unitsPerHost, r.source),
    FMT.dec2,
    money,
  );
  add(
    'cost.rack.pricePerUnitYear',
    a.pricePerUnitYear,
    r.pricePerUnitYear,
    u.perUYear(cur),
    from('cost.rack.pricePerUnitYear', r.pricePerUnitYear, r.source),
    FMT.money,
    money,
  );
  const o = c.sourceServers;
  add(
    'cost.sourceServers.watts',
    a.sourceWatts,
    o.watts,
    u.watts,
    from('cost.sourceServers.watts', o.watts, o.source),
    FMT.int,
    money,
  );
  add(
    'cost.sourceServers.maintenancePerYear',
    a.sourceMaintenance,
    o.maintenancePerYear,
    u.perYear(cur),
    from('cost.sourceServers.maintenancePerYear', o.maintenancePerYear, o.source),
    FMT.money,
    money,
  );
  return list;
}
