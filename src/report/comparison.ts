// The comparison of scenarios (docs/report.md, "Scenarios and the comparison"): the project's
// plan (the baseline, first) beside each scenario's, figure by figure, each with its
// difference to the baseline. One model, rendered as the plan.md section, the workbook's
// Comparison sheet and `capplan compare`'s files, so all say the same. Words come from the
// first plan's message catalogue; client strings stay raw here and are escaped by each renderer.
import type { Plan, PlanWithTco } from '../domain/plan.ts';
import { messagesFor, type Messages } from './messages/index.ts';
import { modelName } from './model-name.ts';
import { COMPARED_LINES, planCost, sameTerms, type PlanCost } from './comparison-cost.ts';
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

function rows(plans: readonly PlanWithTco[], costs: PlanCost[], t: Messages): ComparisonRow[] {
  const c = t.comparison;
  const out: ComparisonRow[] = [];
  const row = (key: string, label: string, kind: ComparisonRow['kind'], cell: (p: Plan, i: number) => Cell) => {
    const cells = plans.map((p, i) => cell(p, i));
    const base = cells[0];
    // Money differs only between plans in one currency over one horizon.
    const comparable = (i: number) => kind !== 'money' || sameTerms(costs[i]!, costs[0]!);
    const deltas =
      kind === 'text'
        ? null
        : cells.map((v, i) =>
            i === 0 || typeof v !== 'number' || typeof base !== 'number' || !comparable(i) ? null : v - base,
          );
    out.push({ key, label, kind, cells, deltas });
  };
  row('hosts', c.hosts, 'int', (p) => p.placement.hostsUsed);
  row('hostModel', c.hostModel, 'text', (p) => modelName(p.hostModel.name, t));
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
  // The cost of ownership, line by line as on the Cost sheet (method §15); null: not priced.
  const groups = costs.some((k) => k.lines.hostGroupLicences !== undefined);
  for (const key of COMPARED_LINES) {
    if (key === 'hostGroupLicences') {
      if (!groups) continue;
      row('licencesPerGroup', c.licencesPerGroup, 'text', (p) => licenceText(p, t));
    }
    row(key, t.cost.line[key], 'money', (_, i) => {
      const v = costs[i]!.lines[key];
      return v === undefined ? c.none : v;
    });
    if (key === 'hostGroupLicences')
      row('licenceSaving', c.licenceSaving, 'money', (_, i) => costs[i]!.licenceSaving ?? c.none);
  }
  row('total', t.cost.total.overHorizon, 'money', (_, i) => costs[i]!.total);
  row('avoided', t.cost.total.avoided, 'money', (_, i) => costs[i]!.avoided);
  row('net', t.cost.total.net, 'money', (_, i) => costs[i]!.net);
  return out;
}

/** Every plan in the baseline's currency and horizon. */
const uniform = (costs: PlanCost[]) => costs.every((k) => sameTerms(k, costs[0]!));

/** The currency as the reader should see it: XXX is ISO's "no currency", i.e. not stated. */
const currencyText = (code: string, t: Messages) => (code === 'XXX' ? t.cost.notStated : code);

function costNote(names: string[], costs: PlanCost[], t: Messages): string {
  const c = t.comparison;
  const first = costs[0]!;
  if (uniform(costs)) return c.costFromTco(first.currency === 'XXX' ? null : first.currency, first.horizonYears);
  const terms = costs.map((k, i) => c.costTerms(names[i]!, currencyText(k.currency, t), k.horizonYears));
  return c.costMixed(terms.join('; '));
}

const COLORS: Record<(typeof COMPARED_LINES)[number], string> = {
  hardware: '#1f4e79',
  hostGroupLicences: '#c55a11',
  subscriptions: '#7fa7d1',
  support: '#548235',
  power: '#f4b183',
  rack: '#a5a5a5',
};

/** The cost of ownership per scenario, stacked by line, when priced in one currency; else the hosts. */
function chart(names: string[], costs: PlanCost[], plans: readonly Plan[], t: Messages): BarChart {
  const c = t.comparison;
  const priced = costs.some((k) => k.total !== null);
  if (!priced || !uniform(costs))
    return {
      title: c.chartHostsTitle,
      categories: names,
      series: [{ name: c.hosts, color: COLORS.hardware, values: plans.map((p) => p.placement.hostsUsed) }],
      yLabel: c.chartHostsAxis,
    };
  const amount = (k: PlanCost, key: (typeof COMPARED_LINES)[number]) => k.lines[key] ?? 0;
  const parts = COMPARED_LINES.filter((key) => costs.some((k) => amount(k, key) !== 0));
  return {
    title: c.chartCostTitle,
    categories: names,
    series: parts.map((key) => ({
      name: c.chartLine[key],
      color: COLORS[key],
      values: costs.map((k) => amount(k, key)),
    })),
    stacked: true,
    yLabel: currencyText(costs[0]!.currency, t),
  };
}

/** The comparison of `plans`, the first the baseline. */
export function buildComparison(plans: readonly PlanWithTco[]): Comparison {
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
    costNote: costNote(
      named.map((n) => n.name),
      costs,
      t,
    ),
    chart: chart(
      named.map((n) => n.name),
      costs,
      plans,
      t,
    ),
  };
}
