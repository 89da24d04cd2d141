// The placement driver: for each host model, the smallest host count whose packing holds
// under the ceilings and survives every k-failure scenario; then the best model for the
// objective. Solve() returns a result; nothing here has side effects.
import type { ModelSpec, Instance } from './instance.ts';
import { buildInstance } from './instance.ts';
import type { PlacementProblem, PlacementResult } from './types.ts';
import { construct, type FitMode, type Packing } from './heuristic/construct.ts';
import { failureNote, survivesFailures } from './failover.ts';
import { instanceLowerBound, type LowerBound } from './lower-bound.ts';
import { peakUtil, toResult, toSimHosts } from './result.ts';
import { emptyHosts, type ImproveOptions } from './heuristic/improve.ts';
import { makeRng } from './heuristic/rng.ts';

function improveOptions(inst: Instance, lb: LowerBound): ImproveOptions {
  const p = inst.problem;
  return {
    rng: makeRng(p.seed ?? 1),
    deadline: performance.now() + p.timeLimitSeconds * 1000,
    iterations: Number(process.env.CAPPLAN_ITER ?? 2000),
    maxFailures: Number(process.env.CAPPLAN_FAIL ?? 5),
    target: { hosts: lb.hosts, cost: lb.cost },
    objective: p.objective === 'min-cost' ? 'cost' : 'hosts',
  };
}

export interface SolveOptions {
  onProgress?: (msg: string) => void;
}

interface Candidate {
  packing: Packing;
  mode: FitMode | 'tabu';
  survives: boolean;
}

/** Fit modes to try, in the objective's order of preference. */
function modesFor(problem: PlacementProblem): FitMode[] {
  return problem.objective === 'balance' ? ['wfd', 'ffd', 'bfd'] : ['ffd', 'bfd', 'wfd'];
}

function evaluate(inst: Instance, packing: Packing, mode: Candidate["mode"]): Candidate {
  const survives = packing.failed.length === 0 && survivesFailures(toSimHosts(inst, packing.bins), inst.vms, inst.k, inst.refCap);
  return { packing, mode, survives };
}

/** Tries every mode with exactly m hosts; the first surviving packing, else the best partial one. */
function tryCount(inst: Instance, model: ModelSpec, m: number): Candidate {
  let fallback: Candidate | null = null;
  for (const mode of modesFor(inst.problem)) {
    const c = evaluate(inst, construct(inst, new Array<ModelSpec>(m).fill(model), mode), mode);
    if (c.survives) return c;
    if (!fallback || c.packing.failed.length < fallback.packing.failed.length) fallback = c;
  }
  return fallback!;
}

function solveModel(inst: Instance, model: ModelSpec, lb: LowerBound, progress: (m: string) => void): Candidate {
  const fixed = inst.problem.hostCount;
  if (fixed !== undefined) return tryCount(inst, model, fixed);
  const ffd = construct(inst, [], 'ffd', model);
  const bfd = construct(inst, [], 'bfd', model);
  const open = bfd.bins.length < ffd.bins.length ? { p: bfd, mode: 'bfd' as const } : { p: ffd, mode: 'ffd' as const };
  if (open.p.failed.length > 0) return { packing: open.p, mode: open.mode, survives: false };
  const improved = emptyHosts(inst, open.p, improveOptions(inst, lb));
  const mode = improved.bins.length < open.p.bins.length ? 'tabu' : open.mode;
  if (improved.bins.length > model.maxCount) return tryCount(inst, model, model.maxCount);
  if (inst.k === 0 && inst.problem.objective !== 'balance') return evaluate(inst, improved, mode);
  const start = Math.max(lb.hosts, improved.bins.length);
  const limit = Math.min(model.maxCount, 2 * improved.bins.length + inst.k);
  let last: Candidate = { packing: improved, mode, survives: false };
  for (let m = start; m <= limit; m++) {
    progress(`${model.name}: trying ${m} hosts`);
    last = tryCount(inst, model, m);
    if (last.survives) return last;
  }
  return last;
}

/** Lexicographic comparison of two candidates for the objective: negative when a is better. */
function compare(inst: Instance, a: Candidate, b: Candidate): number {
  const failed = a.packing.failed.length - b.packing.failed.length;
  if (failed !== 0) return failed;
  if (a.survives !== b.survives) return a.survives ? -1 : 1;
  const hosts = a.packing.bins.length - b.packing.bins.length;
  const cost = a.packing.bins.reduce((s, x) => s + x.model.cost, 0) - b.packing.bins.reduce((s, x) => s + x.model.cost, 0);
  if (inst.problem.objective === 'min-cost') return cost || hosts;
  const first = hosts || cost;
  if (first !== 0 || inst.problem.objective !== 'balance') return first;
  return peakUtil(a.packing.bins) - peakUtil(b.packing.bins);
}

/** Fractional lower bound on the peak utilisation with these hosts (balance objective). */
function balanceBound(inst: Instance, packing: Packing): number {
  let bound = 0;
  inst.resources.forEach((_, r) => {
    const total = inst.items.reduce((s, it) => s + it.demand[r]!, 0);
    const cap = packing.bins.reduce((s, b) => s + b.model.cap[r]!, 0);
    if (cap > 0) bound = Math.max(bound, total / cap);
  });
  return bound;
}

function isOptimal(inst: Instance, c: Candidate, lb: LowerBound): boolean {
  if (!c.survives || inst.unplaced.length > 0) return false;
  const bins = c.packing.bins;
  const hostsOk = inst.problem.hostCount !== undefined || bins.length <= lb.hosts;
  switch (inst.problem.objective) {
    case 'min-cost':
      return bins.reduce((s, b) => s + b.model.cost, 0) <= lb.cost + 1e-9;
    case 'balance':
      return hostsOk && inst.models.length === 1 && peakUtil(bins) <= balanceBound(inst, c.packing) + 1e-9;
    default:
      return hostsOk;
  }
}

export async function solvePlacement(problem: PlacementProblem, opts: SolveOptions = {}): Promise<PlacementResult> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => {});
  const inst = buildInstance(problem);
  const lb = instanceLowerBound(inst);
  let best: Candidate | null = null;
  for (const model of inst.models) {
    const c = solveModel(inst, model, lb, progress);
    if (!best || compare(inst, c, best) < 0) best = c;
  }
  const packing = best?.packing ?? { bins: [], failed: inst.items.map((_, i) => i) };
  const notes: string[] = [];
  const note = failureNote(packing.bins.length, inst.k);
  if (note) notes.push(note);
  if (best && !best.survives && best.packing.failed.length === 0 && inst.k > 0) notes.push(`N+${inst.k} is not satisfied with ${packing.bins.length} hosts`);
  const lbValue = problem.objective === 'min-cost' ? lb.cost : lb.hosts;
  notes.push(`lower bound ${lbValue} ${problem.objective === 'min-cost' ? 'cost' : 'hosts'} (binding: ${lb.bindingResource})`);
  return toResult(inst, packing, {
    method: best ? `heuristic:${best.mode}` : 'none',
    lowerBound: lbValue,
    optimal: best ? isOptimal(inst, best, lb) : false,
    bindingResource: lb.bindingResource,
    seconds: (performance.now() - started) / 1000,
    seed: problem.seed ?? 1,
    notes,
  });
}
