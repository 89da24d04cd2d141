// The cost rows of the comparison of scenarios: each plan's total cost of ownership (plan.json
// `tco`, method §15) line by line, so the comparison, the Cost sheet and plan.md's cost section
// say the same figures. A plan without a `tco` is priced by its settings before it gets here
// (plan/tco.ts withTco), so there is one cost model and no second set of defaults. null: the
// line is not priced (an input is missing), never 0.
import type { PlanWithTco } from '../domain/plan.ts';
import type { TcoLineKey } from '../domain/plan-tco.ts';

/** The TCO lines the comparison shows, in the Cost sheet's order; the avoided lines are summed. */
export const COMPARED_LINES = ['hardware', 'hostGroupLicences', 'subscriptions', 'support', 'power', 'rack'] as const;
type ComparedLine = (typeof COMPARED_LINES)[number] & TcoLineKey;

export interface PlanCost {
  currency: string;
  horizonYears: number;
  /** Over the horizon per line; undefined: the plan has no such line (host-group licences without groups). */
  lines: Partial<Record<ComparedLine, number | null>>;
  total: number | null;
  avoided: number | null;
  net: number | null;
  /** What the host groups save against one cluster licensing every host (docs/placement.md); undefined: no groups. */
  licenceSaving?: number | null;
}

/** Hardware and licences the host groups save (placement.cost holds the plan's hardware and licences). */
function licenceSaving(plan: PlanWithTco): number | null | undefined {
  if (!plan.placement.licences?.length) return undefined;
  const w = plan.placement.withoutGroups;
  return w ? w.hardwareCost + w.licenceCost - plan.placement.cost : null;
}

export function planCost(plan: PlanWithTco): PlanCost {
  const { tco } = plan;
  const lines: PlanCost['lines'] = {};
  for (const l of tco.lines)
    if ((COMPARED_LINES as readonly string[]).includes(l.key)) lines[l.key as ComparedLine] = l.overHorizon;
  const saving = licenceSaving(plan);
  return {
    currency: tco.currency,
    horizonYears: tco.horizonYears,
    lines,
    total: tco.totals.overHorizon,
    avoided: tco.totals.avoidedOverHorizon,
    net: tco.totals.net,
    ...(saving !== undefined ? { licenceSaving: saving } : {}),
  };
}

/** Money compares only in one currency over one horizon. */
export const sameTerms = (a: PlanCost, b: PlanCost): boolean =>
  a.currency === b.currency && a.horizonYears === b.horizonYears;
