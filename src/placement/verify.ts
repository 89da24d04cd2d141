// The one verifier of a placement: slow, readable, from scratch, one function per rule, each
// broken rule reported with its amounts (needed, allowed, short by). `place`, `plan` and
// `check` all trust it; every optimiser result passes through it in the tests. It shares with
// the optimiser only the failure-set enumeration, the size key and the tolerance.
import type { PlacementProblem, PlacementVm } from '../domain/problem.ts';
import type { HaPriority } from '../domain/server.ts';
import { exceeds } from '../util/tolerance.ts';
import { failureSets, simView } from './failover.ts';
import type { PlacementResult, Violation } from './types.ts';
import { fmt, normSize, pctFor, referenceCapacity } from './vector.ts';

/** What the verifier reads of a result: where each VM runs and which VMs have no host. */
export type Placement = Pick<PlacementResult, 'hosts' | 'unplaced'>;

type Load = Record<string, number>;

function vmMap(problem: PlacementProblem): Map<string, PlacementVm> {
  return new Map(problem.vms.map((v) => [v.name, v]));
}

function loadOf(vms: readonly (PlacementVm | undefined)[], resources: readonly string[]): Load {
  const load: Load = Object.fromEntries(resources.map((r) => [r, 0]));
  for (const v of vms) for (const r of resources) load[r]! += v?.demand[r] ?? 0;
  return load;
}

export function checkPlacedOnce(problem: PlacementProblem, result: Placement): Violation[] {
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

export function checkModels(problem: PlacementProblem, result: Placement): Violation[] {
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
      out.push({
        rule: 'model',
        required: n,
        available: max,
        message: `${n} hosts of ${name}, at most ${max} available`,
      });
  }
  const families = new Set(result.hosts.map((h) => models.get(h.model)?.family ?? h.model));
  if (problem.singleFamily && families.size > 1)
    out.push({ rule: 'single-family', message: `hosts mix CPU families ${[...families].sort().join(', ')}` });
  if (problem.hostCount !== undefined && result.hosts.length !== problem.hostCount) {
    out.push({
      rule: 'host-count',
      required: problem.hostCount,
      available: result.hosts.length,
      message: `${result.hosts.length} hosts, the problem fixes ${problem.hostCount}`,
    });
  }
  if (new Set(result.hosts.map((h) => h.name)).size !== result.hosts.length)
    out.push({ rule: 'model', message: 'host names are not unique' });
  return out;
}

/** Every host's load within capacity × the normal-operation ceiling, per resource. */
export function checkCapacity(problem: PlacementProblem, result: Placement): Violation[] {
  const out: Violation[] = [];
  const vms = vmMap(problem);
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  for (const h of result.hosts) {
    const load = loadOf(
      h.vms.map((v) => vms.get(v)),
      problem.resources,
    );
    for (const resource of problem.resources) {
      const ceilingPct = pctFor(problem.ceilingPct, resource, 100);
      const capacity = models.get(h.model)?.capacity[resource] ?? 0;
      const available = (capacity * ceilingPct) / 100;
      const required = load[resource]!;
      if (!exceeds(required, available)) continue;
      out.push({
        rule: 'capacity',
        host: h.name,
        resource,
        required,
        available,
        shortfall: required - available,
        capacity,
        ceilingPct,
        message: `${h.name}: ${resource} ${fmt(required)} exceeds ${fmt(available)} (${fmt(ceilingPct)} % ceiling)`,
      });
    }
  }
  return out;
}

export function checkAntiAffinity(problem: PlacementProblem, result: Placement): Violation[] {
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

export function checkAffinityAndPins(problem: PlacementProblem, result: Placement): Violation[] {
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

/**
 * N+k by its own simulation (method §6.4): for every failure of k hosts, the failed hosts'
 * VMs restart one by one — HA priority high → low, then larger first, then by name — each on
 * the survivor with room under the failover ceiling that leaves the least slack. A scenario
 * that strands VMs is charged to the survivor with the most room left: one violation per
 * resource it would need beyond its failover capacity to take them all.
 */
export function checkFailover(problem: PlacementProblem, result: Placement): Violation[] {
  const k = problem.redundancy;
  if (k <= 0) return [];
  const n = result.hosts.length;
  if (n <= k && (n > 0 || problem.vms.length > 0)) {
    const message = `N+${k} needs at least ${k + 1} hosts; the placement has ${n}`;
    return [{ rule: 'failover', resource: 'hosts', required: k + 1, available: n, shortfall: k + 1 - n, message }];
  }
  const { hosts: simHosts } = simView(problem, result);
  const refCap = referenceCapacity(problem.resources, problem.hostModels);
  const vms = vmMap(problem);
  const base = new Map(
    result.hosts.map((h) => [
      h.name,
      loadOf(
        h.vms.map((v) => vms.get(v)),
        problem.resources,
      ),
    ]),
  );
  // Failover capacity per model and resource, worked out once for every scenario.
  const caps = new Map(
    problem.hostModels.map((m) => [
      m.name,
      Object.fromEntries(
        problem.resources.map((r) => [r, ((m.capacity[r] ?? 0) * pctFor(problem.failoverCeilingPct, r, 100)) / 100]),
      ),
    ]),
  );
  const ctx = { vms, caps, base };
  return failureSets(simHosts, k, refCap).sets.flatMap((set) => scenarioViolations(problem, result, set, refCap, ctx));
}

function scenarioViolations(
  problem: PlacementProblem,
  result: Placement,
  set: readonly number[],
  refCap: readonly number[],
  ctx: { vms: Map<string, PlacementVm>; caps: Map<string, Load>; base: ReadonlyMap<string, Load> },
): Violation[] {
  const res = problem.resources;
  const { vms, caps, base: baseLoads } = ctx;
  const failCap = (model: string, r: string) => caps.get(model)?.[r] ?? 0;
  const failed = set.map((i) => result.hosts[i]!);
  const down = new Set(failed);
  const survivors = result.hosts.filter((h) => !down.has(h));
  // Survivors' loads, copied on first change so a scenario costs what its restarts touch.
  const changed = new Map<string, Load>();
  const loads = {
    get: (host: string): Load => changed.get(host) ?? baseLoads.get(host)!,
    own: (host: string): Load => {
      let l = changed.get(host);
      if (!l) {
        l = { ...baseLoads.get(host)! };
        changed.set(host, l);
      }
      return l;
    },
  };
  const size = (v: PlacementVm) =>
    normSize(
      res.map((r) => v.demand[r] ?? 0),
      refCap,
    );
  const moving = failed.flatMap((h) => h.vms.flatMap((name) => vms.get(name) ?? []));
  moving.sort(
    (a, b) =>
      RANK[a.haPriority ?? 'medium'] - RANK[b.haPriority ?? 'medium'] ||
      size(b) - size(a) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const stranded: PlacementVm[] = [];
  for (const v of moving) {
    let best: string | null = null;
    let bestSlack = Infinity;
    for (const h of survivors) {
      const load = loads.get(h.name)!;
      const cap = caps.get(h.model);
      let slack = 0;
      let fitsHere = true;
      for (let i = 0; i < res.length && fitsHere; i++) {
        const r = res[i]!;
        const c = cap?.[r] ?? 0;
        fitsHere = !exceeds(load[r]! + (v.demand[r] ?? 0), c);
        slack += refCap[i]! > 0 ? (c - load[r]!) / refCap[i]! : 0;
      }
      if (fitsHere && slack < bestSlack) [best, bestSlack] = [h.name, slack];
    }
    if (best === null) stranded.push(v);
    else for (const r of res) loads.own(best)[r]! += v.demand[r] ?? 0;
  }
  if (stranded.length === 0) return [];
  const failedHosts = failed.map((h) => h.name);
  const names = stranded.map((v) => v.name);
  const freest = freestSurvivor(survivors, loads, res, failCap);
  const base = { rule: 'failover', failedHosts, stranded: names } as const;
  if (!freest) return [{ ...base, message: `if ${failedHosts.join(' + ')} fail, no host survives` }];
  const need = loadOf([...stranded], res);
  const out: Violation[] = [];
  for (const resource of res) {
    const available = failCap(freest.model, resource);
    const required = loads.get(freest.name)![resource]! + need[resource]!;
    if (!exceeds(required, available)) continue;
    out.push({
      ...base,
      host: freest.name,
      resource,
      required,
      available,
      shortfall: required - available,
      message:
        `if ${failedHosts.join(' + ')} fail, ${freest.name} would need ${resource} ${fmt(required)} of ` +
        `${fmt(available)} to restart ${names.join(', ')}`,
    });
  }
  // Room in total but in the wrong places: no single survivor can take a stranded VM.
  if (out.length === 0) {
    const message = `if ${failedHosts.join(' + ')} fail, ${names.join(', ')} cannot restart on any survivor`;
    out.push({ ...base, host: freest.name, message });
  }
  return out;
}

/** The survivor whose tightest resource has the largest share of its failover capacity left. */
function freestSurvivor(
  survivors: readonly Placement['hosts'][number][],
  loads: { get: (host: string) => Load },
  res: readonly string[],
  failCap: (model: string, r: string) => number,
): Placement['hosts'][number] | undefined {
  let best: Placement['hosts'][number] | undefined;
  let bestFree = -Infinity;
  for (const h of survivors) {
    let free = Infinity;
    for (const r of res) {
      const cap = failCap(h.model, r);
      free = Math.min(free, cap > 0 ? (cap - loads.get(h.name)![r]!) / cap : -Infinity);
    }
    if (free > bestFree) [best, bestFree] = [h, free];
  }
  return best;
}

/** Every broken rule of a placement, in a stable order. */
export function verifyPlacement(problem: PlacementProblem, result: Placement): Violation[] {
  return [
    ...checkPlacedOnce(problem, result),
    ...checkModels(problem, result),
    ...checkCapacity(problem, result),
    ...checkAntiAffinity(problem, result),
    ...checkAffinityAndPins(problem, result),
    ...checkFailover(problem, result),
  ];
}
