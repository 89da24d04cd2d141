import { fmt, maxUtil } from "./vector.js";
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export function binVmNames(inst, bin) {
    return bin.items.flatMap((i) => inst.items[i].vms.map((v) => inst.vms[v].name)).sort(byName);
}
export function toSimHosts(inst, bins) {
    return bins.map((b, i) => ({
        name: `host${i + 1}`,
        capacity: b.model.capacity,
        failCap: b.model.failCap,
        load: b.load,
        vms: b.items.flatMap((it) => inst.items[it].vms),
    }));
}
/** Highest load / ceiling-capacity over hosts and resources (the balance objective). */
export function peakUtil(bins) {
    return Math.max(0, ...bins.map((b) => maxUtil(b.load, b.model.cap)));
}
/** Reason for an item that found no room although some model could take it alone. */
function noRoomReason(inst, packing, item) {
    const it = inst.items[item];
    const needs = inst.resources.map((r, i) => `${r} ${fmt(it.demand[i])}`).join(', ');
    if (it.pin !== null && it.pin >= packing.bins.length)
        return `pinned to host${it.pin + 1}, but the plan has ${packing.bins.length} hosts`;
    const where = it.pin !== null ? `host${it.pin + 1} (pinned)` : `any of the ${packing.bins.length} hosts`;
    const bins = it.pin !== null ? packing.bins.slice(it.pin, it.pin + 1) : packing.bins;
    const free = inst.resources
        .map((r, i) => `${r} ${fmt(Math.max(0, ...bins.map((b) => b.model.cap[i] - b.load[i])))}`)
        .join(', ');
    return `no room left on ${where}: needs ${needs}; the most free is ${free} (anti-affinity and ceilings applied)`;
}
export function toResult(inst, packing, meta) {
    const hosts = packing.bins.map((b, i) => ({
        name: `host${i + 1}`,
        model: b.model.name,
        vms: binVmNames(inst, b),
    }));
    const unplaced = [...inst.unplaced];
    for (const item of packing.failed) {
        const reason = noRoomReason(inst, packing, item);
        for (const v of inst.items[item].vms)
            unplaced.push({ vm: inst.vms[v].name, reasons: [reason] });
    }
    unplaced.sort((a, b) => byName(a.vm, b.vm));
    const cost = packing.bins.reduce((s, b) => s + b.model.cost, 0);
    return { hosts, unplaced, hostsUsed: hosts.length, cost, ...meta };
}
