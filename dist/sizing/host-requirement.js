import { ceilSafe, fmt } from "./rounding.js";
function binding(prefix, candidates, unit) {
    const best = candidates.reduce((a, b) => (b.value > a.value ? b : a));
    return {
        value: best.value,
        line: `${prefix}${candidates.map((x) => x.text).join('; ')} → ${best.label} binds: ${fmt(best.value)} ${unit}`,
    };
}
/** "one survivor carries 16" / "each of 2 survivors carries ⌈16 / 2⌉ = 8". */
function shareText(total, hosts, share, round) {
    if (hosts === 1)
        return `${fmt(total)}`;
    return round ? `⌈${fmt(total)} / ${hosts}⌉ = ${fmt(share)}` : `${fmt(total)} / ${hosts} = ${fmt(share)}`;
}
/**
 * A share carried at ≤ ceilingPct (and ÷ memory overcommit, KSM page sharing, spec §3):
 * share / (ceiling / 100) / overcommit, e.g. 8 vCPU at ≤ 75 % → 10.67 vCPU of capacity.
 */
function candidate(label, text, share, ceilingPct, overcommit = 1) {
    const value = share / (ceilingPct / 100) / overcommit;
    if (ceilingPct === 100 && overcommit === 1)
        return { label, text, value };
    const over = overcommit === 1 ? '' : ` ÷ ${overcommit} overcommit`;
    return { label, value, text: `${text} at ≤ ${ceilingPct} %${over} → ${fmt(value)}` };
}
/** Per-host requirement for `vms` on `hostCount` hosts, or a reason when N+k is impossible. */
export function hostRequirement(vms, settings, hostCount) {
    const c = settings.cluster;
    const k = c.redundancy;
    const survivors = hostCount - k;
    if (survivors < 1) {
        return {
            reason: {
                code: 'exceeds-host-capacity',
                message: `N+${k} needs at least ${k + 1} hosts; the cluster has ${hostCount}`,
                figures: { hosts: hostCount, redundancy: k },
            },
        };
    }
    const sum = (f) => vms.reduce((acc, vm) => acc + f(vm), 0);
    const max = (f) => vms.reduce((acc, vm) => Math.max(acc, f(vm)), 0);
    const who = survivors === 1 ? 'one survivor carries' : `each of ${survivors} survivors carries`;
    const prefix = `N+${k} with ${hostCount} hosts: `;
    // vCPU are whole per VM, so a share is at least the ceiling of the even split.
    const vcpu = { total: sum((vm) => vm.vcpu), largest: max((vm) => vm.vcpu) };
    const vcpuFail = ceilSafe(vcpu.total / survivors);
    const vcpuNormal = ceilSafe(vcpu.total / hostCount);
    const vcpuCands = [
        ...(k > 0
            ? [
                candidate('failover', `${who} ${shareText(vcpu.total, survivors, vcpuFail, true)} vCPU`, vcpuFail, c.failoverCeilingPct),
            ]
            : []),
        candidate('normal operation', `normal operation ${shareText(vcpu.total, hostCount, vcpuNormal, true)} vCPU per host`, vcpuNormal, c.cpuCeilingPct),
        candidate('largest VM', `largest VM ${vcpu.largest} vCPU`, vcpu.largest, c.cpuCeilingPct),
    ];
    const mem = { total: sum((vm) => vm.memoryGb), largest: max((vm) => vm.memoryGb) };
    const over = c.memoryOvercommit;
    const memFail = mem.total / survivors;
    const memNormal = mem.total / hostCount;
    const memCands = [
        ...(k > 0
            ? [
                candidate('failover', `${who} ${shareText(mem.total, survivors, memFail, false)} GB of VMs`, memFail, c.failoverCeilingPct, over),
            ]
            : []),
        candidate('normal operation', `normal operation ${shareText(mem.total, hostCount, memNormal, false)} GB per host`, memNormal, c.memoryCeilingPct, over),
        // One VM's memory cannot be shared with itself: no overcommit for the largest VM.
        candidate('largest VM', `largest VM ${fmt(mem.largest)} GB`, mem.largest, c.memoryCeilingPct),
    ];
    const v = binding(prefix, vcpuCands, 'vCPU');
    const m = binding('memory: ', memCands, 'GB');
    return {
        vcpu: v.value,
        memoryGb: m.value,
        diskGb: sum((vm) => vm.diskGb) / survivors,
        vcpuLine: v.line,
        memoryLine: m.line,
    };
}
