// The assignment (Kantorovich) MILP, written in fixed sections as in OR-tools'
// bin_packing_mip.py: variables, assignment, capacity, linking, symmetry, rules, objective.
// Symmetry breaking for identical hosts (placement-notes.md): y[t] ≥ y[t+1] within a model,
// and item i only on copy t ≤ i (sort a model's hosts by their smallest item).
import type { Instance, ModelSpec } from '../instance.ts';
import type { LP } from './glpk.ts';
import { TOLERANCE } from '../../util/tolerance.ts';

// GLPK bound types (glpk.h): GLP_FX 5, GLP_UP 3, GLP_LO 2.
const FX = 5;
const UP = 3;
const LO = 2;

export interface AssignmentModel {
  lp: LP;
  /** Candidate hosts: their model, in the order decoded hosts are numbered. */
  hosts: ModelSpec[];
}

export const xName = (i: number, j: number) => `x_${i}_${j}`;
const yName = (j: number) => `y_${j}`;

type Row = LP['subjectTo'][number];

/**
 * `hosts` lists candidate hosts grouped by model (copies adjacent). `objective`: 'hosts'
 * counts hosts, 'cost' sums prices. `cutoff`: the objective must be at most this (the
 * heuristic's value minus one step), so "infeasible" proves the heuristic optimal.
 */
export function assignmentModel(
  inst: Instance,
  hosts: ModelSpec[],
  objective: 'hosts' | 'cost',
  cutoff: number,
): AssignmentModel {
  const n = inst.items.length;
  const rows: Row[] = [];
  const binaries: string[] = [];
  const copy: number[] = []; // copy index of host j within its model
  hosts.forEach((m, j) => {
    copy.push(j > 0 && hosts[j - 1] === m ? copy[j - 1]! + 1 : 0);
  });
  // Variables: x[i][j] = 1 when item i runs on host j; y[j] = 1 when host j is bought.
  const allowed = (i: number, j: number) =>
    copy[j]! <= i && inst.items[i]!.demand.every((d, r) => d <= hosts[j]!.cap[r]! * (1 + TOLERANCE));
  for (let j = 0; j < hosts.length; j++) binaries.push(yName(j));
  for (let i = 0; i < n; i++) for (let j = 0; j < hosts.length; j++) if (allowed(i, j)) binaries.push(xName(i, j));
  // Assignment: every item on exactly one host.
  for (let i = 0; i < n; i++) {
    const vars = hosts.flatMap((_, j) => (allowed(i, j) ? [{ name: xName(i, j), coef: 1 }] : []));
    rows.push({ name: `assign_${i}`, vars, bnds: { type: FX, lb: 1, ub: 1 } });
  }
  // Capacity: Σ demand · x ≤ cap · y, per host and resource.
  hosts.forEach((m, j) => {
    inst.resources.forEach((_, r) => {
      const vars = inst.items.flatMap((it, i) =>
        allowed(i, j) && it.demand[r]! > 0 ? [{ name: xName(i, j), coef: it.demand[r]! }] : [],
      );
      if (vars.length > 0)
        rows.push({
          name: `cap_${j}_${r}`,
          vars: [...vars, { name: yName(j), coef: -m.cap[r]! }],
          bnds: { type: UP, lb: 0, ub: 0 },
        });
    });
  });
  // Linking x ≤ y: the strengthening that makes the LP relaxation count hosts.
  for (let i = 0; i < n; i++)
    for (let j = 0; j < hosts.length; j++)
      if (allowed(i, j))
        rows.push({
          name: `link_${i}_${j}`,
          vars: [
            { name: xName(i, j), coef: 1 },
            { name: yName(j), coef: -1 },
          ],
          bnds: { type: UP, lb: 0, ub: 0 },
        });
  // Symmetry: copies of a model are used in order.
  for (let j = 1; j < hosts.length; j++)
    if (copy[j]! > 0)
      rows.push({
        name: `sym_${j}`,
        vars: [
          { name: yName(j - 1), coef: 1 },
          { name: yName(j), coef: -1 },
        ],
        bnds: { type: LO, lb: 0, ub: 0 },
      });
  // Anti-affinity: at most one member of a group per host.
  const groups = new Map<string, number[]>();
  inst.items.forEach((it, i) => {
    for (const g of it.anti) groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  for (const [g, members] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (let j = 0; j < hosts.length; j++) {
      const vars = members.filter((i) => allowed(i, j)).map((i) => ({ name: xName(i, j), coef: 1 }));
      if (vars.length > 1) rows.push({ name: `anti_${g}_${j}`, vars, bnds: { type: UP, lb: 0, ub: 1 } });
    }
  }
  // Objective: hosts or cost, bounded by the heuristic's value.
  const obj = hosts.map((m, j) => ({ name: yName(j), coef: objective === 'hosts' ? 1 : m.cost }));
  rows.push({ name: 'cutoff', vars: obj, bnds: { type: UP, lb: 0, ub: cutoff } });
  return {
    lp: { name: 'placement', objective: { direction: 1, name: 'obj', vars: obj }, subjectTo: rows, binaries },
    hosts,
  };
}

/** Items per used host, in candidate order, from a MILP solution. */
export function decodeAssignment(
  inst: Instance,
  model: AssignmentModel,
  values: Record<string, number>,
): { model: ModelSpec; items: number[] }[] {
  const out: { model: ModelSpec; items: number[] }[] = [];
  model.hosts.forEach((m, j) => {
    const items = inst.items.flatMap((_, i) => ((values[xName(i, j)] ?? 0) > 0.5 ? [i] : []));
    if (items.length > 0) out.push({ model: m, items });
  });
  return out;
}
