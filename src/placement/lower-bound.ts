// Lower bounds on the number and cost of hosts (issue 3 §3). L1 per resource:
// ⌈Σ demand / capacity⌉ (Martello & Toth, Knapsack Problems, 1990, §8.3.1); with N+k the
// survivors alone must hold everything under the failover ceiling, so k + ⌈Σ / failCap⌉.
import type { PlacementProblem } from './types.ts';
import { buildInstance, type Instance, type ModelSpec } from './instance.ts';

export interface LowerBound {
  hosts: number;
  cost: number;
  /** The resource (or rule, e.g. "anti-affinity:dc") whose bound is the largest. */
  bindingResource: string;
}

/** Ceiling that forgives float noise: ⌈2.0000000001⌉ is 2. */
export const ceilTol = (x: number) => Math.ceil(x - 1e-9);

/** Cheapest cost of `need` units when model m sells cap(m) per host, maxCount hosts, fractionally. */
function fractionalCost(models: readonly ModelSpec[], cap: (m: ModelSpec) => number, need: number): number {
  const offers = models.filter((m) => cap(m) > 0).sort((a, b) => a.cost / cap(a) - b.cost / cap(b));
  let cost = 0;
  for (const m of offers) {
    if (need <= 0) break;
    const units = Math.min(need, cap(m) * m.maxCount);
    cost += (units / cap(m)) * m.cost;
    need -= units;
  }
  return need > 1e-9 ? Infinity : cost;
}

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
    // Fractional purchase: buy capacity of this resource cheapest-per-unit first, within
    // each model's count (a fractional knapsack; bench/cloudbalancing/README.md's bound).
    let c = fractionalCost(models, (m) => m.cap[r]!, total);
    if (k > 0) c = Math.max(c, fractionalCost(models, (m) => m.failCap[r]!, total) + k * minCost);
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
