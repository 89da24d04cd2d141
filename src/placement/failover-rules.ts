// Restarts of a failure scenario that break a placement rule (docs/placement.md, "Rules on
// failover"): a VM restarted beside a member of its anti-affinity group, or away from the
// members of its affinity group. HA restarts respect capacity only (as VMware HA does by
// default), so these are reported; `enforceAntiAffinityOnFailover` keeps anti-affinity.
import type { RuleBreak } from '../domain/plan-rules.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult } from './types.ts';

interface Move {
  vm: string;
  to: string | null;
}

/** The VMs with (anti-)affinity groups, once per problem: every failure scenario asks. */
const RULES = new WeakMap<PlacementProblem, Map<string, PlacementProblem['vms'][number]>>();
function rulesOf(problem: PlacementProblem): Map<string, PlacementProblem['vms'][number]> {
  let rules = RULES.get(problem);
  if (!rules) {
    rules = new Map(problem.vms.flatMap((v) => (v.antiAffinity || v.affinity ? [[v.name, v]] : [])));
    RULES.set(problem, rules);
  }
  return rules;
}

export function ruleBreaks(
  problem: PlacementProblem,
  result: Pick<PlacementResult, 'hosts'>,
  failed: readonly string[],
  restarts: readonly Move[],
): RuleBreak[] {
  const rules = rulesOf(problem);
  if (rules.size === 0) return [];
  const where = new Map<string, string>();
  for (const h of result.hosts) if (!failed.includes(h.name)) for (const v of h.vms) where.set(v, h.name);
  const out: RuleBreak[] = [];
  for (const r of restarts) {
    if (r.to === null) continue;
    for (const group of rules.get(r.vm)?.antiAffinity ?? []) {
      const there = [...where].filter(([v, h]) => h === r.to && rules.get(v)?.antiAffinity?.includes(group));
      if (there.length > 0)
        out.push({ rule: 'anti-affinity', group, vm: r.vm, host: r.to, with: there.map(([v]) => v) });
    }
    where.set(r.vm, r.to);
  }
  for (const r of restarts) {
    if (r.to === null) continue;
    for (const group of rules.get(r.vm)?.affinity ?? []) {
      const apart = [...where].filter(([v, h]) => v !== r.vm && h !== r.to && rules.get(v)?.affinity?.includes(group));
      if (apart.length > 0)
        out.push({ rule: 'affinity', group, vm: r.vm, host: r.to, with: apart.map(([v]) => v).sort() });
    }
  }
  return out;
}
