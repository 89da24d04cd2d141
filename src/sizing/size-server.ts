// One physical server → the VM it becomes, with every figure explained and every exclusion
// rule applied (method §3–§4). Pure: the pipeline sets `host` and `status`
// (excluded → 'excluded').
import type { InventoryServer, ServerUsage } from '../domain/server.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { PlanVm, Reason, ResourceSizing } from '../domain/plan.ts';
import { InternalError } from '../domain/errors.ts';
import { applyPeakAndGrowth, cpuDemand, resourceDemand, type Demand } from './demand.ts';
import { coreClockOf, sizeVcpuFromMhz } from './size-vcpu-mhz.ts';
import { sizeDiskGb, sizeMemoryGb, sizeNetworkMBps, sizeVcpu, type ClockScale } from './size-vm.ts';
import {
  cpuUtilisationReason,
  guest32BitMemoryReason,
  memoryLimitReason,
  memoryUtilisationReason,
  missingInventoryReason,
  missingPerformanceReason,
  nicLimitReason,
  notMigratableReason,
  specialHardwareReason,
  vcpuLimitReason,
} from './exclusion-rules.ts';
import { ledBy } from './formula-step.ts';
import type { Interner } from '../util/interner.ts';
import { sizeFromAllocation } from './size-from-allocation.ts';
import { largestTargetHost, poweredOffReason, vmHostShareReason, type TargetHost } from './workload-rules.ts';

type SizedVm = Omit<PlanVm, 'host' | 'status'>;

export interface SizeServerResult {
  vm: SizedVm;
  /** True when any reason applies: the VM is not a virtualisation candidate. */
  excluded: boolean;
}

function clockScale(
  server: InventoryServer,
  settings: ProjectSettings,
  targetHostGhz: number | undefined,
): ClockScale | undefined {
  if (settings.sizing.cpuNormalisation !== 'clock') return undefined;
  if (targetHostGhz === undefined) throw new InternalError('sizing.cpuNormalisation = clock needs the target host GHz');
  // Without the source clock the server is already "missing inventory data"; size it unscaled.
  if (server.cpuGhz === null) return undefined;
  return { sourceGhz: server.cpuGhz, targetGhz: targetHostGhz };
}

/**
 * Disk demand: the monitored disk used, or, when the disk was not monitored, the installed
 * disk (an upper bound of what is used), with the same growth and peak (method §3.2).
 */
function diskDemand(
  server: InventoryServer,
  usage: ServerUsage | null,
  settings: ProjectSettings,
): { d: Demand; installed: boolean } | null {
  const measured = resourceDemand(usage, 'disk', settings.sizing);
  if (measured) return { d: measured, installed: false };
  if (server.diskGb === null) return null;
  const peakFactor = settings.sizing.peakFactor.disk;
  const growth = settings.sizing.growth.disk;
  const demand = applyPeakAndGrowth(server.diskGb, peakFactor, growth);
  return { d: { statistic: 'installed', measured: server.diskGb, peakFactor, growth, demand }, installed: true };
}

/** Size each resource that can be sized; the others stay 0 (their reason says why). */
function sizeResources(
  server: InventoryServer,
  usage: ServerUsage | null,
  settings: ProjectSettings,
  targetHostGhz: number | undefined,
  shared: Interner | undefined,
) {
  const s = settings.sizing;
  const sizing: PlanVm['sizing'] = {};
  const cores =
    server.sockets !== null && server.coresPerSocket !== null ? server.sockets * server.coresPerSocket : null;
  const cpu = sizeCpu(server, usage, settings, targetHostGhz, cores);
  if (cpu.sized) sizing.cpu = cpu.sized;
  const memory = resourceDemand(usage, 'memory', s);
  if (memory) sizing.memory = sizeMemoryGb(memory, s.memoryStepGb, s.minMemoryGb);
  const disk = diskDemand(server, usage, settings);
  if (disk) {
    const sized: ResourceSizing = sizeDiskGb(disk.d, s.diskStepGb);
    const made = disk.installed
      ? ledBy(
          sized,
          'installed-disk',
          { installedGb: disk.d.measured },
          (p, inner) => `disk not monitored, installed ${p.installedGb} GB used: ${inner}`,
        )
      : sized;
    sizing.disk = shared ? shared.of(made) : made;
  }
  const network = resourceDemand(usage, 'network', s);
  if (network) sizing.network = sizeNetworkMBps(network);
  return { sizing, cpu: cpu.pct, memory, clockMissing: cpu.clockMissing };
}

/**
 * vCPU from CPU MHz when measured (MHz is the measured quantity, a % through a capacity is
 * derived: method §3.7), else from CPU %. `pct` is the CPU demand as % of the server's own
 * cores, for the utilisation rules (method §4); null when it cannot be told.
 */
function sizeCpu(
  server: InventoryServer,
  usage: ServerUsage | null,
  settings: ProjectSettings,
  targetHostGhz: number | undefined,
  cores: number | null,
): { sized: ResourceSizing | null; pct: Demand | null; clockMissing: boolean } {
  const s = settings.sizing;
  const cpu = cpuDemand(usage, s);
  if (!cpu) return { sized: null, pct: null, clockMissing: false };
  if (cpu.unit === 'pct')
    return {
      sized: cores === null ? null : sizeVcpu(cpu.d, cores, s.minVcpu, clockScale(server, settings, targetHostGhz)),
      pct: cpu.d,
      clockMissing: false,
    };
  const clock = coreClockOf(server, settings, targetHostGhz);
  const sized = clock ? sizeVcpuFromMhz(cpu.d, clock, s.minVcpu) : null;
  // Busy cores = MHz / the server's own core MHz; as % of its cores: 2,600 MHz on 2 × 2,600 MHz = 50 %.
  const ownMhz = server.cpuGhz !== null && server.cpuGhz > 0 ? server.cpuGhz * 1000 : null;
  const pct = ownMhz !== null && cores !== null && cores > 0 ? (cpu.d.measured / ownMhz / cores) * 100 : null;
  const asPct =
    pct === null ? null : { ...cpu.d, measured: pct, demand: applyPeakAndGrowth(pct, cpu.d.peakFactor, cpu.d.growth) };
  return { sized, pct: asPct, clockMissing: clock === null };
}

/** What the sizing of one server was based on, and the host a VM is measured against. */
export interface SizeContext {
  /** The project names no monitoring at all (allocation.use = no-monitoring applies). */
  noMonitoring?: boolean;
  /** The host a VM's "would monopolise a node" rule compares against (method §3.6). */
  target?: TargetHost;
  /**
   * Equal disk sizings of the servers sized with it are one object: an estate's servers mostly
   * have one of a few installed disks, and an unmonitored disk's sizing (the installed figure,
   * its formula and the formula it leads to: five objects) is then the same for each.
   */
  shared?: Interner;
}

/** The utilisation rule: physical servers against their own hardware, VMs against the target host (method §4). */
function utilisationReasons(
  server: InventoryServer,
  settings: ProjectSettings,
  measured: { cpu: Demand | null; memory: Demand | null },
  target: TargetHost,
): (Reason | null)[] {
  const s = settings.sizing;
  if (server.origin?.kind === 'vm') {
    const cores =
      server.sockets !== null && server.coresPerSocket !== null ? server.sockets * server.coresPerSocket : null;
    const busy = measured.cpu && cores !== null ? (cores * measured.cpu.measured) / 100 : null;
    return [vmHostShareReason(busy, measured.memory?.measured ?? null, target, s.utilisationThresholdPct)];
  }
  return [
    measured.cpu
      ? cpuUtilisationReason(measured.cpu.measured, measured.cpu.statistic, s.utilisationThresholdPct)
      : null,
    measured.memory && server.memoryMb
      ? memoryUtilisationReason(
          measured.memory.measured,
          server.memoryMb,
          measured.memory.statistic,
          s.utilisationThresholdPct,
        )
      : null,
  ];
}

/** Every exclusion rule, in a fixed order so the reasons list is deterministic. */
function exclusionReasons(
  server: InventoryServer,
  usage: ServerUsage | null,
  settings: ProjectSettings,
  vm: SizedVm,
  measured: { cpu: Demand | null; memory: Demand | null; allocation: boolean; clockMissing?: boolean },
  target: TargetHost,
): Reason[] {
  const { hypervisor: hv, sizing: s } = settings;
  const notMigratable = notMigratableReason(server, settings.allocation);
  // A template, SRM placeholder or agent VM is not sized at all: that is its one reason.
  if (notMigratable) return [notMigratable];
  const candidates = [
    poweredOffReason(server, settings),
    // CPU MHz need a core clock (method §3.7): without the target's, the server's own.
    missingInventoryReason(server, s.cpuNormalisation === 'clock' || measured.clockMissing, notNeeded(server)),
    measured.allocation ? null : missingPerformanceReason(usage, s.minSamples),
    specialHardwareReason(server),
    ...utilisationReasons(server, settings, measured, target),
    vcpuLimitReason(vm.vcpu, hv),
    memoryLimitReason(vm.memoryGb, vm.osBits, hv),
    guest32BitMemoryReason(vm.memoryGb, vm.osBits, hv),
    nicLimitReason(vm.nics, hv),
  ];
  return candidates.filter((r): r is Reason => r !== null);
}

/** Inventory columns a server may lack (method §3.6): an inventory read from monitoring says only CPU and memory. */
function notNeeded(server: InventoryServer): Set<string> {
  return new Set(server.origin?.inventoryFrom ? ['os', 'os_bits', 'disk_gb'] : []);
}

/** Size from allocation (method §3.6) rather than monitoring? */
function allocationBasis(usage: ServerUsage | null, settings: ProjectSettings, ctx: SizeContext): boolean {
  const use = settings.allocation.use;
  if (use === 'never') return false;
  if (ctx.noMonitoring) return true;
  return use === 'missing' && missingPerformanceReason(usage, settings.sizing.minSamples) !== null;
}

/**
 * Size one server as a VM. `targetHostGhz` is the clock of the hosts it will run on: needed
 * with sizing.cpuNormalisation = clock (method §3.4), and the per-core clock of CPU demand in
 * MHz when the server's own clock is not known (method §3.7).
 */
export function sizeServer(
  server: InventoryServer,
  usage: ServerUsage | null,
  settings: ProjectSettings,
  targetHostGhz?: number,
  ctx: SizeContext = {},
): SizeServerResult {
  const allocation = allocationBasis(usage, settings, ctx);
  const { sizing, cpu, memory, clockMissing } = allocation
    ? { ...sizeFromAllocation(server, settings, clockScale(server, settings, targetHostGhz)), clockMissing: false }
    : sizeResources(server, usage, settings, targetHostGhz, ctx.shared);
  const vm: SizedVm = {
    name: server.vmName,
    sourceServer: server.name,
    vcpu: sizing.cpu?.result ?? 0,
    memoryGb: sizing.memory?.result ?? 0,
    diskGb: sizing.disk?.result ?? 0,
    // vNICs = physical NICs (method §3.3: Web and VPN keep two "for operational reasons");
    // one when the inventory does not say (a VM needs a network to be reached).
    nics: server.nics ?? 1,
    networkMBps: sizing.network?.result ?? 0,
    reasons: [],
    haPriority: server.haPriority,
    os: server.os,
    osBits: server.osBits,
    sizing,
  };
  const target = ctx.target ?? largestTargetHost(settings, null);
  vm.reasons = exclusionReasons(server, usage, settings, vm, { cpu, memory, allocation, clockMissing }, target);
  return { vm, excluded: vm.reasons.length > 0 };
}
