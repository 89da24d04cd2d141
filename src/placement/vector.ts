// Resource-vector arithmetic (Karpenter's `pkg/utils/resources` idea: Fits/Merge/Subtract
// kept apart from the packer). A vector is a number[] indexed like problem.resources.

import { exceeds } from '../util/tolerance.ts';

export function fits(load: readonly number[], demand: readonly number[], cap: readonly number[]): boolean {
  for (let r = 0; r < cap.length; r++) if (exceeds(load[r]! + demand[r]!, cap[r]!)) return false;
  return true;
}

export function addInto(acc: number[], v: readonly number[]): void {
  for (let r = 0; r < acc.length; r++) acc[r]! += v[r]!;
}

export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** Percent of capacity allowed for one resource: a single figure or a per-resource map. */
export function pctFor(pct: number | Record<string, number> | undefined, resource: string, fallback: number): number {
  if (pct === undefined) return fallback;
  if (typeof pct === 'number') return pct;
  return pct[resource] ?? fallback;
}

/**
 * Size of a demand vector for ordering: the Euclidean norm of the capacity-normalised
 * demand (FFD by L2 norm, Mommessin–Erlebach–Shakhlevich C&OR 2025 §3: mean 1.096 × OPT).
 * `refCap` is the largest raw capacity per resource over the catalog, so the key does not
 * depend on which model is being tried.
 */
export function normSize(demand: readonly number[], refCap: readonly number[]): number {
  let s = 0;
  for (let r = 0; r < refCap.length; r++) {
    const x = refCap[r]! > 0 ? demand[r]! / refCap[r]! : 0;
    s += x * x;
  }
  return Math.sqrt(s);
}

/** Highest utilisation over resources, load / cap (0..1 within the cap). */
export function maxUtil(load: readonly number[], cap: readonly number[]): number {
  let m = 0;
  for (let r = 0; r < cap.length; r++) {
    const u = cap[r]! > 0 ? load[r]! / cap[r]! : load[r]! > 0 ? Infinity : 0;
    if (u > m) m = u;
  }
  return m;
}

/** Sum over resources of (cap − load) / refCap: the slack best fit minimises. */
export function slack(load: readonly number[], cap: readonly number[], refCap: readonly number[]): number {
  let s = 0;
  for (let r = 0; r < cap.length; r++) s += refCap[r]! > 0 ? (cap[r]! - load[r]!) / refCap[r]! : 0;
  return s;
}

/** Per-resource largest raw capacity over the host models. */
export function referenceCapacity(
  resources: readonly string[],
  models: readonly { capacity: Record<string, number> }[],
): number[] {
  return resources.map((res) => Math.max(0, ...models.map((m) => m.capacity[res] ?? 0)));
}

/** Compact number for messages: 31.5, 12, 0.333. */
export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(3)));
}
