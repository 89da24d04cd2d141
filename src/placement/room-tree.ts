// A tree of room over hosts in some order, the search both the failure simulation's fit index
// and the construction's first fit run: node × resource holds the most room (capacity +
// tolerance − load) of the hosts below the node, leaves from `leaves` on, node 1 the root.
import { TOLERANCE } from '../util/tolerance.ts';

export interface RoomTree {
  room: Float64Array;
  dims: number;
  /** Leaves (a power of two). */
  leaves: number;
  /** Leaves that hold a host (the first `hosts`). */
  hosts: number;
}

/** A host's room on resource `r`: what `fits` allows, load + demand ≤ capacity + tolerance. */
export function roomOf(cap: number, load: number): number {
  return cap + TOLERANCE * Math.max(1, Math.abs(cap)) - load;
}

/** Sets every inner node from its children, from node `below - 1` down to the root. */
export function fillNodes(room: Float64Array, dims: number, below: number): void {
  for (let n = below - 1; n >= 1; n--)
    for (let r = 0; r < dims; r++)
      room[n * dims + r] = Math.max(room[2 * n * dims + r]!, room[(2 * n + 1) * dims + r]!);
}

/**
 * The first leaf at or after `from` that may take `demand` (never skips one that can; the
 * caller still tests the host), or -1. Subtrees short of room on some resource are skipped.
 */
export function firstWithRoom(t: RoomTree, from: number, demand: readonly number[]): number {
  return descend(t, 1, 0, t.leaves, from, demand);
}

function descend(t: RoomTree, node: number, lo: number, hi: number, from: number, demand: readonly number[]): number {
  if (hi <= from || lo >= t.hosts || !mayTake(t, node, demand)) return -1;
  if (hi - lo === 1) return lo;
  const mid = (lo + hi) >>> 1;
  const left = descend(t, 2 * node, lo, mid, from, demand);
  return left >= 0 ? left : descend(t, 2 * node + 1, mid, hi, from, demand);
}

/** False only when no host below `node` has room for `demand` on some resource (with a margin for rounding). */
function mayTake(t: RoomTree, node: number, demand: readonly number[]): boolean {
  const o = node * t.dims;
  for (let r = 0; r < t.dims; r++) {
    const d = demand[r]!;
    if (t.room[o + r]! + TOLERANCE * Math.max(1, Math.abs(d)) < d) return false;
  }
  return true;
}
