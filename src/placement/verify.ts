// The one verifier of a placement: readable, from scratch, one function per rule, each
// broken rule reported with its amounts (needed, allowed, short by). `place`, `plan` and
// `check` all trust it; every optimiser result passes through it in the tests. It shares with
// the optimiser only the failure-set enumeration, the size key and the tolerance.
import type { PlacementProblem, PlacementVm } from '../domain/problem.ts';
import type { HaPriority } from '../domain/server.ts';
import { exceeds, TOLERANCE } from '../util/tolerance.ts';
import { failureSets } from './failover.ts';
import type { PlacementResult, Violation } from './types.ts';
import { fmt, normSize, pctFor, referenceCapacity } from './vector.ts';
import { ownIndex, placementIndex, vmAt, type PlacementIndex } from './placement-index.ts';

/** What the verifier reads of a result: where each VM runs and which VMs have no host. */
export type Placement = Pick<PlacementResult, 'hosts' | 'unplaced'>;

/** Host h's load of resource j: its VMs' demands summed in the order it lists them. */
function loadOf(ix: PlacementIndex, h: number, j: number, R: number): number {
  let load = 0;
  for (let p = ix.hostStart[h]!; p < ix.hostStart[h + 1]!; p++) {
    const i = ix.placed[p]!;
    if (i >= 0) load += ix.demand[i * R + j]!;
  }
  return load;
}

/** Every VM once: on one host or reported unplaced; findings in the order the names first appear. */
export function checkPlacedOnce(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const vms = problem.vms;
  // How often each VM is listed (a name the problem repeats counts on its last VM, the one
  // `byName` keeps), and every name in the order it first appears.
  const times = new Uint32Array(vms.length);
  const strangers = new Set<string>();
  const order: (number | string)[] = [];
  const count = (i: number, name: string) => {
    if (i >= 0) {
      if (times[i]!++ === 0) order.push(i);
    } else if (!strangers.has(name)) {
      strangers.add(name);
      order.push(name);
    }
  };
  let p = 0;
  for (const h of result.hosts) for (const name of h.vms) count(ix.placed[p++]!, name);
  for (const u of result.unplaced) count(ix.byName.get(u.vm) ?? -1, u.vm);
  const out: Violation[] = [];
  for (const x of order) {
    if (typeof x === 'string') out.push({ rule: 'placed-once', vm: x, message: `${x} is not a VM of the problem` });
    else if (times[x]! > 1)
      out.push({ rule: 'placed-once', vm: vms[x]!.name, message: `${vms[x]!.name} appears ${times[x]} times` });
  }
  // Each name once, where it first appears in the problem.
  const reported = new Uint8Array(vms.length);
  vms.forEach((v, at) => {
    const i = ownIndex(ix, problem, at);
    if (reported[i]) return;
    reported[i] = 1;
    if (times[i] === 0)
      out.push({ rule: 'placed-once', vm: v.name, message: `${v.name} is neither placed nor reported unplaced` });
  });
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
export function checkCapacity(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const out: Violation[] = [];
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  const R = problem.resources.length;
  for (let hi = 0; hi < result.hosts.length; hi++) {
    const h = result.hosts[hi]!;
    for (let j = 0; j < R; j++) {
      const resource = problem.resources[j]!;
      const ceilingPct = pctFor(problem.ceilingPct, resource, 100);
      const capacity = models.get(h.model)?.capacity[resource] ?? 0;
      const available = (capacity * ceilingPct) / 100;
      const required = loadOf(ix, hi, j, R);
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

export function checkAntiAffinity(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const out: Violation[] = [];
  if (!problem.vms.some((v) => v.antiAffinity?.length)) return out;
  let p = 0;
  for (const h of result.hosts) {
    const members = new Map<string, string[]>();
    for (const v of h.vms)
      for (const g of vmAt(problem, ix.placed[p++]!)?.antiAffinity ?? [])
        members.set(g, [...(members.get(g) ?? []), v]);
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

export function checkAffinityAndPins(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const out: Violation[] = [];
  const groupHosts = new Map<string, Set<string>>();
  for (const v of problem.vms) {
    if (v.affinity === undefined && v.pin === undefined) continue;
    // The last host that lists the VM's name (a repeated name is the placed-once rule's).
    const at = ix.hostOf[ix.byName.get(v.name)!]!;
    if (at < 0) continue;
    const host = result.hosts[at]!.name;
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
export function checkFailover(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const k = problem.redundancy;
  if (k <= 0) return [];
  const n = result.hosts.length;
  if (n <= k && (n > 0 || problem.vms.length > 0)) {
    const message = `N+${k} needs at least ${k + 1} hosts; the placement has ${n}`;
    return [{ rule: 'failover', resource: 'hosts', required: k + 1, available: n, shortfall: k + 1 - n, message }];
  }
  const refCap = referenceCapacity(problem.resources, problem.hostModels);
  const ctx = failoverContext(problem, result, refCap, ix);
  // The scenarios the simulation runs: failureSets weighs the hosts by their loads.
  const R = problem.resources.length;
  const loads = result.hosts.map((_, i) => ({ load: Array.from(ctx.load.subarray(i * R, (i + 1) * R)) }));
  return failureSets(loads, k, refCap).sets.flatMap((set) => scenarioViolations(problem, result, set, ctx));
}

/**
 * What every failure scenario reads, worked out once: per host (by its index in the result)
 * and resource its load and failover capacity, in flat arrays, and per VM its demand vector.
 * A simulation of 700 hosts restarts each failed host's VMs on 699 survivors 700 times over.
 */
interface FailoverContext {
  vms: { get: (name: string) => PlacementVm | undefined };
  /** A VM's demand by resource index (a view into the index's matrix). */
  demand: { get: (name: string) => Float64Array | undefined };
  /** host × resource, row-major: the load in normal operation. */
  load: Float64Array;
  /** host × resource: capacity under the failover ceiling. */
  cap: Float64Array;
  refCap: readonly number[];
  /** Per host: Σ over resources of (capacity − load) / reference capacity, the best-fit key. */
  slack: Float64Array;
  /** Host indexes by `slack` ascending, ties by index: the best-fit order of normal operation. */
  bySlack: Int32Array;
  /** `slack` in `bySlack` order. */
  sortedSlack: Float64Array;
  /**
   * What `exceeds` forgives, in slack units: a host whose slack is below a VM's summed share
   * less this cannot take it on every resource at once (twice the sum, for rounding).
   */
  slackTolerance: number;
  groups: readonly string[];
  dedicated: ReadonlySet<string>;
}

function failoverContext(
  problem: PlacementProblem,
  result: Placement,
  refCap: readonly number[],
  ix: PlacementIndex,
): FailoverContext {
  const res = problem.resources;
  const R = res.length;
  const indexOf = (name: string) => ix.byName.get(name) ?? -1;
  const vms = { get: (name: string) => vmAt(problem, indexOf(name)) };
  const demand = {
    get: (name: string) => {
      const i = indexOf(name);
      return i >= 0 ? ix.demand.subarray(i * R, (i + 1) * R) : undefined;
    },
  };
  // Failover capacity per model and resource.
  const modelCap = new Map(
    problem.hostModels.map((m) => [
      m.name,
      res.map((r) => ((m.capacity[r] ?? 0) * pctFor(problem.failoverCeilingPct, r, 100)) / 100),
    ]),
  );
  const load = new Float64Array(result.hosts.length * R);
  const cap = new Float64Array(result.hosts.length * R);
  result.hosts.forEach((h, i) => {
    for (let p = ix.hostStart[i]!; p < ix.hostStart[i + 1]!; p++) {
      const v = ix.placed[p]!;
      if (v >= 0) for (let j = 0; j < R; j++) load[i * R + j]! += ix.demand[v * R + j]!;
    }
    const c = modelCap.get(h.model);
    for (let j = 0; j < R; j++) cap[i * R + j] = c?.[j] ?? 0;
  });
  const slack = Float64Array.from(result.hosts, (_, i) => slackOf(load, i * R, cap, i * R, refCap));
  const bySlack = Int32Array.from(result.hosts, (_, i) => i).sort((a, b) => slack[a]! - slack[b]! || a - b);
  const sortedSlack = Float64Array.from(bySlack, (i) => slack[i]!);
  let slackTolerance = 0;
  for (let j = 0; j < R; j++) {
    let most = 0;
    for (let i = 0; i < result.hosts.length; i++) most = Math.max(most, Math.abs(cap[i * R + j]!));
    if (refCap[j]! > 0) slackTolerance += (2 * TOLERANCE * Math.max(1, most)) / refCap[j]!;
  }
  const groups = result.hosts.map((h) => h.group ?? '');
  const dedicated = new Set(groups.filter((g) => g !== ''));
  return { vms, demand, load, cap, slack, bySlack, sortedSlack, slackTolerance, refCap, groups, dedicated };
}

/** Σ (capacity − load) / reference capacity over the resources of one host's rows. */
function slackOf(load: Float64Array, lo: number, cap: Float64Array, co: number, refCap: readonly number[]): number {
  let slack = 0;
  for (let j = 0; j < refCap.length; j++) slack += refCap[j]! > 0 ? (cap[co + j]! - load[lo + j]!) / refCap[j]! : 0;
  return slack;
}

function scenarioViolations(
  problem: PlacementProblem,
  result: Placement,
  set: readonly number[],
  ctx: FailoverContext,
): Violation[] {
  const res = problem.resources;
  const R = res.length;
  const { vms, demand, cap, refCap, groups, dedicated } = ctx;
  const down = new Set(set);
  // Listed only when a scenario needs every survivor (anti-affinity sets, a stranded VM).
  const survivors = () => result.hosts.flatMap((_, i) => (down.has(i) ? [] : [i]));
  // Survivors' loads (and slacks), copied on first change so a scenario costs what its restarts touch.
  const changed = new Map<number, Float64Array>();
  const slack = new Map<number, number>();
  const row = (i: number): [Float64Array, number] => {
    const own = changed.get(i);
    return own ? [own, 0] : [ctx.load, i * R];
  };
  const own = (i: number): Float64Array => {
    let l = changed.get(i);
    if (!l) {
      l = ctx.load.slice(i * R, (i + 1) * R);
      changed.set(i, l);
    }
    return l;
  };
  // Anti-affinity groups each survivor holds, only when failover must respect them.
  const enforce = problem.enforceAntiAffinityOnFailover === true;
  const hostedAnti = enforce
    ? new Map(
        survivors().map((i) => [i, new Set(result.hosts[i]!.vms.flatMap((name) => vms.get(name)?.antiAffinity ?? []))]),
      )
    : null;
  const antiOk = (v: PlacementVm, i: number) =>
    !hostedAnti || !(v.antiAffinity ?? []).some((g) => hostedAnti.get(i)!.has(g));
  const moving = set.flatMap((i) => result.hosts[i]!.vms.flatMap((name) => vms.get(name) ?? []));
  const size = new Map(moving.map((v) => [v.name, normSize([...demand.get(v.name)!], refCap)]));
  moving.sort(
    (a, b) =>
      RANK[a.haPriority ?? 'medium'] - RANK[b.haPriority ?? 'medium'] ||
      size.get(b.name)! - size.get(a.name)! ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const groupOf = (v: PlacementVm) => (v.hostGroup && dedicated.has(v.hostGroup) ? v.hostGroup : '');
  if (!hostedAnti && oneSurvivorTakesAll(moving, set, down, ctx, groupOf)) return [];
  const stranded: PlacementVm[] = [];
  const takes = (i: number, v: PlacementVm, d: Float64Array, group: string): boolean => {
    if (down.has(i) || groups[i] !== group || !antiOk(v, i)) return false;
    const copy = changed.get(i);
    const load = copy ?? ctx.load;
    const o = copy ? 0 : i * R;
    for (let j = 0; j < R; j++) if (exceeds(load[o + j]! + d[j]!, cap[i * R + j]!)) return false;
    return true;
  };
  for (const v of moving) {
    const d = demand.get(v.name)!;
    // A VM restarts within its dedicated host group, or on the general hosts (docs/placement.md).
    const group = groupOf(v);
    // Unchanged survivors from the least slack up, skipping those whose slack cannot cover the
    // VM: the first that takes it is the best of them. Survivors that took restarts in this
    // scenario are then weighed one by one against it (least slack, ties → earlier host).
    let share = 0;
    for (let j = 0; j < R; j++) share += refCap[j]! > 0 ? d[j]! / refCap[j]! : 0;
    let best = -1;
    let bestSlack = Infinity;
    for (let p = firstAtLeast(ctx.sortedSlack, share - ctx.slackTolerance); p < ctx.bySlack.length; p++) {
      const i = ctx.bySlack[p]!;
      if (changed.has(i) || !takes(i, v, d, group)) continue;
      [best, bestSlack] = [i, ctx.sortedSlack[p]!];
      break;
    }
    for (const [i, hostSlack] of slack) {
      if (hostSlack > bestSlack || (hostSlack === bestSlack && i > best) || !takes(i, v, d, group)) continue;
      [best, bestSlack] = [i, hostSlack];
    }
    if (best < 0) stranded.push(v);
    else {
      const l = own(best);
      for (let j = 0; j < R; j++) l[j]! += d[j]!;
      slack.set(best, slackOf(l, 0, cap, best * R, refCap));
      if (hostedAnti) for (const g of v.antiAffinity ?? []) hostedAnti.get(best)!.add(g);
    }
  }
  if (stranded.length === 0) return [];
  const failedHosts = set.map((i) => result.hosts[i]!.name);
  const names = stranded.map((v) => v.name);
  const at = (i: number, j: number) => {
    const [load, o] = row(i);
    return load[o + j]!;
  };
  const freest = freestSurvivor(survivors(), at, cap, R);
  const base = { rule: 'failover', failedHosts, stranded: names } as const;
  if (freest === undefined) return [{ ...base, message: `if ${failedHosts.join(' + ')} fail, no host survives` }];
  const freestName = result.hosts[freest]!.name;
  const out: Violation[] = [];
  res.forEach((resource, j) => {
    const available = cap[freest * R + j]!;
    const required = at(freest, j) + stranded.reduce((acc, v) => acc + demand.get(v.name)![j]!, 0);
    if (!exceeds(required, available)) return;
    out.push({
      ...base,
      host: freestName,
      resource,
      required,
      available,
      shortfall: required - available,
      message:
        `if ${failedHosts.join(' + ')} fail, ${freestName} would need ${resource} ${fmt(required)} of ` +
        `${fmt(available)} to restart ${names.join(', ')}`,
    });
  });
  // Room in total but in the wrong places: no single survivor can take a stranded VM.
  if (out.length === 0) {
    const message = `if ${failedHosts.join(' + ')} fail, ${names.join(', ')} cannot restart on any survivor`;
    out.push({ ...base, host: freestName, message });
  }
  return out;
}

/**
 * True when a survivor of the failed VMs' one host group has room for all of them at once
 * (exactly, without the tolerance): whatever the others take, each VM then fits there, so the
 * scenario strands none. Only the few survivors with the most slack are tried.
 */
function oneSurvivorTakesAll(
  moving: readonly PlacementVm[],
  set: readonly number[],
  down: ReadonlySet<number>,
  ctx: FailoverContext,
  groupOf: (v: PlacementVm) => string,
): boolean {
  const R = ctx.refCap.length;
  const total = new Float64Array(R);
  const group = moving.length > 0 ? groupOf(moving[0]!) : '';
  for (const v of moving) {
    if (groupOf(v) !== group) return false;
    const d = ctx.demand.get(v.name)!;
    for (let j = 0; j < R; j++) total[j]! += d[j]!;
  }
  for (let p = ctx.bySlack.length - 1, tried = 0; p >= 0 && tried <= set.length + 2; p--) {
    const i = ctx.bySlack[p]!;
    if (down.has(i)) continue;
    tried++;
    let room = ctx.groups[i] === group;
    for (let j = 0; j < R && room; j++) room = ctx.load[i * R + j]! + total[j]! <= ctx.cap[i * R + j]!;
    if (room) return true;
  }
  return false;
}

/** The first position whose value is at least `x` (values ascending). */
function firstAtLeast(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The survivor whose tightest resource has the largest share of its failover capacity left. */
function freestSurvivor(
  survivors: readonly number[],
  load: (host: number, resource: number) => number,
  cap: Float64Array,
  R: number,
): number | undefined {
  let best: number | undefined;
  let bestFree = -Infinity;
  for (const i of survivors) {
    let free = Infinity;
    for (let j = 0; j < R; j++) {
      const c = cap[i * R + j]!;
      free = Math.min(free, c > 0 ? (c - load(i, j)) / c : -Infinity);
    }
    if (free > bestFree) [best, bestFree] = [i, free];
  }
  return best;
}

/**
 * Host groups (docs/placement.md): a VM of a group whose hosts are dedicated runs on one of
 * them; every other VM runs on a general host. A host names only a group of the problem.
 */
export function checkHostGroups(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  const out: Violation[] = [];
  const groups = new Set((problem.hostGroups ?? []).map((g) => g.name));
  const dedicated = new Set<string>();
  for (const h of result.hosts) {
    if (h.group === undefined) continue;
    dedicated.add(h.group);
    if (!groups.has(h.group))
      out.push({ rule: 'host-group', host: h.name, message: `${h.name}: unknown host group ${h.group}` });
  }
  let p = 0;
  for (const h of result.hosts) {
    for (const name of h.vms) {
      const g = vmAt(problem, ix.placed[p++]!)?.hostGroup;
      const want = g !== undefined && dedicated.has(g) ? g : undefined;
      if (want === h.group) continue;
      const message = want
        ? `${name} of host group ${want} runs on ${h.name}, which is not licensed for it`
        : `${name} runs on ${h.name}, dedicated to host group ${h.group}`;
      out.push({ rule: 'host-group', host: h.name, vm: name, message });
    }
  }
  return out;
}

/** Every broken rule of a placement, in a stable order. */
export function verifyPlacement(
  problem: PlacementProblem,
  result: Placement,
  ix = placementIndex(problem, result),
): Violation[] {
  return [
    ...checkPlacedOnce(problem, result, ix),
    ...checkModels(problem, result),
    ...checkCapacity(problem, result, ix),
    ...checkAntiAffinity(problem, result, ix),
    ...checkAffinityAndPins(problem, result, ix),
    ...checkHostGroups(problem, result, ix),
    ...checkFailover(problem, result, ix),
  ];
}
