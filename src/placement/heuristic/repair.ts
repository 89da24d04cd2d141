// Overload repair by tabu search: given hosts and items some of which overflow (the items
// of a host being closed), move and swap items until no host exceeds its ceiling. This is
// the "fix the bin count, minimise infeasibility" scheme of Fleszar & Hindi (C&OR 2002)
// and Buljubašić & Vasquez's consistent neighbourhood search (C&OR 2016), simplified:
// moves (item → host) and swaps (item ↔ item), tabu on returning an item to a host.
import type { Instance } from '../instance.ts';
import { type Rng, randInt } from '../../util/rng.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';

export interface RepairState {
  /** Per host: capacity under the normal ceiling, load, items. */
  cap: number[][];
  load: number[][];
  items: number[][];
  /** Anti-affinity group counts per host. */
  anti: Map<string, number>[];
}

/** Overload of one host: Σ_r max(0, load − cap) / refCap (normalised so resources weigh alike). */
export function hostOverload(inst: Instance, load: readonly number[], cap: readonly number[]): number {
  let o = 0;
  for (let r = 0; r < cap.length; r++) {
    const x = load[r]! - cap[r]!;
    if (x > TOLERANCE * Math.max(1, cap[r]!)) o += x / (inst.refCap[r]! || 1);
  }
  return o;
}

/** Overload of a host after adding `plus` and removing `minus` item demands. */
function overloadWith(inst: Instance, s: RepairState, h: number, plus: number, minus: number): number {
  let o = 0;
  const cap = s.cap[h]!;
  const load = s.load[h]!;
  const dp = plus >= 0 ? inst.items[plus]!.demand : null;
  const dm = minus >= 0 ? inst.items[minus]!.demand : null;
  for (let r = 0; r < cap.length; r++) {
    const x = load[r]! + (dp ? dp[r]! : 0) - (dm ? dm[r]! : 0) - cap[r]!;
    if (x > TOLERANCE * Math.max(1, cap[r]!)) o += x / (inst.refCap[r]! || 1);
  }
  return o;
}

function antiOk(inst: Instance, s: RepairState, h: number, item: number, leaving: number): boolean {
  const it = inst.items[item]!;
  if (it.anti.length === 0) return true;
  const leavingAnti = leaving >= 0 ? inst.items[leaving]!.anti : [];
  return it.anti.every((g) => (s.anti[h]!.get(g) ?? 0) - (leavingAnti.includes(g) ? 1 : 0) === 0);
}

export function placeItem(inst: Instance, s: RepairState, h: number, item: number): void {
  const d = inst.items[item]!.demand;
  const load = s.load[h]!;
  for (let r = 0; r < d.length; r++) load[r]! += d[r]!;
  s.items[h]!.push(item);
  for (const g of inst.items[item]!.anti) s.anti[h]!.set(g, (s.anti[h]!.get(g) ?? 0) + 1);
}

function removeItem(inst: Instance, s: RepairState, h: number, item: number): void {
  const d = inst.items[item]!.demand;
  const load = s.load[h]!;
  for (let r = 0; r < d.length; r++) load[r]! -= d[r]!;
  const list = s.items[h]!;
  list.splice(list.indexOf(item), 1);
  for (const g of inst.items[item]!.anti) s.anti[h]!.set(g, s.anti[h]!.get(g)! - 1);
}

/** Hosts examined per step when there are more. */
const SAMPLE = 256;

interface Move {
  item: number;
  from: number;
  to: number;
  /** Item swapped back from `to`, or -1 for a plain move. */
  other: number;
  delta: number;
}

/**
 * Best non-tabu move or swap out of host `a` (ties broken at random). Past the deadline it
 * returns the best found so far: one step weighs items × SAMPLE hosts × their items, each over
 * every dimension — a time-aware placement has two per slot (plan/series-problem.ts), so on a
 * large estate one step is long.
 */
function bestMove(
  inst: Instance,
  s: RepairState,
  a: number,
  tabu: Map<number, number>,
  iter: number,
  rng: Rng,
  deadline: Deadline,
): Move | null {
  // The best move so far as numbers, not a Move per candidate: a step weighs every item of
  // the host against every item of the sampled hosts, and at 30,000 VMs the objects alone
  // were 15 GB of garbage over one placement.
  let found = false;
  let [bestItem, bestTo, bestOther, bestDelta] = [-1, -1, -1, 0];
  let ties = 0;
  const oa = hostOverload(inst, s.load[a]!, s.cap[a]!);
  const consider = (item: number, to: number, other: number, delta: number) => {
    if (found && !(delta < bestDelta - 1e-12)) {
      if (!(Math.abs(delta - bestDelta) <= 1e-12 && randInt(rng, ++ties) === 0)) return;
    } else ties = 1;
    found = true;
    bestItem = item;
    bestTo = to;
    bestOther = other;
    bestDelta = delta;
  };
  const hosts = s.items.length;
  const isTabu = (item: number, host: number) => (tabu.get(item * hosts + host) ?? -1) > iter;
  // On large inputs each step looks at a seeded sample of hosts (keeps a step O(sample)).
  const targets = hosts <= SAMPLE ? null : Array.from({ length: SAMPLE }, () => randInt(rng, hosts));
  for (const i of s.items[a]!) {
    if (deadline.passed()) break;
    if (inst.items[i]!.pin !== null) continue;
    const oaMinus = overloadWith(inst, s, a, -1, i) - oa;
    for (let t = 0; t < (targets ? SAMPLE : hosts); t++) {
      const b = targets ? targets[t]! : t;
      if (b === a || isTabu(i, b)) continue;
      const ob = hostOverload(inst, s.load[b]!, s.cap[b]!);
      if (antiOk(inst, s, b, i, -1)) consider(i, b, -1, oaMinus + overloadWith(inst, s, b, i, -1) - ob);
      for (const j of s.items[b]!) {
        if (inst.items[j]!.pin !== null || isTabu(j, a) || !antiOk(inst, s, b, i, j) || !antiOk(inst, s, a, j, i))
          continue;
        const delta = overloadWith(inst, s, a, j, i) - oa + overloadWith(inst, s, b, i, j) - ob;
        consider(i, b, j, delta);
      }
    }
  }
  return found ? { item: bestItem, from: a, to: bestTo, other: bestOther, delta: bestDelta } : null;
}

/**
 * Tabu search until no host is overloaded or `maxIter` iterations pass. Returns true when
 * the state is feasible. `deadline` stops it on huge inputs (docs/method.md §6.5).
 */
export function repair(inst: Instance, s: RepairState, maxIter: number, rng: Rng, deadline: Deadline): boolean {
  const tabu = new Map<number, number>();
  for (let iter = 0; iter < maxIter; iter++) {
    const over: number[] = [];
    for (let h = 0; h < s.items.length; h++) if (hostOverload(inst, s.load[h]!, s.cap[h]!) > 0) over.push(h);
    if (over.length === 0) return true;
    // Every step: a step of a large series problem takes long enough to overrun the limit in 64.
    if (deadline.passed()) {
      deadline.stop('tabu repair');
      return false;
    }
    const a = over[randInt(rng, over.length)]!;
    const m = bestMove(inst, s, a, tabu, iter, rng, deadline);
    if (!m) continue;
    removeItem(inst, s, m.from, m.item);
    placeItem(inst, s, m.to, m.item);
    tabu.set(m.item * s.items.length + m.from, iter + 7 + randInt(rng, 4));
    if (m.other >= 0) {
      removeItem(inst, s, m.to, m.other);
      placeItem(inst, s, m.from, m.other);
      tabu.set(m.other * s.items.length + m.to, iter + 7 + randInt(rng, 4));
    }
  }
  return s.items.every((_, h) => hostOverload(inst, s.load[h]!, s.cap[h]!) === 0);
}
