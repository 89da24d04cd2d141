// Host-group licences (docs/placement.md, "Licence model") against one cluster licensing
// every host: what the host groups save, hardware and licences together. Only for plans with
// host groups; the licences themselves are a line of the total cost of ownership.
import type { Plan } from '../domain/plan.ts';

export function licenceComparison(plan: Plan): { without: number; saving: number } | null {
  const lines = plan.placement.licences ?? [];
  const without = plan.placement.withoutGroups;
  if (lines.length === 0 || !without) return null;
  // placement.cost is hardware + licences of the plan (at placement prices).
  return { without: without.licenceCost, saving: without.hardwareCost + without.licenceCost - plan.placement.cost };
}
