// Why a VM cannot be placed (issue 3 §7; Karpenter's InstanceTypeFilterError idea): one
// line per host model naming the resource and the numbers that rule it out.
import type { PlacementProblem } from './types.ts';
import type { Item, ModelSpec } from './instance.ts';
import type { SimVm } from './failover.ts';
import { fmt, pctFor } from './vector.ts';

/** Lines explaining why no model takes `demand`; empty when some model does. */
export function explainDemand(
  demand: readonly number[],
  problem: PlacementProblem,
  models: readonly ModelSpec[],
): string[] {
  const res = problem.resources;
  const k = problem.redundancy;
  const lines: string[] = [];
  for (const m of models) {
    const why: string[] = [];
    for (let r = 0; r < res.length; r++) {
      const d = demand[r]!;
      const pct = pctFor(problem.ceilingPct, res[r]!, 100);
      // A VM that fits in normal operation but not on a survivor cannot be made N+k safe.
      const failPct = pctFor(problem.failoverCeilingPct, res[r]!, 100);
      const limit = k > 0 ? Math.min(m.cap[r]!, m.failCap[r]!) : m.cap[r]!;
      const usedPct =
        k > 0 && m.failCap[r]! < m.cap[r]! ? `${fmt(failPct)} % failover ceiling` : `${fmt(pct)} % ceiling`;
      if (d > limit * (1 + 1e-9))
        why.push(`needs ${res[r]} ${fmt(d)}, host allows ${fmt(limit)} (${fmt(m.capacity[r]!)} at ${usedPct})`);
    }
    if (why.length === 0) return [];
    lines.push(`${m.name}: ${why.join('; ')}`);
  }
  if (models.length === 0) lines.push('no host model in the catalog');
  return lines;
}

export function explainItem(
  item: Item,
  problem: PlacementProblem,
  models: readonly ModelSpec[],
  vms: readonly SimVm[],
): string[] {
  const lines = explainDemand(item.demand, problem, models);
  if (lines.length > 0 && item.vms.length > 1) {
    lines.unshift(`affinity group of ${item.vms.map((i) => vms[i]!.name).join(', ')} must share one host`);
  }
  return lines;
}
