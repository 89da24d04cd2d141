// What the verifier's rules and the written result read of a placement, worked out once from
// the problem and the result alone (never from the optimiser's own structures): the VMs by
// name, each host's VMs as indexes into the problem, and the demand matrix. Flat typed arrays
// instead of a map per rule and an object per VM: a million VMs cost one map of their names
// (docs/method.md §6.5), and the rules still read like the plain loops they were.
import { validatedNameIndex, type PlacementProblem, type PlacementVm } from '../domain/problem.ts';
import type { PlacementResult } from './types.ts';

export interface PlacementIndex {
  /** VM name → index in `problem.vms` (a repeated name: the last, as a map of the names keeps it). */
  byName: ReadonlyMap<string, number>;
  /** Every host's VMs in host order, as problem indexes (-1: a name the problem does not have). */
  placed: Int32Array;
  /** Host h's VMs are `placed[hostStart[h]]` … `placed[hostStart[h + 1] - 1]`. */
  hostStart: Int32Array;
  /** Per VM: the index of the last host that lists it, -1 when none does. */
  hostOf: Int32Array;
  /** VM × resource, row-major: `demand[r]` of each VM, 0 where it has none. */
  demand: Float64Array;
  /** True when no two VMs share a name: VM i is then `byName`'s entry for its own name. */
  uniqueNames: boolean;
}

export function placementIndex(problem: PlacementProblem, result: Pick<PlacementResult, 'hosts'>): PlacementIndex {
  const vms = problem.vms;
  const res = problem.resources;
  const R = res.length;
  // A validated problem.json's names are mapped already (distinct, so the last index is the only one).
  const known = validatedNameIndex(vms);
  const byName = known ?? new Map<string, number>();
  const demand = new Float64Array(vms.length * R);
  for (let i = 0; i < vms.length; i++) {
    const v = vms[i]!;
    if (!known) (byName as Map<string, number>).set(v.name, i);
    for (let j = 0; j < R; j++) demand[i * R + j] = v.demand[res[j]!] ?? 0;
  }
  let total = 0;
  for (const h of result.hosts) total += h.vms.length;
  const placed = new Int32Array(total);
  const hostStart = new Int32Array(result.hosts.length + 1);
  const hostOf = new Int32Array(vms.length).fill(-1);
  let p = 0;
  result.hosts.forEach((h, hi) => {
    hostStart[hi] = p;
    for (const name of h.vms) {
      const i = byName.get(name) ?? -1;
      placed[p++] = i;
      if (i >= 0) hostOf[i] = hi;
    }
  });
  hostStart[result.hosts.length] = p;
  return { byName, placed, hostStart, hostOf, demand, uniqueNames: byName.size === vms.length };
}

/** The index `byName` keeps for VM i's name: i itself unless a later VM repeats the name. */
export function ownIndex(ix: PlacementIndex, problem: PlacementProblem, i: number): number {
  return ix.uniqueNames ? i : ix.byName.get(problem.vms[i]!.name)!;
}

/** The problem's VM at a `placed` entry, undefined for a name the problem does not have. */
export function vmAt(problem: PlacementProblem, i: number): PlacementVm | undefined {
  return i >= 0 ? problem.vms[i] : undefined;
}
