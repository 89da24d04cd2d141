// The placement driver (Karpenter's Solve(): returns results, side effects come after):
// heuristic per host model, the best for the objective, then exact mode on small inputs
// to improve or prove it. Same problem and seed give the same placement.
import type { Instance, ModelSpec } from './instance.ts';
import { buildInstance } from './instance.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult } from './types.ts';
import type { Packing } from './heuristic/construct.ts';
import { evaluate, solveMixed, solveModel, type Candidate } from './heuristic/search.ts';
import { failureNote } from './failover.ts';
import { note, notesOf, type Note } from './note.ts';
import { instanceLowerBound, type LowerBound } from './lower-bound.ts';
import { peakUtil, toResult } from './result.ts';
import { fmt as fmtNum } from './vector.ts';
import { packsInto } from './ilp/search-tree.ts';
import { arcFlowApplies, balanceExactly, exactApplies, improveArcFlow, improveExactly } from './ilp/exact.ts';
import { TOLERANCE } from '../util/tolerance.ts';
import { Deadline } from './deadline.ts';
import { hasHostGroups, solveWithHostGroups } from './host-groups.ts';

export interface SolveOptions {
  onProgress?: (msg: string) => void;
  /** The run's deadline when the caller has one (the pipeline's host search); else the
   * problem's timeLimitSeconds from now. */
  deadline?: Deadline;
  /** False: the seeded heuristics and the lower bound only, no exact mode. Their iteration
   * budgets make the result independent of the clock whenever the work fits (the clock then
   * only stops very large inputs, which say so); a MILP stopped by the clock is not. */
  exact?: boolean;
}

const costOf = (p: Packing) => p.bins.reduce((s, b) => s + b.model.cost, 0);

/** Lexicographic comparison of two candidates for the objective: negative when a is better. */
function compare(inst: Instance, a: Candidate, b: Candidate): number {
  const failed = a.packing.failed.length - b.packing.failed.length;
  if (failed !== 0) return failed;
  if (a.survives !== b.survives) return a.survives ? -1 : 1;
  const hosts = a.packing.bins.length - b.packing.bins.length;
  const cost = costOf(a.packing) - costOf(b.packing);
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

interface Proof {
  count: boolean;
  balance: boolean;
}

/** Exact mode: better plans or proofs from the MILP (count/cost, then balance). */
async function exactPhase(
  inst: Instance,
  best: Candidate,
  deadline: Deadline,
): Promise<{ best: Candidate; proof: Proof }> {
  const proof: Proof = { count: false, balance: false };
  const p = inst.problem;
  if (!best.survives) return { best, proof };
  // Too little time left to build and solve a model: keep the heuristic's plan.
  if (deadline.remainingMs() < 500) {
    deadline.stop('exact mode');
    return { best, proof };
  }
  const objective = p.objective === 'min-cost' ? 'cost' : 'hosts';
  const models = familyModels(inst, best);
  const arcFlow = arcFlowApplies(inst, models);
  if (!arcFlow && !exactApplies(inst, best.packing.bins.length + 1)) return { best, proof };
  const hostsNow = best.packing.bins.length;
  // A fixed count needs no proof, unless the models' prices still differ (min-cost).
  if (p.hostCount !== undefined) proof.count = objective === 'hosts' || models.length === 1;
  else if (inst.k === 0) {
    const value = objective === 'cost' ? costOf(best.packing) : hostsNow;
    if (objective === 'hosts' && !arcFlow && treeProves(inst, models, hostsNow, deadline))
      return balancePhase(inst, best, { count: true, balance: false }, deadline);
    const out = arcFlow
      ? await improveArcFlow(inst, models[0]!, models[0]!.cap[0]!, hostsNow, deadline)
      : await improveExactly(
          inst,
          models,
          value,
          hostsNow + (objective === 'cost' ? inst.items.length : 0),
          objective,
          deadline,
        );
    if (out.bins) best = evaluate(inst, { bins: out.bins, failed: [] }, 'milp');
    proof.count = out.proved;
  } else if (objective === 'hosts') {
    // N+k: the survivors of any k failures hold everything under the failover ceiling, so
    // hosts ≥ k + (optimal packing at failCap). No such packing in hosts − k − 1 proves it.
    const need = hostsNow - inst.k;
    const out = arcFlow
      ? await improveArcFlow(inst, models[0]!, models[0]!.failCap[0]!, need, deadline)
      : await improveExactly(
          inst,
          models.map((m) => ({ ...m, cap: m.failCap })),
          need,
          need,
          'hosts',
          deadline,
        );
    proof.count = out.proved && out.bins === null;
  }
  return balancePhase(inst, best, proof, deadline);
}

/** Balance with the host count settled: the MILP that minimises the peak utilisation. */
async function balancePhase(
  inst: Instance,
  best: Candidate,
  proof: Proof,
  deadline: Deadline,
): Promise<{ best: Candidate; proof: Proof }> {
  if (inst.problem.objective !== 'balance' || !proof.count || inst.models.length !== 1) return { best, proof };
  if (peakUtil(best.packing.bins) <= balanceBound(inst, best.packing) + TOLERANCE)
    return { best, proof: { ...proof, balance: true } };
  if (!exactApplies(inst, best.packing.bins.length)) return { best, proof };
  const bal = await balanceExactly(
    inst,
    best.packing.bins.map((b) => b.model),
    deadline,
  );
  if (!bal) return { best, proof };
  const c = evaluate(inst, { bins: bal.bins, failed: [] }, 'milp');
  if (c.survives && bal.peak < peakUtil(best.packing.bins) - TOLERANCE) best = c;
  return { best, proof: { ...proof, balance: peakUtil(best.packing.bins) <= bal.peak + TOLERANCE } };
}

/** Small single-model inputs: the search tree shows that `hosts` − 1 hosts cannot work. */
function treeProves(inst: Instance, models: readonly ModelSpec[], hosts: number, deadline: Deadline): boolean {
  if (models.length !== 1 || inst.items.length > 40 || inst.items.some((it) => it.pin !== null)) return false;
  return packsInto(inst, models[0]!, hosts - 1, 1_000_000, deadline).status === 'infeasible';
}

/** The models exact mode may mix: all, or (one family per cluster) the chosen one's family. */
function familyModels(inst: Instance, best: Candidate): ModelSpec[] {
  if (!inst.problem.singleFamily) return inst.models;
  const family = best.packing.bins[0]?.model.family;
  return inst.models.filter((m) => m.family === family);
}

/** Model sets a mixed cluster may draw from: all models, or each CPU family with 2+ models. */
function mixGroups(inst: Instance): ModelSpec[][] {
  // The mixed search chooses its own host count; a fixed count uses one model at a time.
  if (inst.models.length < 2 || inst.problem.hostCount !== undefined) return [];
  if (!inst.problem.singleFamily) return [inst.models];
  const families = [...new Set(inst.models.map((m) => m.family))];
  return families.map((f) => inst.models.filter((m) => m.family === f)).filter((g) => g.length > 1);
}

function isOptimal(inst: Instance, c: Candidate, lb: LowerBound, proof: Proof): boolean {
  if (!c.survives || inst.unplaced.length > 0) return false;
  const bins = c.packing.bins;
  const countOk =
    proof.count ||
    (inst.problem.objective === 'min-cost' ? costOf(c.packing) <= lb.cost + TOLERANCE : bins.length <= lb.hosts);
  if (inst.problem.objective !== 'balance') return countOk;
  const singleFamily = inst.models.length === 1 || inst.problem.singleFamily === true;
  return countOk && singleFamily && (proof.balance || peakUtil(bins) <= balanceBound(inst, c.packing) + TOLERANCE);
}

/** Solves a placement problem; host groups (host-groups.ts) solve their parts with the same driver. */
export async function solvePlacement(problem: PlacementProblem, opts: SolveOptions = {}): Promise<PlacementResult> {
  if (hasHostGroups(problem)) {
    // One clock for every part: the parts are solved one after another within the run's limit.
    const deadline = opts.deadline ?? Deadline.after(problem.timeLimitSeconds);
    return solveWithHostGroups(problem, (part) => solveOne(part, { ...opts, deadline }));
  }
  return solveOne(problem, opts);
}

/** "lower bound 2 hosts (binding: vcpu) — gap 0 (0.0 %)": how far the plan may be from the best. */
function lowerBoundNote(problem: PlacementProblem, lb: LowerBound, packing: Packing): Note {
  const minCost = problem.objective === 'min-cost';
  const bound = minCost ? lb.cost : lb.hosts;
  const value = minCost ? costOf(packing) : packing.bins.length;
  const params = {
    bound: Number(fmtNum(bound)),
    unit: minCost ? 'cost' : 'hosts',
    binding: lb.bindingResource,
    gap: bound > 0 ? Number(fmtNum(value - bound)) : null,
    gapPct: bound > 0 ? ((100 * (value - bound)) / bound).toFixed(1) : null,
  };
  return note('lower-bound', params, (p) => {
    const gap = p.gap === null ? '' : ` — gap ${p.gap} (${p.gapPct} %)`;
    return `lower bound ${p.bound} ${p.unit} (binding: ${p.binding})${gap}`;
  });
}

async function solveOne(problem: PlacementProblem, opts: SolveOptions): Promise<PlacementResult> {
  const started = performance.now();
  const deadline = (opts.deadline ?? Deadline.after(problem.timeLimitSeconds)).run();
  const progress = opts.onProgress ?? (() => {});
  const inst = buildInstance(problem);
  const lb = instanceLowerBound(inst);
  let best: Candidate | null = null;
  // A model with fewer hosts than the lower bound cannot hold the workload alone.
  const need = problem.hostCount ?? lb.hosts;
  const alone = inst.models.filter(
    (m) => m.maxCount >= need || (inst.models.length === 1 && problem.hostCount === undefined),
  );
  // Past the deadline, one candidate is enough: the rest of the catalog is not tried.
  const more = () => !best || deadline.allows('host models');
  for (const model of alone) {
    if (!more()) break;
    const c = solveModel(inst, model, lb, deadline, progress);
    if (!best || compare(inst, c, best) < 0) best = c;
  }
  for (const group of mixGroups(inst)) {
    if (!more()) break;
    const c = solveMixed(inst, group, lb, deadline, progress);
    if (!best || compare(inst, c, best) < 0) best = c;
  }
  let proof: Proof = { count: false, balance: false };
  // At the lower bound already, the MILP has nothing to find or prove (balance still may).
  const atBound = best !== null && problem.objective !== 'balance' && isOptimal(inst, best, lb, proof);
  if (best && !atBound && opts.exact !== false) ({ best, proof } = await exactPhase(inst, best, deadline));
  const packing = best?.packing ?? { bins: [], failed: inst.items.map((_, i) => i) };
  const notes: Note[] = [];
  if (!best && problem.hostCount !== undefined)
    notes.push(
      note(
        'host-count-unavailable',
        { hosts: problem.hostCount },
        (p) => `no host model has ${p.hosts} hosts available`,
      ),
    );
  const stopped = deadline.stoppedPhases();
  if (stopped.length > 0)
    notes.push(
      note(
        'time-limit',
        { phases: [...stopped] },
        (p) => `stopped at the time limit (${p.phases.join(', ')}): the best plan found so far`,
      ),
    );
  const failure = failureNote(packing.bins.length, inst.k);
  if (failure) notes.push(failure);
  if (best && !best.survives && best.packing.failed.length === 0 && inst.k > 0)
    notes.push(
      note(
        'redundancy-unsatisfied',
        { k: inst.k, hosts: packing.bins.length },
        (p) => `N+${p.k} is not satisfied with ${p.hosts} hosts`,
      ),
    );
  notes.push(lowerBoundNote(problem, lb, packing));
  return toResult(inst, packing, {
    method: best
      ? (best.mode === 'milp' ? 'exact:milp' : `heuristic:${best.mode}`) + (proof.count ? '+proof' : '')
      : 'none',
    lowerBound: problem.objective === 'min-cost' ? lb.cost : lb.hosts,
    optimal: best ? isOptimal(inst, best, lb, proof) : false,
    bindingResource: lb.bindingResource,
    seconds: (performance.now() - started) / 1000,
    seed: problem.seed ?? 1,
    ...notesOf(notes),
  });
}
