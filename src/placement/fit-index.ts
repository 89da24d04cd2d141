// The survivors of a failure scenario as a best-fit search needs them (method §6.4): hosts
// sorted by their normal-operation slack, least first, and over that order a tree of the most
// room any host below a node has on each resource. "The least-slack host from here on that
// has room for this VM" then skips whole runs of packed hosts — on a placement at the lower
// bound most hosts have summed slack enough for a VM but lack one resource — instead of
// trying each. Built once per placement and shared by all its scenarios, which only read it.
import { TOLERANCE } from '../util/tolerance.ts';
import { slack } from './vector.ts';

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
  private readonly dims: number;
  /** Leaves of the tree (a power of two ≥ hosts), 0 when there is no tree. */
  private readonly leaves: number;
  /** Node × resource: the most room (capacity + tolerance − load) of the hosts below the node. */
  private readonly room: Float64Array;

  constructor(hosts: readonly FitHost[], refCap: readonly number[]) {
    const of = Float64Array.from(hosts, (h) => slack(h.load, h.failCap, refCap));
    this.host = Int32Array.from(hosts, (_, i) => i).sort((a, b) => of[a]! - of[b]! || a - b);
    this.slack = Float64Array.from(this.host, (h) => of[h]!);
    this.dims = hosts[0]?.load.length ?? 0;
    let leaves = 1;
    while (leaves < hosts.length) leaves *= 2;
    if (hosts.length < 2 || 2 * leaves * this.dims > MAX_TREE_CELLS) leaves = 0;
    this.leaves = leaves;
    const R = this.dims;
    this.room = new Float64Array(2 * leaves * R).fill(-Infinity);
    for (let p = 0; p < (leaves > 0 ? hosts.length : 0); p++) {
      const h = hosts[this.host[p]!]!;
      for (let r = 0; r < R; r++) {
        const cap = h.failCap[r]!;
        // What `fits` allows: load + demand ≤ capacity + tolerance.
        this.room[(leaves + p) * R + r] = cap + TOLERANCE * Math.max(1, Math.abs(cap)) - h.load[r]!;
      }
    }
    for (let n = leaves - 1; n >= 1; n--)
      for (let r = 0; r < R; r++)
        this.room[n * R + r] = Math.max(this.room[2 * n * R + r]!, this.room[(2 * n + 1) * R + r]!);
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
    if (this.leaves === 0) return from;
    return this.descend(1, 0, this.leaves, from, demand);
  }

  private descend(node: number, lo: number, hi: number, from: number, demand: readonly number[]): number {
    if (hi <= from || !this.mayTake(node, demand)) return -1;
    if (hi - lo === 1) return lo < this.host.length ? lo : -1;
    const mid = (lo + hi) >>> 1;
    const left = this.descend(2 * node, lo, mid, from, demand);
    return left >= 0 ? left : this.descend(2 * node + 1, mid, hi, from, demand);
  }

  /** False only when no host below `node` has room for `demand` on some resource (with a margin for rounding). */
  private mayTake(node: number, demand: readonly number[]): boolean {
    const o = node * this.dims;
    for (let r = 0; r < this.dims; r++) {
      const d = demand[r]!;
      if (this.room[o + r]! + TOLERANCE * Math.max(1, Math.abs(d)) < d) return false;
    }
    return true;
  }
}
