// One-resource host emptying (docs/design/placement.md, "Hard one-resource instances"):
// with m − 1 hosts fixed, every item assigned and the total overload Σ max(0, load − cap)
// minimised by tabu search over shifts and 1–1, 2–1, 1–2 and 2–2 swaps out of an overloaded
// host — the "fix the bin count, minimise infeasibility" scheme of Fleszar & Hindi (C&OR 29,
// 2002) with the pair swaps of Buljubašić & Vasquez's consistent neighbourhood search (C&OR
// 76, 2016), which is what closes hosts when every host holds 3–6 items (Scholl 3,
// Schwerin, Hard28). Typed arrays: no vector arithmetic, as there is one resource.
import { randInt, type Rng } from '../../util/rng.ts';
import type { Deadline } from '../deadline.ts';

export interface OneDimOptions {
  rng: Rng;
  deadline: Deadline;
  /** Tabu iterations per attempt at one host fewer (the deadline may stop it earlier). */
  iterations: number;
  /** Stop at this many hosts: the lower bound. */
  target: number;
  /** Iterations without a new least overload after which an attempt gives up. */
  stall: number;
  /** Attempts (each from a different host closed) at one host fewer before giving up. */
  attempts: number;
}

/** Host contents of a packing: item indices per host. */
export type Hosts = number[][];

const over = (load: number, cap: number, eps: number) => (load > cap + eps ? load - cap : 0);

/**
 * Packs `w` into exactly m hosts of capacity `cap` without overload, starting from `start`
 * (m hosts, overloaded). Returns the hosts or null when the budget, a stall (`stall`
 * iterations without a new least overload) or the deadline ends it first.
 */
function fixOverload(w: Float64Array, cap: number, start: Hosts, opts: OneDimOptions): Hosts | null {
  const m = start.length;
  const n = w.length;
  const eps = 1e-9 * Math.max(1, cap);
  const bins = start.map((h) => h.slice());
  const load = new Float64Array(m);
  for (let b = 0; b < m; b++) for (const i of bins[b]!) load[b]! += w[i]!;
  // tabu[i * m + b]: iteration until which item i may not enter host b.
  const tabu = new Int32Array(n * m);
  let total = 0;
  for (let b = 0; b < m; b++) total += over(load[b]!, cap, eps);
  const rng = opts.rng;
  const overloaded: number[] = [];
  let least = total;
  let lastGain = 0;
  for (let iter = 1; iter <= opts.iterations && iter - lastGain <= opts.stall; iter++) {
    if (total <= 0) return bins;
    if ((iter & 255) === 0 && opts.deadline.passed()) {
      opts.deadline.stop('host emptying');
      return null;
    }
    overloaded.length = 0;
    for (let b = 0; b < m; b++) if (load[b]! > cap + eps) overloaded.push(b);
    const a = overloaded[randInt(rng, overloaded.length)]!;
    const A = bins[a]!;
    const la = load[a]!;
    const oa = over(la, cap, eps);
    // The best move: items a1, a2 leave a for bb; b1, b2 leave bb for a (-1 = none).
    let bestDelta = Infinity;
    let ties = 0;
    let bb = -1;
    let a1 = -1;
    let a2 = -1;
    let b1 = -1;
    let b2 = -1;
    for (let b = 0; b < m; b++) {
      if (b === a) continue;
      const B = bins[b]!;
      const lb = load[b]!;
      const base = -oa - over(lb, cap, eps);
      // d: the weight moving from a to b, net; records the move when it is at least as good.
      const consider = (d: number, i: number, i2: number, j: number, k: number) => {
        const delta = base + over(la - d, cap, eps) + over(lb + d, cap, eps);
        if (delta < bestDelta - 1e-9) {
          bestDelta = delta;
          ties = 1;
        } else if (delta > bestDelta + 1e-9 || randInt(rng, ++ties) !== 0) return;
        bb = b;
        a1 = i;
        a2 = i2;
        b1 = j;
        b2 = k;
      };
      for (let x = 0; x < A.length; x++) {
        const i = A[x]!;
        if (tabu[i * m + b]! >= iter) continue;
        const wi = w[i]!;
        consider(wi, i, -1, -1, -1);
        for (let y = 0; y < B.length; y++) {
          const j = B[y]!;
          if (tabu[j * m + a]! >= iter) continue;
          if (w[j]! !== wi) consider(wi - w[j]!, i, -1, j, -1);
          for (let z = y + 1; z < B.length; z++) {
            const k = B[z]!;
            if (tabu[k * m + a]! < iter) consider(wi - w[j]! - w[k]!, i, -1, j, k);
          }
        }
        for (let x2 = x + 1; x2 < A.length; x2++) {
          const i2 = A[x2]!;
          if (tabu[i2 * m + b]! >= iter) continue;
          const wii = wi + w[i2]!;
          for (let y = 0; y < B.length; y++) {
            const j = B[y]!;
            if (tabu[j * m + a]! >= iter) continue;
            consider(wii - w[j]!, i, i2, j, -1);
            for (let z = y + 1; z < B.length; z++) {
              const k = B[z]!;
              if (tabu[k * m + a]! < iter) consider(wii - w[j]! - w[k]!, i, i2, j, k);
            }
          }
        }
      }
    }
    if (bb < 0) continue;
    const move = (item: number, from: number, to: number) => {
      const list = bins[from]!;
      list.splice(list.indexOf(item), 1);
      bins[to]!.push(item);
      load[from]! -= w[item]!;
      load[to]! += w[item]!;
      // Returning to the host it left is tabu for 7–10 iterations (tenures of the references).
      tabu[item * m + from] = iter + 7 + randInt(rng, 4);
    };
    total -= over(load[a]!, cap, eps) + over(load[bb]!, cap, eps);
    if (a1 >= 0) move(a1, a, bb);
    if (a2 >= 0) move(a2, a, bb);
    if (b1 >= 0) move(b1, bb, a);
    if (b2 >= 0) move(b2, bb, a);
    total += over(load[a]!, cap, eps) + over(load[bb]!, cap, eps);
    if (total < least - eps) [least, lastGain] = [total, iter];
  }
  return total <= 0 ? bins : null;
}

/** Pours the items of host `v` onto the others: each where it overloads least, then tightest. */
function closeHost(w: Float64Array, cap: number, hosts: Hosts, v: number): Hosts {
  const rest = hosts.filter((_, b) => b !== v).map((h) => h.slice());
  const load = rest.map((h) => h.reduce((s, i) => s + w[i]!, 0));
  for (const i of [...hosts[v]!].sort((x, y) => w[y]! - w[x]! || x - y)) {
    let pick = 0;
    let key = Infinity;
    for (let b = 0; b < rest.length; b++) {
      const after = load[b]! + w[i]!;
      const k = after > cap ? 1e9 + after - cap : cap - after;
      if (k < key) [pick, key] = [b, k];
    }
    rest[pick]!.push(i);
    load[pick]! += w[i]!;
  }
  return rest;
}

/**
 * Closes hosts one at a time while the tabu search can repair the overload, down to
 * `opts.target`; returns the fewest hosts found (the input when none can be closed).
 */
export function emptyHostsOneDim(w: Float64Array, cap: number, hosts: Hosts, opts: OneDimOptions): Hosts {
  let bestHosts = hosts;
  let failures = 0;
  while (bestHosts.length > opts.target && failures < opts.attempts && !opts.deadline.passed()) {
    // First the least loaded host (its items are the easiest to spread), then random ones.
    const loads = bestHosts.map((h) => h.reduce((s, i) => s + w[i]!, 0));
    let v = 0;
    for (let b = 1; b < loads.length; b++) if (loads[b]! < loads[v]!) v = b;
    if (failures > 0) v = randInt(opts.rng, bestHosts.length);
    const fixed = fixOverload(w, cap, closeHost(w, cap, bestHosts, v), opts);
    if (fixed) {
      bestHosts = fixed;
      failures = 0;
    } else failures++;
  }
  return bestHosts;
}
