import { construct, newBin, canTake } from "./construct.js";
/** Models ordered by price per workload share, cheapest first (ties: catalog order). */
export function byEfficiency(inst, models) {
    const totals = inst.resources.map((_, r) => inst.items.reduce((s, it) => s + it.demand[r], 0));
    const share = (m) => Math.min(...totals.map((t, r) => (t > 0 ? m.cap[r] / t : Infinity)));
    const price = (m) => (share(m) > 0 ? m.cost / share(m) : Infinity);
    return models
        .map((m, i) => ({ m, i, p: price(m) }))
        .sort((a, b) => a.p - b.p || a.i - b.i)
        .map((x) => x.m);
}
export function mixedOpener(inst, models) {
    const order = byEfficiency(inst, models);
    const dims = inst.resources.length;
    return (item, bins) => {
        const used = new Map();
        for (const b of bins)
            used.set(b.model, (used.get(b.model) ?? 0) + 1);
        return order.find((m) => (used.get(m) ?? 0) < m.maxCount && canTake(inst, newBin(m, dims), item)) ?? null;
    };
}
export function constructMixed(inst, models, mode) {
    return construct(inst, [], mode, mixedOpener(inst, models));
}
