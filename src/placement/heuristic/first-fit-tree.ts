// First fit in logarithmic time (Johnson's tournament tree for FFD, generalised to vectors):
// a tree over the hosts in their order holding, per node and resource, the most room any host
// below it has left (room-tree.ts). "The first host from here that may take this VM" descends
// the tree and skips every subtree lacking room on some resource, so first fit decreasing over
// thousands of hosts stays near-linear however few VM shapes repeat — and it picks exactly the
// host a linear first fit picks, since the tree only rules out hosts that cannot take the VM.
import { fillNodes, firstWithRoom, roomOf, type RoomTree } from '../room-tree.ts';

/** Above this many tree cells (hosts × resources) the tree is dropped and the scan is linear. */
const MAX_TREE_CELLS = 4_000_000;

export class FirstFitTree {
  private readonly tree: RoomTree;
  private linear = false;

  /** `maxCells`: above this many tree cells the tree gives way to a linear scan. */
  constructor(
    dims: number,
    private readonly maxCells = MAX_TREE_CELLS,
  ) {
    this.tree = { room: new Float64Array(0), dims, leaves: 0, hosts: 0 };
  }

  /** Records host `i`'s room (hosts are added in order: `i` is at most the count so far). */
  update(i: number, load: readonly number[], cap: readonly number[]): void {
    const t = this.tree;
    t.hosts = Math.max(t.hosts, i + 1);
    if (this.linear || (i >= t.leaves && !this.grow(i + 1))) return;
    const R = t.dims;
    let n = t.leaves + i;
    for (let r = 0; r < R; r++) t.room[n * R + r] = roomOf(cap[r]!, load[r]!);
    for (n >>= 1; n >= 1; n >>= 1)
      for (let r = 0; r < R; r++) t.room[n * R + r] = Math.max(t.room[2 * n * R + r]!, t.room[(2 * n + 1) * R + r]!);
  }

  /**
   * The first host at or after `from` that may take `demand` (never skips one that can; the
   * caller still tests it, e.g. for anti-affinity), or -1 when none may.
   */
  first(from: number, demand: readonly number[]): number {
    if (from >= this.tree.hosts) return -1;
    return this.linear ? from : firstWithRoom(this.tree, from, demand);
  }

  /** Doubles the leaves until `count` hosts fit, keeping the rooms; false: too large, linear from now on. */
  private grow(count: number): boolean {
    const t = this.tree;
    let leaves = Math.max(1, t.leaves);
    while (leaves < count) leaves *= 2;
    const R = t.dims;
    if (2 * leaves * R > this.maxCells) {
      this.linear = true;
      return false;
    }
    const room = new Float64Array(2 * leaves * R).fill(-Infinity);
    // The rooms recorded so far (the host being added is not one of them yet).
    const known = Math.min(t.hosts - 1, t.leaves);
    room.set(t.room.subarray(t.leaves * R, (t.leaves + known) * R), leaves * R);
    fillNodes(room, R, leaves);
    t.room = room;
    t.leaves = leaves;
    return true;
  }
}
