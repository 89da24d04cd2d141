// The JSON `capplan place` writes: the plan.json fields a placement fills (vms[].host,
// hosts[], placement, redundancy), with per-host load per resource. Pure.
import type { FailoverScenario } from '../domain/plan.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult, Violation } from './types.ts';
import { ownIndex, placementIndex } from './placement-index.ts';

const PLACE_FORMAT_VERSION = 1;

export function placeOutput(
  problem: PlacementProblem,
  result: PlacementResult,
  scenarios: FailoverScenario[],
  violations: Violation[],
  ix = placementIndex(problem, result),
) {
  const caps = new Map(problem.hostModels.map((m) => [m.name, m.capacity]));
  const R = problem.resources.length;
  const hosts = result.hosts.map((h, hi) => {
    // Each resource's load summed over the host's VMs in the order it lists them.
    const load: Record<string, number> = {};
    problem.resources.forEach((r, j) => {
      let sum = 0;
      for (let p = ix.hostStart[hi]!; p < ix.hostStart[hi + 1]!; p++) {
        const i = ix.placed[p]!;
        sum += i >= 0 ? ix.demand[i * R + j]! : 0;
      }
      load[r] = Number(sum.toFixed(6));
    });
    const cap = caps.get(h.model) ?? {};
    const loadPct: Record<string, number> = {};
    for (const r of problem.resources) loadPct[r] = cap[r] ? Number(((load[r]! / cap[r]) * 100).toFixed(2)) : 0;
    return { name: h.name, model: h.model, ...(h.group ? { group: h.group } : {}), vms: h.vms, load, loadPct };
  });
  const { hosts: _h, unplaced, ...placement } = result;
  void _h;
  return {
    formatVersion: PLACE_FORMAT_VERSION,
    vms: problem.vms
      .map((v, i) => {
        const at = ix.hostOf[ownIndex(ix, problem, i)]!;
        return { name: v.name, host: at >= 0 ? result.hosts[at]!.name : null };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    hosts,
    // The reasons' figures are for the plan's reports, not place's contract.
    unplaced: unplaced.map(({ steps: _s, ...u }) => u),
    placement: { objective: problem.objective, ...placement },
    redundancy: { k: problem.redundancy, satisfied: scenarios.every((s) => s.satisfied), scenarios },
    violations,
  };
}
