// Heuristic mode for one host model: construct (FFD/BFD), empty hosts by tabu repair, then
// the smallest host count whose packing survives every k-failure scenario.
import type { Instance, ModelSpec } from '../instance.ts';
import type { LowerBound } from '../lower-bound.ts';
import { construct, type FitMode, type Packing } from './construct.ts';
import { emptyHosts, type ImproveOptions } from './improve.ts';
import { makeRng } from './rng.ts';
import { survivesFailures } from '../failover.ts';
import { toSimHosts } from '../result.ts';

export interface Candidate {
  packing: Packing;
  mode: FitMode | 'tabu' | 'milp';
  survives: boolean;
}

/** Tabu iterations per attempt to close a host, scaled so large inputs stay within budget. */
function iterationBudget(inst: Instance): number {
  return Math.max(200, Math.min(4000, Math.floor(4e6 / Math.max(1, inst.items.length * 4))));
}

export function improveOptions(inst: Instance, lb: LowerBound, deadline: number): ImproveOptions {
  const p = inst.problem;
  return {
    rng: makeRng(p.seed ?? 1),
    deadline,
    iterations: iterationBudget(inst),
    maxFailures: 8,
    target: { hosts: lb.hosts - (inst.k > 0 ? inst.k : 0), cost: lb.cost },
    objective: p.objective === 'min-cost' ? 'cost' : 'hosts',
  };
}

/** Fit modes to try, in the objective's order of preference. */
function modesFor(inst: Instance): FitMode[] {
  return inst.problem.objective === 'balance' ? ['wfd', 'ffd', 'bfd'] : ['ffd', 'bfd', 'wfd'];
}

export function evaluate(inst: Instance, packing: Packing, mode: Candidate['mode']): Candidate {
  const survives = packing.failed.length === 0 && survivesFailures(toSimHosts(inst, packing.bins), inst.vms, inst.k, inst.refCap);
  return { packing, mode, survives };
}

/** Tries every mode with exactly m hosts; the first surviving packing, else the best partial one. */
export function tryCount(inst: Instance, model: ModelSpec, m: number): Candidate {
  let fallback: Candidate | null = null;
  for (const mode of modesFor(inst)) {
    const c = evaluate(inst, construct(inst, new Array<ModelSpec>(m).fill(model), mode), mode);
    if (c.survives) return c;
    if (!fallback || c.packing.failed.length < fallback.packing.failed.length) fallback = c;
  }
  return fallback!;
}

export function solveModel(inst: Instance, model: ModelSpec, lb: LowerBound, deadline: number, progress: (m: string) => void): Candidate {
  const fixed = inst.problem.hostCount;
  if (fixed !== undefined) return tryCount(inst, model, fixed);
  const ffd = construct(inst, [], 'ffd', model);
  const bfd = construct(inst, [], 'bfd', model);
  const open = bfd.bins.length < ffd.bins.length ? { p: bfd, mode: 'bfd' as const } : { p: ffd, mode: 'ffd' as const };
  if (open.p.failed.length > 0) return { packing: open.p, mode: open.mode, survives: false };
  progress(`${model.name}: ${open.p.bins.length} hosts by ${open.mode}, emptying hosts`);
  const improved = emptyHosts(inst, open.p, improveOptions(inst, lb, deadline));
  const mode = improved.bins.length < open.p.bins.length ? 'tabu' : open.mode;
  if (improved.bins.length > model.maxCount) return tryCount(inst, model, model.maxCount);
  if (inst.k === 0 && inst.problem.objective !== 'balance') return evaluate(inst, improved, mode);
  const start = Math.max(lb.hosts, improved.bins.length);
  const limit = Math.min(model.maxCount, 2 * improved.bins.length + inst.k);
  let last: Candidate = { packing: improved, mode, survives: false };
  for (let m = start; m <= limit; m++) {
    progress(`${model.name}: trying ${m} hosts for N+${inst.k}`);
    last = tryCount(inst, model, m);
    if (last.survives) return last;
  }
  return last;
}
