import { InternalError } from "../domain/errors.js";
import { applyPeakAndGrowth, resourceDemand } from "./demand.js";
import { sizeDiskGb, sizeMemoryGb, sizeNetworkMBps, sizeVcpu } from "./size-vm.js";
import { cpuUtilisationReason, guest32BitMemoryReason, memoryLimitReason, memoryUtilisationReason, missingInventoryReason, missingPerformanceReason, nicLimitReason, specialHardwareReason, vcpuLimitReason, } from "./exclusion-rules.js";
function clockScale(server, settings, targetHostGhz) {
    if (settings.sizing.cpuNormalisation !== 'clock')
        return undefined;
    if (targetHostGhz === undefined)
        throw new InternalError('sizing.cpuNormalisation = clock needs the target host GHz');
    // Without the source clock the server is already "missing inventory data"; size it unscaled.
    if (server.cpuGhz === null)
        return undefined;
    return { sourceGhz: server.cpuGhz, targetGhz: targetHostGhz };
}
/**
 * Disk demand: the monitored disk used, or, when the disk was not monitored, the installed
 * disk (an upper bound of what is used), with the same growth and peak (seed §2.7).
 */
function diskDemand(server, usage, settings) {
    const measured = resourceDemand(usage, 'disk', settings.sizing);
    if (measured)
        return { d: measured, installed: false };
    if (server.diskGb === null)
        return null;
    const peakFactor = settings.sizing.peakFactor.disk;
    const growth = settings.sizing.growth.disk;
    const demand = applyPeakAndGrowth(server.diskGb, peakFactor, growth);
    return { d: { statistic: 'installed', measured: server.diskGb, peakFactor, growth, demand }, installed: true };
}
/** Size each resource that can be sized; the others stay 0 (their reason says why). */
function sizeResources(server, usage, settings, targetHostGhz) {
    const s = settings.sizing;
    const sizing = {};
    const cores = server.sockets !== null && server.coresPerSocket !== null ? server.sockets * server.coresPerSocket : null;
    const cpu = resourceDemand(usage, 'cpu', s);
    if (cpu && cores !== null)
        sizing.cpu = sizeVcpu(cpu, cores, s.minVcpu, clockScale(server, settings, targetHostGhz));
    const memory = resourceDemand(usage, 'memory', s);
    if (memory)
        sizing.memory = sizeMemoryGb(memory, s.memoryStepGb, s.minMemoryGb);
    const disk = diskDemand(server, usage, settings);
    if (disk) {
        const sized = sizeDiskGb(disk.d, s.diskStepGb);
        if (disk.installed)
            sized.formula = `disk not monitored, installed ${disk.d.measured} GB used: ${sized.formula}`;
        sizing.disk = sized;
    }
    const network = resourceDemand(usage, 'network', s);
    if (network)
        sizing.network = sizeNetworkMBps(network);
    return { sizing, cpu, memory };
}
/** Every exclusion rule, in a fixed order so the reasons list is deterministic. */
function exclusionReasons(server, usage, settings, vm, measured) {
    const { hypervisor: hv, sizing: s } = settings;
    const candidates = [
        missingInventoryReason(server),
        missingPerformanceReason(usage, s.minSamples),
        specialHardwareReason(server),
        measured.cpu
            ? cpuUtilisationReason(measured.cpu.measured, measured.cpu.statistic, s.utilisationThresholdPct)
            : null,
        measured.memory && server.memoryMb
            ? memoryUtilisationReason(measured.memory.measured, server.memoryMb, measured.memory.statistic, s.utilisationThresholdPct)
            : null,
        vcpuLimitReason(vm.vcpu, hv),
        memoryLimitReason(vm.memoryGb, vm.osBits, hv),
        guest32BitMemoryReason(vm.memoryGb, vm.osBits, hv),
        nicLimitReason(vm.nics, hv),
    ];
    return candidates.filter((r) => r !== null);
}
/**
 * Size one server as a VM. `targetHostGhz` is the clock of the hosts it will run on, needed
 * only with sizing.cpuNormalisation = clock (spec §4).
 */
export function sizeServer(server, usage, settings, targetHostGhz) {
    const { sizing, cpu, memory } = sizeResources(server, usage, settings, targetHostGhz);
    const vm = {
        name: server.vmName,
        sourceServer: server.name,
        vcpu: sizing.cpu?.result ?? 0,
        memoryGb: sizing.memory?.result ?? 0,
        diskGb: sizing.disk?.result ?? 0,
        // vNICs = physical NICs (seed §2.7: Web and VPN keep two "for operational reasons").
        nics: server.nics ?? 0,
        networkMBps: sizing.network?.result ?? 0,
        reasons: [],
        haPriority: server.haPriority,
        os: server.os,
        osBits: server.osBits,
        sizing,
    };
    vm.reasons = exclusionReasons(server, usage, settings, vm, { cpu, memory });
    return { vm, excluded: vm.reasons.length > 0 };
}
