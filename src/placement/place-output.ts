// The JSON `capplan place` writes: the plan.json fields a placement fills (vms[].host,
// hosts[], placement, redundancy), with per-host load per resource. Pure.
import type { FailoverScenario } from '../domain/plan.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult, Violation } from './types.ts';

const PLACE_FORMAT_VERSION = 1;

export function placeOutput(
  problem: PlacementProblem,
  result: PlacementResult,
  scenarios: FailoverScenario[],
  violations: Violation[],
) {
  const hostOf = new Map<string, string>();
  for (const h of result.hosts) for (const v of h.vms) hostOf.set(v, h.name);
  const demand = new Map(problem.vms.map((v) => [v.name, v.demand]));
  const caps = new Map(problem.hostModels.map((m) => [m.name, m.capacity]));
  const hosts = result.hosts.map((h) => {
    const load = Object.fromEntries(
      problem.resources.map((r) => [r, Number(h.vms.reduce((s, v) => s + (demand.get(v)?.[r] ?? 0), 0).toFixed(6))]),
    );
    const cap = caps.get(h.model) ?? {};
    const loadPct = Object.fromEntries(
      problem.resources.map((r) => [r, cap[r] ? Number(((load[r]! / cap[r]) * 100).toFixed(2)) : 0]),
    );
    return { name: h.name, model: h.model, ...(h.group ? { group: h.group } : {}), vms: h.vms, load, loadPct };
  });
  const { hosts: _h, unplaced, ...placement } = result;
  void _h;
  return {
    formatVersion: PLACE_FORMAT_VERSION,
    vms: problem.vms
      .map((v) => ({ name: v.name, host: hostOf.get(v.name) ?? null }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    hosts,
    unplaced,
    placement: { objective: problem.objective, ...placement },
    redundancy: { k: problem.redundancy, satisfied: scenarios.every((s) => s.satisfied), scenarios },
    violations,
  };
}
