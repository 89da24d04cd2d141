// The comparison of scenarios (docs/report.md, "Scenarios and the comparison"): the project's
// plan (the baseline, first) beside each scenario's, figure by figure, each with its
// difference to the baseline. One model, rendered as the plan.md section, the workbook's
// Comparison sheet and `capplan compare`'s files, so all say the same. Words come from the
// first plan's message catalogue; client strings stay raw here and are escaped by each renderer.
import type { Plan } from '../domain/plan.ts';
import { messagesFor, type Messages } from './messages/index.ts';
import { planCost, DEFAULT_KWH_PRICE, type PlanCost } from './comparison-cost.ts';
import { qty } from './format.ts';
import { worstAfterFailure } from './failover-loads.ts';
import type { BarChart } from './charts/bar-chart.ts';

/** A figure: a number, a text, or null for "not priced". */
export type Cell = number | string | null;

export interface ComparisonRow {
  key: string;
  label: string;
  /** How the numbers read: whole counts, percentages, money. */
  kind: 'int' | 'pct' | 'money' | 'text';
  cells: Cell[];
  /** Difference to the baseline per plan (the baseline's own is null); null: not comparable. */
  deltas: (number | null)[] | null;
}

export interface Comparison {
  t: Messages;
  title: string;
  intro: string;
  plans: { name: string; description: string | null }[];
  rows: ComparisonRow[];
  costNote: string;
  chart: BarChart;
}

/** The worst load any failure scenario leaves on a survivor (method §6.4); null without failover. */
function afterFailure(plan: Plan, key: 'cpuPct' | 'memoryPct'): number | null {
  return worstAfterFailure(plan)?.[key] ?? null;
}

/** The planning window's replayed overload (method §14.2), or the catalogue's "not replayed". */
function replayed(plan: Plan, t: Messages, figure: (s: ReplaySummary) => number): Cell {
  const w = plan.replay?.windows.find((x) => x.role === 'planning');
  return w ? figure(w.summary) : t.comparison.notReplayed;
}
type ReplaySummary = NonNullable<Plan['replay']>['windows'][number]['summary'];

const sumOf = (plan: Plan, f: (h: Plan['hosts'][number]) => number) => plan.hosts.reduce((s, h) => s + f(h), 0);

function licenceText(plan: Plan, t: Messages): string {
  const lines = plan.placement.licences ?? [];
  if (lines.length === 0) return t.comparison.none;
  return lines.map((l) => t.comparison.licenceGroup(l.group, l.hosts, l.cores, l.per)).join('; ');
}

function rows(plans: Plan[], costs: PlanCost[], t: Messages): ComparisonRow[] {
  const c = t.comparison;
  const out: ComparisonRow[] = [];
  const row = (key: string, label: string, kind: ComparisonRow['kind'], cell: (p: Plan, i: number) => Cell) => {
    const cells = plans.map((p, i) => cell(p, i));
    const base = cells[0];
    const deltas =
      kind === 'text'
        ? null
        : cells.map((v, i) => (i === 0 || typeof v !== 'number' || typeof base !== 'number' ? null : v - base));
    out.push({ key, label, kind, cells, deltas });
  };
  row('hosts', c.hosts, 'int', (p) => p.placement.hostsUsed);
  row('hostModel', c.hostModel, 'text', (p) => p.hostModel.name);
  row('hostSpec', c.hostSpec, 'text', (p) =>
    c.spec(p.hostModel.sockets, p.hostModel.coresPerSocket, qty(p.hostModel.memoryGb)),
  );
  row('sockets', c.sockets, 'int', (p) => sumOf(p, (h) => h.sockets));
  row('cores', c.cores, 'int', (p) => sumOf(p, (h) => h.sockets * h.coresPerSocket));
  row('memoryGb', c.memoryGb, 'int', (p) => sumOf(p, (h) => h.memoryGb));
  row('redundancy', c.redundancy, 'text', (p) =>
    p.redundancy.satisfied ? c.survives(p.redundancy.policy) : c.fails(p.redundancy.policy),
  );
  row('unplaced', c.unplaced, 'int', (p) => p.totals.unplaced);
  row('cpuAfter', c.cpuAfter, 'pct', (p) => afterFailure(p, 'cpuPct') ?? '—');
  row('memoryAfter', c.memoryAfter, 'pct', (p) => afterFailure(p, 'memoryPct') ?? '—');
  row('replayOverCeiling', c.replayOverCeiling, 'pct', (p) => replayed(p, t, (s) => s.cpuOverCeilingPct));
  row('replayOver100', c.replayOver100, 'pct', (p) =>
    replayed(p, t, (s) => Math.max(s.cpuOver100Pct, s.memoryOver100Pct)),
  );
  row('hardware', c.hardware, 'money', (_, i) => costs[i]!.hardware);
  row('subscriptions', c.subscriptions, 'money', (_, i) => costs[i]!.subscriptions);
  if (costs.some((k) => k.licences !== undefined)) {
    row('licencesPerGroup', c.licencesPerGroup, 'text', (p) => licenceText(p, t));
    row('licences', c.licences, 'money', (_, i) => costs[i]!.licences ?? c.none);
    row('licenceSaving', c.licenceSaving, 'money', (_, i) => costs[i]!.licenceSaving ?? c.none);
  }
  row('power', c.power, 'money', (_, i) => costs[i]!.power);
  row('total', c.total, 'money', (_, i) => costs[i]!.total);
  return out;
}

function costNote(costs: PlanCost[], t: Messages): string {
  const first = costs[0]!;
  if (costs.every((k) => k.source === 'tco' && k.currency === first.currency && k.horizonYears === first.horizonYears))
    return t.comparison.costFromTco(first.currency ?? 'XXX', first.horizonYears);
  return t.comparison.costFromPlan(first.horizonYears, String(DEFAULT_KWH_PRICE));
}

const COLORS = { hardware: '#1f4e79', subscriptions: '#7fa7d1', licences: '#c55a11', power: '#f4b183' };

/** Stacked cost per scenario when any cost is priced, else the hosts per scenario. */
function chart(names: string[], costs: PlanCost[], plans: Plan[], t: Messages): BarChart {
  const c = t.comparison;
  const priced = costs.some((k) => k.total !== null);
  if (!priced)
    return {
      title: c.chartHostsTitle,
      categories: names,
      series: [{ name: c.hosts, color: COLORS.hardware, values: plans.map((p) => p.placement.hostsUsed) }],
      yLabel: c.chartHostsAxis,
    };
  const parts = (['hardware', 'subscriptions', 'licences', 'power'] as const).filter((k) =>
    costs.some((x) => typeof x[k] === 'number' && x[k] !== 0),
  );
  return {
    title: c.chartCostTitle,
    categories: names,
    series: parts.map((k) => ({
      name: c[k],
      color: COLORS[k],
      values: costs.map((x) => (typeof x[k] === 'number' ? (x[k] as number) : 0)),
    })),
    stacked: true,
    yLabel: costs[0]!.currency ?? 'XXX',
  };
}

/** The comparison of `plans`, the first the baseline. */
export function buildComparison(plans: Plan[]): Comparison {
  if (plans.length === 0) throw new RangeError('a comparison needs at least one plan');
  const t = messagesFor(plans[0]!);
  const named = plans.map((p, i) => ({
    name: p.scenario?.name ?? (i === 0 ? t.comparison.baseline : p.project),
    description: p.scenario?.description ?? null,
  }));
  const costs = plans.map(planCost);
  return {
    t,
    title: t.comparison.title,
    intro: t.comparison.intro(plans.length - 1),
    plans: named,
    rows: rows(plans, costs, t),
    costNote: costNote(costs, t),
    chart: chart(
      named.map((n) => n.name),
      costs,
      plans,
      t,
    ),
  };
}
