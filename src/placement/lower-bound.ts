// Lower bounds on the number and cost of hosts (issue 3 §3). L1 per resource:
// ⌈Σ demand / capacity⌉ (Martello & Toth, Knapsack Problems, 1990, §8.3.1); with N+k the
// survivors alone must hold everything under the failover ceiling, so k + ⌈Σ / failCap⌉.
import type { PlacementProblem } from './types.ts';
import { buildInstance, type Instance } from './instance.ts';

export interface LowerBound {
  hosts: number;
  cost: number;
  /** The resource (or rule, e.g. "anti-affinity:dc") whose bound is the largest. */
  bindingResource: string;
}

/** Ceiling that forgives float noise: ⌈2.0000000001⌉ is 2. */
export const ceilTol = (x: number) => Math.ceil(x - 1e-9);

export function instanceLowerBound(inst: Instance): LowerBound {
  const { models, k } = inst;
  if (models.length === 0 || inst.items.length === 0) return { hosts: 0, cost: 0, bindingResource: inst.resources[0] ?? '' };
  const minCost = Math.min(...models.map((m) => m.cost));
  let hosts = 0;
  let cost = 0;
  let binding = inst.resources[0]!;
  inst.resources.forEach((res, r) => {
    const total = inst.items.reduce((s, it) => s + it.demand[r]!, 0);
    const bestCap = Math.max(...models.map((m) => m.cap[r]!));
    const bestFail = Math.max(...models.map((m) => m.failCap[r]!));
    let h = bestCap > 0 ? ceilTol(total / bestCap) : 0;
    if (k > 0) h = Math.max(h, k + (bestFail > 0 ? ceilTol(total / bestFail) : 0));
    // Fractional purchase of capacity at the cheapest price per unit of this resource.
    const unit = (cap: (m: (typeof models)[number]) => number) => Math.min(...models.map((m) => (cap(m) > 0 ? m.cost / cap(m) : Infinity)));
    let c = total * unit((m) => m.cap[r]!);
    if (k > 0) c = Math.max(c, total * unit((m) => m.failCap[r]!) + k * minCost);
    if (h > hosts) [hosts, binding] = [h, res];
    cost = Math.max(cost, Number.isFinite(c) ? c : 0);
  });
  // Pins and anti-affinity groups force a count of distinct hosts.
  const groups = new Map<string, number>();
  for (const it of inst.items) for (const g of it.anti) groups.set(g, (groups.get(g) ?? 0) + 1);
  for (const [g, n] of [...groups].sort()) if (n > hosts) [hosts, binding] = [n, `anti-affinity:${g}`];
  const maxPin = Math.max(0, ...inst.items.map((it) => (it.pin ?? -1) + 1));
  if (maxPin > hosts) [hosts, binding] = [maxPin, 'pin'];
  hosts = Math.max(hosts, 1 + k);
  cost = Math.max(cost, hosts * minCost);
  // Whole-number prices make the cost of any plan whole, so the bound may be rounded up.
  const integral = models.every((m) => Number.isInteger(m.cost));
  return { hosts, cost: integral ? ceilTol(cost) : cost, bindingResource: binding };
}

export function lowerBound(problem: PlacementProblem): LowerBound {
  return instanceLowerBound(buildInstance(problem));
}
