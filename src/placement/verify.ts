// The slow, readable checker (conventions §7): validates any placement from scratch, one
// function per constraint, with its own failover simulation written over plain records.
// It shares only the vector tolerances and the size key with the optimiser.
import type { HaPriority } from '../domain/types.ts';
import type { PlacementProblem, PlacementResult, PlacementVm, Violation } from './types.ts';
import { EPS, fmt, normSize, pctFor, referenceCapacity } from './vector.ts';
import { failureSets, simView } from './failover.ts';

type Load = Record<string, number>;

function vmMap(problem: PlacementProblem): Map<string, PlacementVm> {
  return new Map(problem.vms.map((v) => [v.name, v]));
}

function within(load: number, cap: number): boolean {
  return load <= cap + EPS * Math.max(1, Math.abs(cap));
}

export function checkPlacedOnce(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const seen = new Map<string, number>();
  const out: Violation[] = [];
  const known = vmMap(problem);
  for (const h of result.hosts) for (const v of h.vms) seen.set(v, (seen.get(v) ?? 0) + 1);
  for (const u of result.unplaced) seen.set(u.vm, (seen.get(u.vm) ?? 0) + 1);
  for (const [vm, n] of seen) {
    if (!known.has(vm)) out.push({ rule: 'placed-once', vm, message: `${vm} is not a VM of the problem` });
    else if (n > 1) out.push({ rule: 'placed-once', vm, message: `${vm} appears ${n} times` });
  }
  for (const vm of known.keys())
    if (!seen.has(vm)) out.push({ rule: 'placed-once', vm, message: `${vm} is neither placed nor reported unplaced` });
  return out;
}

export function checkModels(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const out: Violation[] = [];
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  const count = new Map<string, number>();
  for (const h of result.hosts) {
    if (!models.has(h.model))
      out.push({ rule: 'model', host: h.name, message: `${h.name}: unknown host model ${h.model}` });
    count.set(h.model, (count.get(h.model) ?? 0) + 1);
  }
  for (const [name, n] of count) {
    const max = models.get(name)?.maxCount;
    if (max !== undefined && n > max)
      out.push({ rule: 'model', message: `${n} hosts of ${name}, at most ${max} available` });
  }
  const families = new Set(result.hosts.map((h) => models.get(h.model)?.family ?? h.model));
  if (problem.singleFamily && families.size > 1)
    out.push({ rule: 'single-family', message: `hosts mix CPU families ${[...families].sort().join(', ')}` });
  if (problem.hostCount !== undefined && result.hosts.length !== problem.hostCount) {
    out.push({ rule: 'host-count', message: `${result.hosts.length} hosts, the problem fixes ${problem.hostCount}` });
  }
  if (new Set(result.hosts.map((h) => h.name)).size !== result.hosts.length)
    out.push({ rule: 'model', message: 'host names are not unique' });
  return out;
}

export function checkCapacity(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const out: Violation[] = [];
  const vms = vmMap(problem);
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  for (const h of result.hosts) {
    for (const res of problem.resources) {
      const load = h.vms.reduce((s, v) => s + (vms.get(v)?.demand[res] ?? 0), 0);
      const pct = pctFor(problem.ceilingPct, res, 100);
      const cap = ((models.get(h.model)?.capacity[res] ?? 0) * pct) / 100;
      if (!within(load, cap))
        out.push({
          rule: 'capacity',
          host: h.name,
          message: `${h.name}: ${res} ${fmt(load)} exceeds ${fmt(cap)} (${fmt(pct)} % ceiling)`,
        });
    }
  }
  return out;
}

export function checkAntiAffinity(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const out: Violation[] = [];
  const vms = vmMap(problem);
  for (const h of result.hosts) {
    const members = new Map<string, string[]>();
    for (const v of h.vms)
      for (const g of vms.get(v)?.antiAffinity ?? []) members.set(g, [...(members.get(g) ?? []), v]);
    for (const [g, list] of members) {
      if (list.length > 1)
        out.push({
          rule: 'anti-affinity',
          host: h.name,
          message: `${h.name} holds ${list.join(', ')} of anti-affinity group ${g}`,
        });
    }
  }
  return out;
}

export function checkAffinityAndPins(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const out: Violation[] = [];
  const hostOf = new Map<string, string>();
  for (const h of result.hosts) for (const v of h.vms) hostOf.set(v, h.name);
  const groupHosts = new Map<string, Set<string>>();
  for (const v of problem.vms) {
    const host = hostOf.get(v.name);
    if (host === undefined) continue;
    for (const g of v.affinity ?? []) groupHosts.set(g, (groupHosts.get(g) ?? new Set()).add(host));
    if (v.pin !== undefined && v.pin !== host)
      out.push({ rule: 'pin', vm: v.name, message: `${v.name} is pinned to ${v.pin} but placed on ${host}` });
  }
  for (const [g, hosts] of groupHosts) {
    if (hosts.size > 1)
      out.push({ rule: 'affinity', message: `affinity group ${g} is split over ${[...hosts].sort().join(', ')}` });
  }
  return out;
}

const RANK: Record<HaPriority, number> = { high: 0, medium: 1, low: 2 };

/** Own N+k simulation: restart the failed hosts' VMs one by one, best fit, as the spec says. */
export function checkFailover(problem: PlacementProblem, result: PlacementResult): Violation[] {
  const res = problem.resources;
  const vms = vmMap(problem);
  const refCap = referenceCapacity(res, problem.hostModels);
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  const failCap = (model: string, r: string) =>
    ((models.get(model)?.capacity[r] ?? 0) * pctFor(problem.failoverCeilingPct, r, 100)) / 100;
  const { hosts: simHosts } = simView(problem, result);
  const out: Violation[] = [];
  for (const set of failureSets(simHosts, problem.redundancy, refCap).sets) {
    const failed = set.map((i) => result.hosts[i]!);
    const survivors = result.hosts.filter((h) => !failed.includes(h));
    const loads = new Map<string, Load>(
      survivors.map((h) => [
        h.name,
        Object.fromEntries(res.map((r) => [r, h.vms.reduce((s, v) => s + (vms.get(v)?.demand[r] ?? 0), 0)])),
      ]),
    );
    const size = (v: PlacementVm) =>
      normSize(
        res.map((r) => v.demand[r] ?? 0),
        refCap,
      );
    const moving = failed.flatMap((h) => h.vms.map((n) => vms.get(n)!)).filter(Boolean);
    moving.sort(
      (a, b) =>
        RANK[a.haPriority ?? 'medium'] - RANK[b.haPriority ?? 'medium'] ||
        size(b) - size(a) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    for (const v of moving) {
      let best: string | null = null;
      let bestSlack = Infinity;
      for (const h of survivors) {
        const load = loads.get(h.name)!;
        if (!res.every((r) => within(load[r]! + (v.demand[r] ?? 0), failCap(h.model, r)))) continue;
        let s = 0;
        for (let i = 0; i < res.length; i++)
          s += refCap[i]! > 0 ? (failCap(h.model, res[i]!) - load[res[i]!]!) / refCap[i]! : 0;
        if (s < bestSlack) [best, bestSlack] = [h.name, s];
      }
      if (best === null) {
        out.push({
          rule: 'failover',
          vm: v.name,
          message: `if ${failed.map((h) => h.name).join(' + ')} fail, ${v.name} cannot restart on any survivor`,
        });
        continue;
      }
      const load = loads.get(best)!;
      for (const r of res) load[r] = load[r]! + (v.demand[r] ?? 0);
    }
  }
  return out;
}

/** Every violated rule of a result, in a stable order. */
export function checkPlacement(problem: PlacementProblem, result: PlacementResult): Violation[] {
  return [
    ...checkPlacedOnce(problem, result),
    ...checkModels(problem, result),
    ...checkCapacity(problem, result),
    ...checkAntiAffinity(problem, result),
    ...checkAffinityAndPins(problem, result),
    ...checkFailover(problem, result),
  ];
}
