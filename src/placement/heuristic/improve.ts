// Local search that empties hosts (docs/placement.md, "How it searches"): repeatedly close
// one host, pour its items into the others and let the tabu repair remove the overload. A success saves a host (or
// its cost); a failure restores the previous packing. Budgets are iteration counts, so the
// same seed gives the same result; the deadline only guards very large inputs.
import type { Instance, ModelSpec } from '../instance.ts';
import { newBin, put, type Bin, type Packing } from './construct.ts';
import { hostOverload, placeItem, repair, type RepairState } from './repair.ts';
import type { Rng } from '../../util/rng.ts';
import { slack } from '../vector.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';
import { maxOf } from '../../util/extent.ts';

export interface ImproveOptions {
  rng: Rng;
  /** After it the search stops. */
  deadline: Deadline;
  /** Tabu iterations per attempt to close a host. */
  iterations: number;
  /** Consecutive failed attempts before giving up. */
  maxFailures: number;
  /** Stop when this many hosts (or this cost) is reached: the lower bound. */
  target: { hosts: number; cost: number };
  objective: 'hosts' | 'cost';
  /** Mixed catalogs: models a host may be swapped to (each within its maxCount). */
  pool?: readonly ModelSpec[];
}

function toState(bins: readonly Bin[]): RepairState {
  return {
    cap: bins.map((b) => b.model.cap),
    load: bins.map((b) => b.load.slice()),
    items: bins.map((b) => b.items.slice()),
    anti: bins.map(() => new Map()),
  };
}

/** Hosts in the order they should be tried for closing: the least useful first. */
function victims(inst: Instance, bins: readonly Bin[], firstClosable: number): number[] {
  const waste = (b: Bin) =>
    b.model.cost *
    (1 -
      inst.resources.reduce((s, _, r) => s + (b.model.cap[r]! > 0 ? b.load[r]! / b.model.cap[r]! : 0), 0) /
        inst.resources.length);
  return bins
    .map((_, i) => i)
    .filter((i) => i >= firstClosable)
    .sort((a, b) => waste(bins[b]!) - waste(bins[a]!) || b - a);
}

/** Pours one item into the host that gains the least overload (then the least slack), never
 * beside a member of its anti-affinity group; false when every host holds one. */
function pour(inst: Instance, s: RepairState, item: number): boolean {
  let best = -1;
  let bestKey = Infinity;
  const it = inst.items[item]!;
  for (let h = 0; h < s.items.length; h++) {
    if (it.anti.some((g) => (s.anti[h]!.get(g) ?? 0) > 0)) continue;
    const load = s.load[h]!.map((x, r) => x + it.demand[r]!);
    const key = hostOverload(inst, load, s.cap[h]!) * 1e6 + slack(load, s.cap[h]!, inst.refCap);
    if (key < bestKey) [best, bestKey] = [h, key];
  }
  if (best >= 0) placeItem(inst, s, best, item);
  return best >= 0;
}

function tryClose(inst: Instance, bins: readonly Bin[], victim: number, opts: ImproveOptions): RepairState | null {
  const s = toState(bins);
  countAnti(inst, s);
  const moving = s.items[victim]!;
  for (const k of ['cap', 'load', 'items', 'anti'] as const) (s[k] as unknown[]).splice(victim, 1);
  for (const i of moving) if (!pour(inst, s, i)) return null;
  return repair(inst, s, opts.iterations, opts.rng, opts.deadline) ? s : null;
}

/**
 * Mixed catalogs: swap host `v` for an unused, cheaper model (the four most capable such
 * models are tried) and repair the overload that leaves. Returns the new bins or null.
 */
function tryCheaper(
  inst: Instance,
  bins: readonly Bin[],
  v: number,
  pool: readonly ModelSpec[],
  opts: ImproveOptions,
): Bin[] | null {
  const used = new Map<ModelSpec, number>();
  for (const b of bins) used.set(b.model, (used.get(b.model) ?? 0) + 1);
  const size = (m: ModelSpec) => m.cap.reduce((a, c, r) => a + (inst.refCap[r]! > 0 ? c / inst.refCap[r]! : 0), 0);
  const options = pool
    .filter((m) => m.cost < bins[v]!.model.cost && (used.get(m) ?? 0) < m.maxCount)
    .sort((a, b) => size(b) - size(a) || a.cost - b.cost)
    .slice(0, 4);
  for (const m of options) {
    const s = toState(bins);
    countAnti(inst, s);
    s.cap[v] = m.cap;
    if (repair(inst, s, opts.iterations, opts.rng, opts.deadline))
      return fromState(
        inst,
        s,
        bins.map((b, i) => (i === v ? m : b.model)),
      );
  }
  return null;
}

function fromState(inst: Instance, s: RepairState, models: Bin['model'][]): Bin[] {
  return s.items.map((items, h) => {
    const bin = newBin(models[h]!, inst.resources.length);
    for (const i of items) put(inst, bin, i);
    return bin;
  });
}

const costOf = (bins: readonly Bin[]) => bins.reduce((s, b) => s + b.model.cost, 0);

/** Items that found no room are poured in anyway and the overload repaired, if it can be. */
export function repairFailed(inst: Instance, packing: Packing, opts: ImproveOptions): Packing {
  if (packing.failed.length === 0 || packing.bins.length === 0) return packing;
  const s = toState(packing.bins);
  countAnti(inst, s);
  const placeable = packing.failed.filter((i) => inst.items[i]!.pin === null);
  for (const i of placeable) if (!pour(inst, s, i)) return packing;
  if (!repair(inst, s, opts.iterations * 4, opts.rng, opts.deadline)) return packing;
  const failed = packing.failed.filter((i) => inst.items[i]!.pin !== null);
  return {
    bins: fromState(
      inst,
      s,
      packing.bins.map((b) => b.model),
    ),
    failed,
  };
}

function countAnti(inst: Instance, s: RepairState): void {
  s.items.forEach((items, h) => {
    for (const i of items) for (const g of inst.items[i]!.anti) s.anti[h]!.set(g, (s.anti[h]!.get(g) ?? 0) + 1);
  });
}

/** Closes hosts while it can; returns the improved packing (the input when nothing helps). */
export function emptyHosts(inst: Instance, packing: Packing, opts: ImproveOptions): Packing {
  let bins = packing.bins;
  const firstClosable = maxOf(
    inst.items.map((it) => (it.pin ?? -1) + 1),
    0,
  );
  let failures = 0;
  let tried = new Set<number>();
  const done = () =>
    opts.objective === 'hosts' ? bins.length <= opts.target.hosts : costOf(bins) <= opts.target.cost + TOLERANCE;
  while (!done() && failures < opts.maxFailures) {
    if (opts.deadline.passed()) {
      opts.deadline.stop('host emptying');
      break;
    }
    const v = victims(inst, bins, firstClosable).find((i) => !tried.has(i));
    if (v === undefined) break;
    const s = tryClose(inst, bins, v, opts);
    const swapped = s ? null : opts.pool ? tryCheaper(inst, bins, v, opts.pool, opts) : null;
    if (s || swapped) {
      bins = s
        ? fromState(
            inst,
            s,
            bins.filter((_, i) => i !== v).map((b) => b.model),
          )
        : swapped!;
      failures = 0;
      tried = new Set();
    } else {
      failures++;
      tried.add(v);
    }
  }
  return { bins, failed: packing.failed };
}
