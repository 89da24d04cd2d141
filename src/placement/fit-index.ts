// The survivors of a failure scenario as a best-fit search needs them (method §6.4): hosts
// sorted by their normal-operation slack, least first, and over that order a tree of the most
// room any host below a node has on each resource. "The least-slack host from here on that
// has room for this VM" then skips whole runs of packed hosts — on a placement at the lower
// bound most hosts have summed slack enough for a VM but lack one resource — instead of
// trying each. Built once per placement and shared by all its scenarios, which only read it.
import { slack } from './vector.ts';
import { fillNodes, firstWithRoom, roomOf, type RoomTree } from './room-tree.ts';

/** Above this many tree cells (hosts × resources) the tree is not built and the scan is linear. */
const MAX_TREE_CELLS = 4_000_000;

export interface FitHost {
  load: readonly number[];
  /** Capacity under the failover ceiling. */
  failCap: readonly number[];
}

export class FitIndex {
  /** Host indexes by slack ascending (ties → index). */
  readonly host: Int32Array;
  /** `slack[p]` is the slack of `host[p]`. */
  readonly slack: Float64Array;
  /** The tree of room (room-tree.ts); 0 leaves when there is none. */
  private readonly tree: RoomTree;

  constructor(hosts: readonly FitHost[], refCap: readonly number[]) {
    const of = Float64Array.from(hosts, (h) => slack(h.load, h.failCap, refCap));
    this.host = Int32Array.from(hosts, (_, i) => i).sort((a, b) => of[a]! - of[b]! || a - b);
    this.slack = Float64Array.from(this.host, (h) => of[h]!);
    const dims = hosts[0]?.load.length ?? 0;
    let leaves = 1;
    while (leaves < hosts.length) leaves *= 2;
    if (hosts.length < 2 || 2 * leaves * dims > MAX_TREE_CELLS) leaves = 0;
    const room = new Float64Array(2 * leaves * dims).fill(-Infinity);
    for (let p = 0; p < (leaves > 0 ? hosts.length : 0); p++) {
      const h = hosts[this.host[p]!]!;
      for (let r = 0; r < dims; r++) room[(leaves + p) * dims + r] = roomOf(h.failCap[r]!, h.load[r]!);
    }
    fillNodes(room, dims, leaves);
    this.tree = { room, dims, leaves, hosts: hosts.length };
  }

  /** The first position whose slack is at least `x`. */
  firstAtLeast(x: number): number {
    let lo = 0;
    let hi = this.slack.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.slack[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first position at or after `from` whose host may have room for `demand` in normal
   * operation (never skips one that has; the caller still tests the host), or -1.
   */
  nextCandidate(from: number, demand: readonly number[]): number {
    if (from >= this.host.length) return -1;
    if (this.tree.leaves === 0) return from;
    return firstWithRoom(this.tree, from, demand);
  }
}
