// The executive summary: what to buy, before → after, N+k and the load after the worst
// failure, cost, the points to note and who prepared the plan when — as plain text in the
// report's language, shared by the workbook's cover and the first section of plan.md so both
// say the same. Client strings are returned raw; each renderer escapes them for its target.
import type { Plan } from '../domain/plan.ts';
import { sortFindings } from '../domain/finding.ts';
import { worstAfterFailure } from './failover-loads.ts';
import type { Messages } from './messages/index.ts';
import { modelName } from './model-name.ts';
import { num, pct, qty } from './format.ts';
import { reportDay } from './report-date.ts';
import { amount, tcoHeadline } from './markdown-tco.ts';
import { groupOf, headline, notPlaced, nothingPlacedReasons } from './summary.ts';
import { findingText } from './finding-text.ts';
import { maxOf } from '../util/extent.ts';

export interface ExecutiveSummary {
  title: string;
  /** [label, value] pairs: prepared for / by, date, version. */
  meta: [string, string][];
  /** Headed groups of lines: recommendation, consolidation, resilience, cost. */
  blocks: { heading: string; lines: string[] }[];
  points: string[];
  disclaimer: string;
}

/** How many points to note the summary lists; the rest are on Findings and Exclusions. */
const MAX_POINTS = 5;

function worstLoads(plan: Plan): { normal: [number, number]; after: [number, number] | null } {
  const normal: [number, number] = [
    maxOf(
      plan.hosts.map((h) => h.load.cpuPct),
      0,
    ),
    maxOf(
      plan.hosts.map((h) => h.load.memoryPct),
      0,
    ),
  ];
  const after = worstAfterFailure(plan);
  return { normal, after: after ? [after.cpuPct, after.memoryPct] : null };
}

function points(plan: Plan, t: Messages): string[] {
  const out: string[] = [];
  const nothing = nothingPlacedReasons(plan);
  if (nothing !== null) out.push(t.cover.nothingPlaced(plan.totals.servers, nothing));
  if (!plan.redundancy.satisfied && plan.redundancy.k > 0) out.push(t.cover.doesNotSurvive(plan.redundancy.policy));
  for (const v of notPlaced(plan)) out.push(`${v.name}: ${t.group[groupOf(v)]}`);
  for (const f of sortFindings(plan.findings ?? []))
    if (f.severity !== 'info') out.push(f.server ? `${f.server}: ${findingText(f, t)}` : findingText(f, t));
  return out;
}

export function executiveSummary(plan: Plan, t: Messages): ExecutiveSummary {
  const c = t.cover;
  const h = headline(plan);
  const m = plan.hostModel;
  const r = plan.settings.report;
  const nics = `${m.nics} × ${qty(m.nicGbps)} Gbps`;
  const storage =
    plan.settings.cluster.storage === 'shared' ? c.storageShared : c.storageLocal(qty(plan.totals.diskGb));
  const loads = worstLoads(plan);
  const k = plan.redundancy.k;
  const nothing = nothingPlacedReasons(plan);
  const resilience =
    nothing !== null
      ? c.nothingPlaced(plan.totals.servers, nothing)
      : k === 0
        ? c.noFailover
        : !plan.redundancy.satisfied
          ? c.doesNotSurvive(plan.redundancy.policy)
          : k === 1
            ? c.survives(plan.redundancy.policy)
            : c.survivesK(plan.redundancy.policy, k);
  // The cost of ownership when the plan carries it (method §15), else the host price.
  const hw = plan.tco?.lines.find((l) => l.key === 'hardware');
  const hardware = hw
    ? hw.overHorizon === null
      ? amount(null, t)
      : `${num(hw.overHorizon)} ${plan.tco!.currency}`
    : m.price > 0
      ? num(h.hostsUsed * m.price)
      : t.notPriced;
  const all = points(plan, t);
  return {
    title: plan.title,
    meta: [
      [c.preparedFor, plan.client ?? c.notStated],
      [c.preparedBy, r?.preparedBy ?? c.notStated],
      [c.date, reportDay(plan)],
      [c.version, r?.version ?? '1.0'],
    ],
    blocks: [
      {
        heading: c.recommendation,
        lines: [
          c.buy(h.hostsUsed, modelName(m.name, t)),
          c.spec(m.sockets, m.coresPerSocket, qty(m.cpuGhz), qty(m.memoryGb), nics),
          storage,
        ],
      },
      {
        heading: c.consolidation,
        lines: [c.beforeAfter(h.servers, h.hostsUsed), c.placedOf(h.candidates, h.servers)],
      },
      {
        heading: c.resilience,
        lines: [
          resilience,
          `${c.loadNormal}: ${c.load(pct(loads.normal[0]), pct(loads.normal[1]))}`,
          ...(loads.after ? [`${c.loadAfter}: ${c.load(pct(loads.after[0]), pct(loads.after[1]))}`] : []),
        ],
      },
      {
        heading: c.cost,
        lines: [`${c.hardware}: ${hardware}`, ...(plan.tco ? [tcoHeadline(plan.tco, t)] : [])],
      },
    ],
    points: all.length === 0 ? [c.noFindings] : all.slice(0, MAX_POINTS),
    disclaimer: c.disclaimer,
  };
}
