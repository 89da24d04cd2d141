// First fit in logarithmic time (Johnson's tournament tree for FFD, generalised to vectors):
// a tree over the hosts in their order holding, per node and resource, the most room any host
// below it has left. "The first host from here that may take this VM" descends the tree and
// skips every subtree lacking room on some resource, so first fit decreasing over thousands
// of hosts stays near-linear however few VM shapes repeat — and it picks exactly the host a
// linear first fit picks, since the tree only rules out hosts that cannot take the VM.
import { TOLERANCE } from '../../util/tolerance.ts';

/** Above this many tree cells (hosts × resources) the tree is dropped and the scan is linear. */
const MAX_TREE_CELLS = 4_000_000;

export class FirstFitTree {
  private leaves = 0;
  /** Node × resource: the most room (capacity + tolerance − load) of the hosts below the node. */
  private room = new Float64Array(0);
  private hosts = 0;
  private linear = false;

  /** `maxCells`: above this many tree cells the tree gives way to a linear scan. */
  constructor(
    private readonly dims: number,
    private readonly maxCells = MAX_TREE_CELLS,
  ) {}

  /** Records host `i`'s room (hosts are added in order: `i` is at most the count so far). */
  update(i: number, load: readonly number[], cap: readonly number[]): void {
    this.hosts = Math.max(this.hosts, i + 1);
    if (this.linear || (i >= this.leaves && !this.grow(i + 1))) return;
    const R = this.dims;
    let n = this.leaves + i;
    for (let r = 0; r < R; r++) {
      const c = cap[r]!;
      // What `fits` allows: load + demand ≤ capacity + tolerance.
      this.room[n * R + r] = c + TOLERANCE * Math.max(1, Math.abs(c)) - load[r]!;
    }
    for (n >>= 1; n >= 1; n >>= 1)
      for (let r = 0; r < R; r++)
        this.room[n * R + r] = Math.max(this.room[2 * n * R + r]!, this.room[(2 * n + 1) * R + r]!);
  }

  /**
   * The first host at or after `from` that may take `demand` (never skips one that can; the
   * caller still tests it, e.g. for anti-affinity), or -1 when none may.
   */
  first(from: number, demand: readonly number[]): number {
    if (from >= this.hosts) return -1;
    if (this.linear) return from;
    return this.descend(1, 0, this.leaves, from, demand);
  }

  private descend(node: number, lo: number, hi: number, from: number, demand: readonly number[]): number {
    if (hi <= from || lo >= this.hosts || !this.mayTake(node, demand)) return -1;
    if (hi - lo === 1) return lo;
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

  /** Doubles the leaves until `count` hosts fit, keeping the rooms; false: too large, linear from now on. */
  private grow(count: number): boolean {
    let leaves = Math.max(1, this.leaves);
    while (leaves < count) leaves *= 2;
    const R = this.dims;
    if (2 * leaves * R > this.maxCells) {
      this.linear = true;
      return false;
    }
    const room = new Float64Array(2 * leaves * R).fill(-Infinity);
    // The rooms recorded so far (the host being added is not one of them yet).
    const known = Math.min(this.hosts, this.leaves);
    room.set(this.room.subarray(this.leaves * R, (this.leaves + known) * R), leaves * R);
    for (let n = leaves - 1; n >= 1; n--)
      for (let r = 0; r < R; r++) room[n * R + r] = Math.max(room[2 * n * R + r]!, room[(2 * n + 1) * R + r]!);
    this.room = room;
    this.leaves = leaves;
    return true;
  }
}
