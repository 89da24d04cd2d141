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
  const dims = t.dims;
  // Per resource the demand and its margin for rounding, worked out once per call.
  if (NEED.length < 2 * dims) NEED = new Float64Array(2 * dims);
  const need = NEED;
  for (let r = 0; r < dims; r++) {
    const d = demand[r]!;
    need[2 * r] = d;
    need[2 * r + 1] = TOLERANCE * Math.max(1, Math.abs(d));
  }
  // Depth first, left to right, without recursion: [lo, lo + size) is the node's range.
  let node = 1;
  let lo = 0;
  let size = t.leaves;
  for (;;) {
    if (lo >= t.hosts) return -1; // every subtree from here on lies further right
    if (lo + size > from && mayTake(t.room, node * dims, need, dims)) {
      if (size === 1) return lo;
      node *= 2;
      size /= 2;
      continue;
    }
    // The next subtree to the right: up past the right children, then the left child's sibling.
    while (node & 1) {
      if (node === 1) return -1;
      node >>= 1;
      lo -= size;
      size *= 2;
    }
    node += 1;
    lo += size;
  }
}

/** Scratch for `firstWithRoom`'s demands and margins (a call per VM placed: no array each). */
let NEED = new Float64Array(128);

/**
 * False only when no host below the node (room cells from `o`) has room for the demand on some
 * resource, with a margin for rounding (`need`: demand, margin per resource).
 */
function mayTake(room: Float64Array, o: number, need: Float64Array, dims: number): boolean {
  for (let r = 0; r < dims; r++) if (room[o + r]! + need[2 * r + 1]! < need[2 * r]!) return false;
  return true;
}
