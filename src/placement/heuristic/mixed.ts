// Heterogeneous catalogs (docs/placement.md: choose models and counts): FFD that opens, for an
// item nothing open can take, the model with the lowest price per share of the workload it
// can carry, cost_m / min_r(cap_mr / total_r) (its bottleneck resource), among models with
// hosts left that fit the item. Then hosts are emptied as in the homogeneous case.
import type { Instance, ModelSpec } from '../instance.ts';
import { construct, newBin, canTake, type Bin, type FitMode, type Opener, type Packing } from './construct.ts';

/** Models ordered by price per workload share, cheapest first (ties: catalog order). */
export function byEfficiency(inst: Instance, models: readonly ModelSpec[]): ModelSpec[] {
  const totals = inst.resources.map((_, r) => inst.items.reduce((s, it) => s + it.demand[r]!, 0));
  const share = (m: ModelSpec) => Math.min(...totals.map((t, r) => (t > 0 ? m.cap[r]! / t : Infinity)));
  const price = (m: ModelSpec) => (share(m) > 0 ? m.cost / share(m) : Infinity);
  return models
    .map((m, i) => ({ m, i, p: price(m) }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.m);
}

function mixedOpener(inst: Instance, models: readonly ModelSpec[]): Opener {
  const order = byEfficiency(inst, models);
  const dims = inst.resources.length;
  return (item: number, bins: readonly Bin[]) => {
    const used = new Map<ModelSpec, number>();
    for (const b of bins) used.set(b.model, (used.get(b.model) ?? 0) + 1);
    return order.find((m) => (used.get(m) ?? 0) < m.maxCount && canTake(inst, newBin(m, dims), item)) ?? null;
  };
}

export function constructMixed(inst: Instance, models: readonly ModelSpec[], mode: FitMode): Packing {
  return construct(inst, [], mode, mixedOpener(inst, models));
}
