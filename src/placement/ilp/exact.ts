// Exact mode (docs/placement.md): the assignment MILP bounded by the heuristic. The heuristic's
// value minus one step is the cutoff, so GLPK either finds a better plan or proves that
// none exists ("infeasible" = the heuristic is optimal). Only `optimal` proves anything.
import type { Instance, ModelSpec } from '../instance.ts';
import { newBin, put, type Bin } from '../heuristic/construct.ts';
import { assignmentModel, decodeAssignment, xName } from './model.ts';
import { solveMip, type LP } from './glpk.ts';
import { arcFlowGraph, arcFlowLp, decodeArcFlow } from './arc-flow.ts';
import type { Deadline } from '../deadline.ts';

/** Arc-flow applies to one resource, one model, integer sizes, no anti-affinity or pins. */
export function arcFlowApplies(inst: Instance, models: readonly ModelSpec[]): boolean {
  return (
    inst.resources.length === 1 &&
    models.length === 1 &&
    inst.items.length > 0 &&
    inst.items.every((it) => it.anti.length === 0 && it.pin === null)
  );
}

/** Is there a packing into fewer than `hosts` hosts of `model` (capacity `cap`)? Arc-flow MILP. */
export async function improveArcFlow(
  inst: Instance,
  model: ModelSpec,
  cap: number,
  hosts: number,
  deadline: Deadline,
): Promise<ExactOutcome> {
  const g = arcFlowGraph(inst, cap, 150_000, deadline);
  if (!g || deadline.passed()) return { bins: null, proved: false };
  // Building the model alone takes ≈ 16 µs per arc on a loaded 2-core machine (79,000 arcs:
  // 1.3 s, past a 10 s limit when 0.6 s were left), and a MILP that large needs seconds:
  // with less than 1 ms per 10 arcs left, keep the heuristic's plan.
  if (deadline.remainingMs() < g.arcs.length / 10) {
    deadline.stop('arc-flow MILP');
    return { bins: null, proved: false };
  }
  const out = await solveMip(arcFlowLp(g, hosts - 1), deadline, 'arc-flow MILP');
  if (out.status === 'infeasible') return { bins: null, proved: true };
  if (out.status !== 'optimal' && out.status !== 'feasible') return { bins: null, proved: false };
  const bins = decodeArcFlow(g, out.values).map((items) => {
    const bin = newBin(model, inst.resources.length);
    for (const i of items) put(inst, bin, i);
    return bin;
  });
  return { bins, proved: out.status === 'optimal' };
}

/** Small enough for the assignment model to prove optimality within seconds. */
export function exactApplies(inst: Instance, hosts: number): boolean {
  if (inst.items.some((it) => it.pin !== null) || inst.items.length === 0) return false;
  return inst.items.length <= 60 && inst.items.length * hosts <= 6000;
}

export interface ExactOutcome {
  /** A strictly better packing, when GLPK found one. */
  bins: Bin[] | null;
  /** True when the returned packing (or the heuristic's, if bins is null) is proved optimal. */
  proved: boolean;
}

/** Candidate hosts: for each model, as many copies as could be needed, copies adjacent. */
function candidateHosts(models: readonly ModelSpec[], upTo: number): ModelSpec[] {
  return models.flatMap((m) =>
    new Array<ModelSpec>(Math.min(upTo, Number.isFinite(m.maxCount) ? m.maxCount : upTo)).fill(m),
  );
}

function cutoffFor(value: number, objective: 'hosts' | 'cost', models: readonly ModelSpec[]): number {
  if (objective === 'hosts' || models.every((m) => Number.isInteger(m.cost))) return value - 1;
  return value - 1e-6 * Math.max(1, value);
}

/** Is there a packing better than `value` (hosts or cost) on these models? */
export async function improveExactly(
  inst: Instance,
  models: readonly ModelSpec[],
  value: number,
  upTo: number,
  objective: 'hosts' | 'cost',
  deadline: Deadline,
): Promise<ExactOutcome> {
  const hosts = candidateHosts(models, upTo);
  const model = assignmentModel(inst, hosts, objective, cutoffFor(value, objective, models));
  const out = await solveMip(model.lp, deadline, 'assignment MILP');
  if (out.status === 'infeasible') return { bins: null, proved: true };
  if (out.status !== 'optimal' && out.status !== 'feasible') return { bins: null, proved: false };
  const bins = decodeAssignment(inst, model, out.values).map(({ model: m, items }) => {
    const bin = newBin(m, inst.resources.length);
    for (const i of items) put(inst, bin, i);
    return bin;
  });
  return { bins, proved: out.status === 'optimal' };
}

/**
 * Balance with the host list fixed: minimise z, the highest load / ceiling over hosts and
 * resources (Σ demand · x ≤ z · cap). Returns null unless GLPK proves the optimum.
 */
export async function balanceExactly(
  inst: Instance,
  hosts: ModelSpec[],
  deadline: Deadline,
): Promise<{ bins: Bin[]; peak: number } | null> {
  const base = assignmentModel(inst, hosts, 'hosts', hosts.length).lp;
  const rows = base.subjectTo
    .filter((r) => !r.name.startsWith('link_') && !r.name.startsWith('sym_') && r.name !== 'cutoff')
    .map((r) =>
      r.name.startsWith('cap_')
        ? { ...r, vars: r.vars.map((v) => (v.name.startsWith('y_') ? { name: 'z', coef: v.coef } : v)) }
        : r,
    );
  const lp: LP = {
    name: 'balance',
    objective: { direction: 1, name: 'peak', vars: [{ name: 'z', coef: 1 }] },
    subjectTo: rows,
    binaries: base.binaries!.filter((b) => b.startsWith('x_')),
  };
  const out = await solveMip(lp, deadline, 'balance MILP');
  if (out.status !== 'optimal') return null;
  const bins = hosts.map((m, j) => {
    const bin = newBin(m, inst.resources.length);
    inst.items.forEach((_, i) => {
      if ((out.values[xName(i, j)] ?? 0) > 0.5) put(inst, bin, i);
    });
    return bin;
  });
  return { bins, peak: out.objective };
}
