// Heuristic mode for one host model: construct (FFD/BFD), empty hosts by tabu repair, then
// the smallest host count whose packing survives every k-failure scenario.
import type { Instance, ModelSpec } from '../instance.ts';
import type { LowerBound } from '../lower-bound.ts';
import { construct, newBin, put, type FitMode, type Packing } from './construct.ts';
import { emptyHosts, repairFailed, type ImproveOptions } from './improve.ts';
import { makeRng } from '../../util/rng.ts';
import { survivesFailures } from '../failover.ts';
import { byEfficiency, constructMixed } from './mixed.ts';
import { dotProductPack } from './dot-product.ts';
import { toSimHosts } from '../result.ts';
import { lnsMinCost, type LnsOptions } from './lns.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';
import { emptyHostsOneDim } from './one-dim.ts';

export interface Candidate {
  packing: Packing;
  mode: FitMode | 'dot' | 'tabu' | 'lns' | 'milp';
  survives: boolean;
}

/** Tabu iterations per attempt to close a host, scaled so large inputs stay within budget. */
function iterationBudget(inst: Instance): number {
  return Math.max(200, Math.min(4000, Math.floor(4e6 / Math.max(1, inst.items.length * 4))));
}

function improveOptions(inst: Instance, lb: LowerBound, deadline: Deadline): ImproveOptions {
  const p = inst.problem;
  return {
    rng: makeRng(p.seed ?? 1),
    deadline,
    iterations: iterationBudget(inst),
    maxFailures: p.objective === 'min-cost' ? 40 : 8,
    target: { hosts: lb.hosts - Math.max(inst.k, 0), cost: lb.cost },
    objective: p.objective === 'min-cost' ? 'cost' : 'hosts',
  };
}

/** Fit modes to try, in the objective's order of preference. */
function modesFor(inst: Instance): FitMode[] {
  return inst.problem.objective === 'balance' ? ['wfd', 'ffd', 'bfd'] : ['ffd', 'bfd', 'wfd'];
}

export function evaluate(inst: Instance, packing: Packing, mode: Candidate['mode']): Candidate {
  // N+0 has no failure scenario: the simulation view is not built for none.
  const survives =
    packing.failed.length === 0 &&
    (inst.k <= 0 || survivesFailures(toSimHosts(inst, packing.bins), inst.vms, inst.k, inst.refCap));
  return { packing, mode, survives };
}

/** Tries every mode with exactly m hosts; the first surviving packing, else the best partial one. */
function tryCount(inst: Instance, hosts: readonly ModelSpec[], opts: ImproveOptions): Candidate {
  let fallback: Candidate | null = null;
  for (const mode of modesFor(inst)) {
    const c = evaluate(inst, construct(inst, hosts, mode, undefined, opts.deadline), mode);
    if (c.survives) return c;
    if (!fallback || c.packing.failed.length < fallback.packing.failed.length) fallback = c;
    if (opts.deadline.passed()) {
      opts.deadline.stop('construction');
      break;
    }
  }
  if (fallback!.packing.failed.length === 0 || opts.deadline.passed()) return fallback!;
  const repaired = repairFailed(inst, fallback!.packing, opts);
  return repaired.failed.length < fallback!.packing.failed.length ? evaluate(inst, repaired, 'tabu') : fallback!;
}

const copies = (model: ModelSpec, m: number) => new Array<ModelSpec>(m).fill(model);

/** FFD (norm order), BFD (skipped on very large inputs: O(items × hosts)) and bin-centric
 * dot product; the packing with the fewest hosts (ties: that order). */
function bestOpenPacking(
  inst: Instance,
  model: ModelSpec,
  deadline: Deadline,
): { p: Packing; mode: Candidate['mode'] } {
  const runs: { p: Packing; mode: Candidate['mode'] }[] = [
    { p: construct(inst, [], 'ffd', model, deadline), mode: 'ffd' },
  ];
  // Past the deadline the first packing is the answer (docs/method.md §6.5).
  const more = () => deadline.allows('construction');
  if (inst.items.length <= 20000 && more()) runs.push({ p: construct(inst, [], 'bfd', model, deadline), mode: 'bfd' });
  const dot = more() ? dotProductPack(inst, model, deadline) : null;
  if (dot) runs.push({ p: dot, mode: 'dot' });
  const key = (r: { p: Packing }) => r.p.failed.length * 1e9 + r.p.bins.length;
  return runs.reduce((a, b) => (key(b) < key(a) ? b : a));
}

export function solveModel(
  inst: Instance,
  model: ModelSpec,
  lb: LowerBound,
  deadline: Deadline,
  progress: (m: string) => void,
): Candidate {
  const fixed = inst.problem.hostCount;
  const opts = improveOptions(inst, lb, deadline);
  if (fixed !== undefined) return tryCount(inst, copies(model, fixed), opts);
  const open = bestOpenPacking(inst, model, deadline);
  if (open.p.failed.length > 0) return { packing: open.p, mode: open.mode, survives: false };
  progress(`${model.name}: ${open.p.bins.length} hosts by ${open.mode}, emptying hosts`);
  // With N+k, leave part of the time for the failover search; on one resource, for the
  // arc-flow MILP, which usually finds and proves the optimum itself.
  const share = inst.k > 0 ? 0.6 : inst.resources.length === 1 ? 0.3 : 1;
  const improved = oneDimApplies(inst)
    ? emptyOneDim(inst, model, open.p, lb, opts, deadline.share(oneDimShare(model.cap[0]!)))
    : emptyHosts(inst, open.p, {
        ...opts,
        deadline: deadline.share(share),
      });
  const mode = improved.bins.length < open.p.bins.length ? 'tabu' : open.mode;
  if (improved.bins.length > model.maxCount) return tryCount(inst, copies(model, model.maxCount), opts);
  if (inst.k === 0 && inst.problem.objective !== 'balance') return evaluate(inst, improved, mode);
  const start = Math.max(lb.hosts, improved.bins.length);
  const limit = Math.min(model.maxCount, 2 * improved.bins.length + inst.k);
  let last: Candidate = { packing: improved, mode, survives: false };
  for (let m = start; m <= limit; m++) {
    if (deadline.passed()) {
      deadline.stop('N+k host search');
      return standbyPlan(inst, model, improved, mode, Math.max(m, improved.bins.length + inst.k)) ?? last;
    }
    progress(`${model.name}: trying ${m} hosts for N+${inst.k}`);
    last = tryCount(inst, copies(model, m), opts);
    if (last.survives) return last;
    const standby = m >= improved.bins.length ? standbyPlan(inst, model, improved, mode, m) : null;
    if (standby) return standby;
    if (inst.k > 0) {
      last = withReserve(inst, model, m, opts);
      if (last.survives) return last;
    }
  }
  return last;
}

/** One resource, no N+k, no rules between VMs: the typed-array search of one-dim.ts. */
function oneDimApplies(inst: Instance): boolean {
  return (
    inst.resources.length === 1 && inst.k === 0 && inst.items.every((it) => it.anti.length === 0 && it.pin === null)
  );
}

/**
 * Share of the time the one-resource search may use; the arc-flow MILP gets the rest. Above
 * a capacity of 1,000 the graph of 100+ distinct sizes is too large for glpk.js within
 * seconds (Wäscher kind, c = 10,000: no proof in 150 s) or exceeds the arc limit (Scholl 3
 * kind, c = 100,000), so the search keeps nearly all of it.
 */
const oneDimShare = (cap: number) => (cap <= 1000 ? 0.5 : 0.9);

function emptyOneDim(
  inst: Instance,
  model: ModelSpec,
  packing: Packing,
  lb: LowerBound,
  opts: ImproveOptions,
  deadline: Deadline,
): Packing {
  const w = Float64Array.from(inst.items, (it) => it.demand[0]!);
  const hosts = emptyHostsOneDim(
    w,
    model.cap[0]!,
    packing.bins.map((b) => b.items),
    // Restarts after 1,000 steps without progress beat long walks (Wäscher kind: 0.3–9 s
    // vs none in 10 s with 20,000).
    { rng: opts.rng, deadline, iterations: 200_000, stall: 1000, target: lb.hosts, attempts: 300 },
  );
  if (hosts.length >= packing.bins.length) return packing;
  const bins = hosts.map((items) => {
    const bin = newBin(model, 1);
    for (const i of items) put(inst, bin, i);
    return bin;
  });
  return { bins, failed: packing.failed };
}

/**
 * The packed hosts plus empty standby hosts, m in all: a failed host's VMs fit an empty
 * survivor when the failover ceiling is at least the normal one. Also what the N+k search
 * falls back on at the deadline. Null when that does not survive.
 */
function standbyPlan(
  inst: Instance,
  model: ModelSpec,
  packing: Packing,
  mode: Candidate['mode'],
  m: number,
): Candidate | null {
  if (m > model.maxCount) return null;
  const standby = copies(model, m - packing.bins.length).map((mm) => newBin(mm, inst.resources.length));
  const c = evaluate(inst, { bins: [...packing.bins, ...standby], failed: [] }, mode);
  return c.survives ? c : null;
}

/**
 * N+k with m hosts: pack under a reserve, each host at most failCap × (m − k) / m, so the
 * room the survivors keep free is about what k failed hosts carry; then simulate for real.
 */
function withReserve(inst: Instance, model: ModelSpec, m: number, opts: ImproveOptions): Candidate {
  const share = (m - inst.k) / m;
  const reserved: ModelSpec = { ...model, cap: model.cap.map((c, r) => Math.min(c, model.failCap[r]! * share)) };
  const c = tryCount(inst, copies(reserved, m), opts);
  const bins = c.packing.bins.map((b) => ({ ...b, model }));
  return evaluate(inst, { bins, failed: c.packing.failed }, c.mode);
}

/**
 * min-cost: buy hosts in order of price per workload share until every resource's bought
 * capacity exceeds the demand by a margin (2 %, 4 %, … 20 %), then pack into exactly those
 * hosts; the cheapest margin that packs wins. Aims at the fractional bound's purchase.
 */
function selectThenPack(inst: Instance, models: readonly ModelSpec[], opts: ImproveOptions): Packing | null {
  const order = byEfficiency(inst, models);
  const totals = inst.resources.map((_, r) => inst.items.reduce((s, it) => s + it.demand[r]!, 0));
  for (let margin = 0.02; margin <= 0.2 + TOLERANCE; margin += 0.02) {
    if (opts.deadline.passed()) {
      opts.deadline.stop('min-cost host selection');
      return null;
    }
    const hosts: ModelSpec[] = [];
    const cap = totals.map(() => 0);
    for (const m of order) {
      for (
        let c = 0;
        c < Math.min(m.maxCount, inst.items.length) && cap.some((x, r) => x < totals[r]! * (1 + margin));
        c++
      ) {
        hosts.push(m);
        m.cap.forEach((x, r) => {
          cap[r]! += x;
        });
      }
    }
    const c = tryCount(inst, hosts, opts);
    if (c.packing.failed.length === 0) return { bins: c.packing.bins.filter((b) => b.items.length > 0), failed: [] };
  }
  return null;
}

const costOf = (p: Packing) => p.bins.reduce((s, b) => s + b.model.cost, 0);

/** LNS budgets: iteration counts, so a run that ends before the deadline is reproducible. */
function lnsOptions(inst: Instance, models: readonly ModelSpec[], lb: LowerBound, deadline: Deadline): LnsOptions {
  // Its own stream of the recorded seed, so the earlier phases' draws do not shift it.
  const seed = (inst.problem.seed ?? 1) + 0x9e3779b9;
  // Stall limit: 1,000 steps per VM (cloud balancing 100/300 once went 330,000 steps
  // between two improvements).
  return {
    rng: makeRng(seed),
    deadline,
    iterations: 2_000_000,
    stall: Math.max(5000, 1000 * inst.items.length),
    target: lb.cost,
    models,
  };
}

/** Mixed catalog: efficiency-ordered FFD/BFD, host emptying, then spare hosts until N+k holds. */
export function solveMixed(
  inst: Instance,
  models: readonly ModelSpec[],
  lb: LowerBound,
  deadline: Deadline,
  progress: (m: string) => void,
): Candidate {
  const opts = {
    ...improveOptions(inst, lb, deadline),
    pool: inst.problem.objective === 'min-cost' ? models : undefined,
  };
  const cost = (p: Packing) => p.failed.length * 1e12 + p.bins.reduce((s, b) => s + b.model.cost, 0);
  const [ffd, bfd] = (['ffd', 'bfd'] as const).map((m) => repairFailed(inst, constructMixed(inst, models, m), opts));
  let open = cost(bfd!) < cost(ffd!) ? { p: bfd!, mode: 'bfd' as const } : { p: ffd!, mode: 'ffd' as const };
  if (inst.problem.objective === 'min-cost') {
    const chosen = selectThenPack(inst, models, opts);
    if (chosen && cost(chosen) < cost(open.p)) open = { p: chosen, mode: 'bfd' };
  }
  if (open.p.failed.length > 0) return { packing: open.p, mode: open.mode, survives: false };
  progress(`mixed catalog: ${open.p.bins.length} hosts by ${open.mode}, emptying hosts`);
  const lns = inst.problem.objective === 'min-cost' && inst.k === 0;
  // Ruin and recreate finds far more than closing hosts one at a time (cloud balancing
  // 100/300: 110,940 → 97,820 in 5 s; host emptying gained nothing there), so it replaces it.
  let improved = lns ? open.p : emptyHosts(inst, open.p, opts);
  let mode: Candidate['mode'] = improved.bins.length < open.p.bins.length ? 'tabu' : open.mode;
  if (lns) {
    progress(`mixed catalog: ${improved.bins.length} hosts, ruin and recreate`);
    const before = costOf(improved);
    improved = lnsMinCost(inst, improved, lnsOptions(inst, models, lb, deadline));
    if (costOf(improved) < before) mode = 'lns';
  }
  const first = evaluate(inst, improved, mode);
  if (first.survives || inst.k === 0) return first;
  const spare = byEfficiency(inst, models)[0]!;
  const base = improved.bins.map((b) => b.model);
  let last = first;
  for (let extra = 1; extra <= base.length + inst.k; extra++) {
    const hosts = [...base, ...new Array<ModelSpec>(extra).fill(spare)];
    if (hosts.filter((m) => m === spare).length > spare.maxCount) break;
    if (deadline.passed()) {
      deadline.stop('N+k host search');
      break;
    }
    progress(`mixed catalog: ${hosts.length} hosts for N+${inst.k}`);
    last = tryCount(inst, hosts, opts);
    if (last.survives) return last;
  }
  return last;
}
