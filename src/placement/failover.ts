// N+k failover simulation (method §6.4: VMs of failed hosts restart on the survivors
// within the failover ceiling, in HA-priority order). One core over arrays, used by the
// optimiser on every candidate and wrapped by `simulateFailures` for plans and reports.
import type { FailoverScenario, Restart } from '../domain/plan.ts';
import type { HaPriority } from '../domain/server.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult } from './types.ts';
import { ruleBreaks } from './failover-rules.ts';
import { note, type Note } from './note.ts';
import { addInto, fits, fmt, normSize, pctFor, referenceCapacity, slack, zeros } from './vector.ts';
import { TOLERANCE } from '../util/tolerance.ts';
import { FitIndex } from './fit-index.ts';
import { placementIndex, type PlacementIndex } from './placement-index.ts';

/** Scenario enumeration stops here; beyond it only subsets of the most loaded hosts are tried. */
const MAX_SCENARIOS = 2000;

const PRIORITY_RANK: Record<HaPriority, number> = { high: 0, medium: 1, low: 2 };

export interface SimVm {
  name: string;
  demand: number[];
  priority: HaPriority;
  size: number;
  /** Anti-affinity groups, when restarts must respect them (enforceAntiAffinityOnFailover). */
  anti?: readonly string[];
  /** Dedicated host group the VM runs in ('' = the general hosts): restarts stay in it. */
  partition?: string;
}

export interface SimHost {
  name: string;
  capacity: number[];
  /** capacity × failover ceiling. */
  failCap: number[];
  load: number[];
  vms: number[];
  /** Dedicated host group of the host ('' or absent = general). */
  partition?: string;
}

/** Restart order: HA priority high → low, then larger first, then name (method §6.4). */
function restartOrder(a: SimVm, b: SimVm): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    b.size - a.size ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

export interface ScenarioOutcome {
  satisfied: boolean;
  restarts: { vm: number; from: number; to: number | null }[];
  /** Load of a host after the restarts (failed and untouched hosts keep their old figures). */
  loadOf: (host: number) => readonly number[];
  /** VMs that found no survivor. */
  stranded: number[];
}

/**
 * One scenario: pool the failed hosts' VMs, restart them in order, each on the survivor
 * with room under the failover ceiling that leaves the least normalised slack (best fit;
 * ties → earlier host). `stopEarly` returns at the first stranded VM (optimiser use).
 */
export function runScenario(
  hosts: readonly SimHost[],
  vms: readonly SimVm[],
  failed: readonly number[],
  refCap: readonly number[],
  stopEarly = false,
  index: FitIndex = new FitIndex(hosts, refCap),
): ScenarioOutcome {
  const down = new Set(failed);
  // Copied on first restart onto a host: a scenario costs what it touches, not every host
  // (2,000 scenarios of 55,000 hosts spent seconds copying the list of loads alone).
  const touched = new Map<number, number[]>();
  const loadOf = (h: number): number[] => touched.get(h) ?? hosts[h]!.load;
  const moving: { vm: number; from: number }[] = [];
  for (const f of failed) for (const v of hosts[f]!.vms) moving.push({ vm: v, from: f });
  moving.sort((a, b) => restartOrder(vms[a.vm]!, vms[b.vm]!));
  const restarts: ScenarioOutcome['restarts'] = [];
  const stranded: number[] = [];
  // What `fits` forgives, summed like a slack (failover ceilings up to 1000 %).
  const tol = refCap.reduce((a, c) => a + (c > 0 ? (TOLERANCE * Math.max(1, 10 * c)) / c : 0), 0);
  // Slack of the hosts that took restarts in this scenario (the others keep the index's figure).
  const slacks = new Map<number, number>();
  const anti = antiTracker(hosts, vms);
  const takes = (h: number, vm: number, part: string): boolean =>
    !down.has(h) &&
    (hosts[h]!.partition ?? '') === part &&
    fits(loadOf(h), vms[vm]!.demand, hosts[h]!.failCap) &&
    (!anti || anti.allows(h, vm));
  for (const { vm, from } of moving) {
    const d = vms[vm]!.demand;
    const part = vms[vm]!.partition ?? '';
    // A host can take the VM only if its summed slack covers the VM's summed share (plus
    // the tolerance): hosts below that are skipped by a binary search, the rest are tried
    // from the least slack up — those the index knows lack room skipped — so the first that
    // takes the VM is the best fit (ties → the earlier host, as the index sorts them).
    const need = share(d, refCap) - tol;
    let best = -1;
    let bestSlack = Infinity;
    for (let p = index.nextCandidate(index.firstAtLeast(need), d); p >= 0; p = index.nextCandidate(p + 1, d)) {
      const h = index.host[p]!;
      if (slacks.has(h) || !takes(h, vm, part)) continue;
      [best, bestSlack] = [h, index.slack[p]!];
      break;
    }
    // Hosts that took restarts have less room than the index says: each is weighed on its own.
    for (const [h, s] of slacks) {
      if (s < need || s > bestSlack || (s === bestSlack && h > best) || !takes(h, vm, part)) continue;
      [best, bestSlack] = [h, s];
    }
    if (best >= 0) {
      let load = touched.get(best);
      if (!load) {
        load = hosts[best]!.load.slice();
        touched.set(best, load);
      }
      addInto(load, d);
      slacks.set(best, slack(load, hosts[best]!.failCap, refCap));
      anti?.add(best, vm);
    } else {
      stranded.push(vm);
      if (stopEarly) return { satisfied: false, restarts, loadOf, stranded };
    }
    restarts.push({ vm, from, to: best >= 0 ? best : null });
  }
  return { satisfied: stranded.length === 0, restarts, loadOf, stranded };
}

/**
 * Anti-affinity groups present on each host, for restarts that must respect them; null when
 * no VM carries groups to enforce (the common case costs nothing).
 */
function antiTracker(hosts: readonly SimHost[], vms: readonly SimVm[]) {
  if (!hasAnti(vms)) return null;
  const on = hosts.map((h) => new Set(h.vms.flatMap((v) => vms[v]!.anti ?? [])));
  return {
    allows: (h: number, vm: number) => !(vms[vm]!.anti ?? []).some((g) => on[h]!.has(g)),
    add: (h: number, vm: number) => {
      for (const g of vms[vm]!.anti ?? []) on[h]!.add(g);
    },
  };
}

/** Whether any VM carries anti-affinity groups to respect, worked out once per VM list. */
function hasAnti(vms: readonly SimVm[]): boolean {
  let known = antiKnown.get(vms);
  if (known === undefined) {
    known = vms.some((v) => v.anti !== undefined && v.anti.length > 0);
    antiKnown.set(vms, known);
  }
  return known;
}
const antiKnown = new WeakMap<readonly SimVm[], boolean>();

/** A demand's summed share of the reference capacities (the units of `slack`). */
function share(d: readonly number[], refCap: readonly number[]): number {
  let s = 0;
  for (let r = 0; r < d.length; r++) s += refCap[r]! > 0 ? d[r]! / refCap[r]! : 0;
  return s;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return Math.round(c);
}

/**
 * The k-subsets of hosts to simulate. All of them when there are at most MAX_SCENARIOS;
 * otherwise every k-subset of the t most loaded hosts (largest t within the cap): losing
 * the fullest hosts strands the most VMs, so these are the hardest scenarios.
 */
export function failureSets(
  hosts: readonly Pick<SimHost, 'load'>[],
  k: number,
  refCap: readonly number[],
): { sets: number[][]; capped: boolean } {
  const n = hosts.length;
  if (k <= 0 || n === 0) return { sets: [], capped: false };
  if (k >= n) return { sets: [hosts.map((_, i) => i)], capped: false };
  let pool = hosts.map((_, i) => i);
  let capped = false;
  if (binomial(n, k) > MAX_SCENARIOS) {
    capped = true;
    let t = k;
    while (t < n && binomial(t + 1, k) <= MAX_SCENARIOS) t++;
    const weight = (i: number) => hosts[i]!.load.reduce((s, x, r) => s + (refCap[r]! > 0 ? x / refCap[r]! : 0), 0);
    pool = pool
      .sort((a, b) => weight(b) - weight(a) || a - b)
      .slice(0, t)
      .sort((a, b) => a - b);
  }
  const sets: number[][] = [];
  const pick: number[] = [];
  const rec = (start: number) => {
    if (pick.length === k) {
      sets.push(pick.slice());
      return;
    }
    for (let i = start; i <= pool.length - (k - pick.length); i++) {
      pick.push(pool[i]!);
      rec(i + 1);
      pick.pop();
    }
  };
  rec(0);
  return { sets, capped };
}

/** True when every simulated k-failure scenario restarts every VM. */
export function survivesFailures(
  hosts: readonly SimHost[],
  vms: readonly SimVm[],
  k: number,
  refCap: readonly number[],
): boolean {
  const index = new FitIndex(hosts, refCap);
  const plain = !hasAnti(vms);
  return failureSets(hosts, k, refCap).sets.every(
    (set) =>
      (plain && oneTakesAll(hosts, vms, set, index)) || runScenario(hosts, vms, set, refCap, true, index).satisfied,
  );
}

/**
 * True when one survivor among the few with the most slack has room for all the failed
 * hosts' VMs at once (in their host group, no anti-affinity to respect): whatever the others
 * take, every VM then finds room there, so the scenario holds without simulating it. The test
 * is exact, without the tolerance the simulation allows. The usual case of a plan with a
 * standby host: 2,600 scenarios checked in a few milliseconds instead of simulated.
 */
function oneTakesAll(hosts: readonly SimHost[], vms: readonly SimVm[], failed: readonly number[], index: FitIndex) {
  const total = zeros(hosts[0]?.load.length ?? 0);
  let part: string | null = null;
  for (const f of failed)
    for (const v of hosts[f]!.vms) {
      const p = vms[v]!.partition ?? '';
      if (part !== null && p !== part) return false;
      part = p;
      addInto(total, vms[v]!.demand);
    }
  const down = new Set(failed);
  for (let p = index.host.length - 1, tried = 0; p >= 0 && tried <= failed.length + 2; p--) {
    const h = hosts[index.host[p]!]!;
    if (down.has(index.host[p]!)) continue;
    tried++;
    if ((h.partition ?? '') === (part ?? '') && total.every((t, r) => h.load[r]! + t <= h.failCap[r]!)) return true;
  }
  return false;
}

/** Builds the simulation view of a placed result (names → vectors). */
export function simView(
  problem: PlacementProblem,
  result: Pick<PlacementResult, 'hosts'>,
): { hosts: SimHost[]; vms: SimVm[]; refCap: number[] } {
  const res = problem.resources;
  const refCap = referenceCapacity(res, problem.hostModels);
  const index = new Map<string, number>();
  const dedicated = dedicatedGroups(result);
  const vms: SimVm[] = problem.vms.map((v, i) => {
    index.set(v.name, i);
    return simVm(
      problem,
      v,
      res.map((r) => v.demand[r] ?? 0),
      refCap,
      dedicated,
    );
  });
  const capOf = hostCapacities(problem);
  const hosts: SimHost[] = result.hosts.map((h) => {
    const load = zeros(res.length);
    const ids = h.vms.map((n) => index.get(n)).filter((i): i is number => i !== undefined);
    for (const i of ids) addInto(load, vms[i]!.demand);
    return { ...capOf(h.model), name: h.name, load, vms: ids, ...(h.group ? { partition: h.group } : {}) };
  });
  return { hosts, vms, refCap };
}

const dedicatedGroups = (result: Pick<PlacementResult, 'hosts'>) =>
  new Set(result.hosts.flatMap((h) => (h.group ? [h.group] : [])));

function simVm(
  problem: PlacementProblem,
  v: PlacementProblem['vms'][number],
  demand: number[],
  refCap: readonly number[],
  dedicated: ReadonlySet<string>,
): SimVm {
  return {
    name: v.name,
    demand,
    priority: v.haPriority ?? 'medium',
    size: normSize(demand, refCap),
    ...(problem.enforceAntiAffinityOnFailover && v.antiAffinity ? { anti: v.antiAffinity } : {}),
    ...(v.hostGroup && dedicated.has(v.hostGroup) ? { partition: v.hostGroup } : {}),
  };
}

/** Capacity and failover capacity of a host of each model, worked out once per model. */
function hostCapacities(problem: PlacementProblem) {
  const res = problem.resources;
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  const known = new Map<string, { capacity: number[]; failCap: number[] }>();
  return (model: string) => {
    let c = known.get(model);
    if (!c) {
      const capacity = res.map((r) => models.get(model)?.capacity[r] ?? 0);
      const failCap = capacity.map((x, r) => (x * pctFor(problem.failoverCeilingPct, res[r]!, 100)) / 100);
      c = { capacity, failCap };
      known.set(model, c);
    }
    return { capacity: c.capacity.slice(), failCap: c.failCap.slice() };
  };
}

/** Stands in for the VMs no scenario moves: a restart never reads them (`failureView`). */
const UNMOVED: SimVm = Object.freeze({ name: '', demand: [], priority: 'medium', size: 0 }) as SimVm;

/**
 * The simulation view `simView` gives, for the scenarios of `sets` only: host loads summed
 * from the index's demand rows in the same order, and a VM's own record only where a scenario
 * moves it — a million VMs' plan with N+1 simulates 2,000 hosts' VMs, not a million records.
 * Restarts that must respect anti-affinity read every host's VMs: those get `simView` itself.
 */
function failureView(
  problem: PlacementProblem,
  result: Pick<PlacementResult, 'hosts'>,
  ix: PlacementIndex,
): { hosts: SimHost[]; vms: SimVm[]; refCap: number[]; sets: number[][] } {
  const k = problem.redundancy;
  if (problem.enforceAntiAffinityOnFailover && problem.vms.some((v) => v.antiAffinity?.length)) {
    const view = simView(problem, result);
    return { ...view, sets: failureSets(view.hosts, k, view.refCap).sets };
  }
  const res = problem.resources;
  const R = res.length;
  const refCap = referenceCapacity(res, problem.hostModels);
  const capOf = hostCapacities(problem);
  const hosts: SimHost[] = result.hosts.map((h, hi) => {
    const ids: number[] = [];
    const load = zeros(R);
    for (let p = ix.hostStart[hi]!; p < ix.hostStart[hi + 1]!; p++) {
      const i = ix.placed[p]!;
      if (i < 0) continue;
      // The VM a name stands for is the map's (a repeated name: the last), as in simView.
      ids.push(i);
      for (let r = 0; r < R; r++) load[r]! += ix.demand[i * R + r]!;
    }
    return { ...capOf(h.model), name: h.name, load, vms: ids, ...(h.group ? { partition: h.group } : {}) };
  });
  const { sets } = failureSets(hosts, k, refCap);
  const vms = new Array<SimVm>(problem.vms.length).fill(UNMOVED);
  const dedicated = dedicatedGroups(result);
  for (const h of new Set(sets.flat()))
    for (const i of hosts[h]!.vms)
      if (vms[i] === UNMOVED)
        vms[i] = simVm(problem, problem.vms[i]!, Array.from(ix.demand.subarray(i * R, i * R + R)), refCap, dedicated);
  return { hosts, vms, refCap, sets };
}

const round3 = (x: number) => Number(x.toFixed(3));

function shortfall(
  vm: SimVm,
  hosts: readonly SimHost[],
  loadOf: (host: number) => readonly number[],
  down: Set<number>,
  res: readonly string[],
): string {
  const needs = res.map((r, i) => `${r} ${fmt(vm.demand[i]!)}`).join(', ');
  for (let r = 0; r < res.length; r++) {
    let most = -Infinity;
    let where = '';
    hosts.forEach((h, i) => {
      if (down.has(i)) return;
      const free = h.failCap[r]! - loadOf(i)[r]!;
      if (free > most) [most, where] = [free, h.name];
    });
    if (vm.demand[r]! > most) {
      return where
        ? `${vm.name}: needs ${res[r]} ${fmt(vm.demand[r]!)}, the most free on any survivor ` +
            `is ${fmt(round3(Math.max(0, most)))} (${where})`
        : `${vm.name}: no surviving host`;
    }
  }
  return `${vm.name}: needs ${needs} at once; no single survivor has room for all of it`;
}

/**
 * Every k-failure scenario of a placed result (capped, see `failureSets`; a capped run adds
 * a scenario-free note via `failureNote`). Loads use the pipeline's `vcpu` and `memoryGb`
 * resources when present, 0 otherwise; `resources` carries every resource. `touchedOnly`
 * lists only the survivors that take restarted VMs: a result then grows with the VMs, not with
 * hosts² (every scenario listing every survivor).
 */
export function simulateFailures(
  problem: PlacementProblem,
  result: PlacementResult,
  opts: { touchedOnly?: boolean; index?: PlacementIndex } = {},
): FailoverScenario[] {
  // N+0 has no scenario (failureSets): the view of a million VMs is not built for none.
  if (problem.redundancy <= 0) return [];
  const { hosts, vms, refCap, sets } = failureView(problem, result, opts.index ?? placementIndex(problem, result));
  const index = new FitIndex(hosts, refCap);
  const res = problem.resources;
  const iv = res.indexOf('vcpu');
  const im = res.indexOf('memoryGb');
  const pct = (x: number, c: number) => (c > 0 ? round3((x / c) * 100) : 0);
  return sets.map((set) => {
    const out = runScenario(hosts, vms, set, refCap, false, index);
    const down = new Set(set);
    const touched = new Set(out.restarts.map((r) => r.to));
    const restarts: Restart[] = out.restarts.map((r) => ({
      vm: vms[r.vm]!.name,
      from: hosts[r.from]!.name,
      to: r.to === null ? null : hosts[r.to]!.name,
      haPriority: vms[r.vm]!.priority,
    }));
    // Touched survivors only: in host order, without visiting the others (2,000 scenarios of
    // 5,000 hosts).
    const listed = opts.touchedOnly
      ? [...touched].filter((i): i is number => i !== null && !down.has(i)).sort((a, b) => a - b)
      : hosts.flatMap((_, i) => (down.has(i) ? [] : [i]));
    const load = listed.map((i) => {
      const h = hosts[i]!;
      const l = out.loadOf(i);
      const vcpu = iv >= 0 ? round3(l[iv]!) : 0;
      const memoryGb = im >= 0 ? round3(l[im]!) : 0;
      const resources = Object.fromEntries(res.map((r, j) => [r, round3(l[j]!)]));
      return {
        host: h.name,
        vcpu,
        memoryGb,
        cpuPct: iv >= 0 ? pct(l[iv]!, h.capacity[iv]!) : 0,
        memoryPct: im >= 0 ? pct(l[im]!, h.capacity[im]!) : 0,
        resources,
      };
    });
    const shortfalls = out.stranded.map((v) => shortfall(vms[v]!, hosts, out.loadOf, down, res));
    const failedHosts = set.map((i) => hosts[i]!.name);
    const breaks = ruleBreaks(problem, result, failedHosts, restarts);
    return {
      failedHosts,
      satisfied: out.satisfied,
      restarts,
      load,
      shortfalls,
      ...(breaks.length > 0 ? { ruleBreaks: breaks } : {}),
    };
  });
}

/** The note a result carries when the scenario enumeration was capped. */
export function failureNote(hostCount: number, k: number): Note | null {
  if (k <= 0 || binomial(hostCount, k) <= MAX_SCENARIOS) return null;
  const params = { k, scenarios: binomial(hostCount, k), max: MAX_SCENARIOS };
  return note(
    'failure-scenarios-capped',
    params,
    (p) =>
      `N+${p.k}: ${p.scenarios} failure scenarios exceed ${p.max}; ` +
      `simulated every ${p.k}-subset of the most loaded hosts only`,
  );
}
