import { hostCapacity, placementResources } from "../sizing/host-capacity.js";
import {} from "./report-model.js";
import { round2 } from "../util/round.js";
import { exceeds } from "../util/tolerance.js";
/** Capacity of the resources placement constrains (disk only with local storage). */
export function modelCapacity(model, settings, partitionsTotalMb = 0) {
    const all = hostCapacity(model, settings, partitionsTotalMb);
    return Object.fromEntries(placementResources(settings).map((r) => [r, all[r]]));
}
/** Ceiling per resource in normal operation (seed §2.12.3: CPU at most 75 %). */
export function normalCeilings(settings) {
    return { vcpu: settings.cluster.cpuCeilingPct, memoryGb: settings.cluster.memoryCeilingPct, diskGb: 100 };
}
/** Ceiling per resource on a survivor after a failure. */
export function failoverCeilings(settings) {
    const c = settings.cluster.failoverCeilingPct;
    return { vcpu: c, memoryGb: c, diskGb: 100 };
}
export function sumFigures(vms) {
    const total = { vcpu: 0, memoryGb: 0, diskGb: 0, networkMBps: 0 };
    for (const vm of vms)
        for (const r of Object.keys(total))
            total[r] += vm[r];
    return total;
}
/** Headroom of each constrained resource: capacity × ceiling − load. */
export function headroom(load, capacity, ceilings) {
    return Object.keys(capacity).map((resource) => {
        const cap = capacity[resource] ?? 0;
        const ceilingPct = ceilings[resource] ?? 100;
        const available = (cap * ceilingPct) / 100;
        return {
            resource,
            load: round2(load[resource]),
            available: round2(available),
            capacity: round2(cap),
            ceilingPct,
            headroom: round2(available - load[resource]),
            usedPct: cap > 0 ? round2((load[resource] / cap) * 100) : 0,
        };
    });
}
/** Does `vm` fit on a host already carrying `load`? (tolerates float noise) */
export function fits(load, vm, capacity, ceilings) {
    return Object.keys(capacity).every((r) => !exceeds(load[r] + vm[r], ((capacity[r] ?? 0) * (ceilings[r] ?? 100)) / 100));
}
/** Smallest relative headroom across resources (1 = empty host): how "free" a host is. */
export function freeFraction(load, capacity, ceilings) {
    let free = Infinity;
    for (const r of Object.keys(capacity)) {
        const available = ((capacity[r] ?? 0) * (ceilings[r] ?? 100)) / 100;
        free = Math.min(free, available > 0 ? (available - load[r]) / available : -Infinity);
    }
    return free;
}
/** Human unit of a resource, for messages. */
export function unitOf(resource) {
    return resource === 'vcpu'
        ? 'vCPU'
        : resource === 'networkMBps'
            ? 'MB/s'
            : resource === 'memoryGb' || resource === 'diskGb'
                ? 'GB'
                : '';
}
export function resourceLabel(resource) {
    return { vcpu: 'CPU', memoryGb: 'memory', diskGb: 'disk', networkMBps: 'network' }[resource] ?? resource;
}
