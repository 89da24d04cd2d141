// Host derivation (cluster.mode = derive; method §5.2; the example: §2.4): the smallest
// standard host that carries the VMs with N+k redundancy. The example: 16 vCPU and 31 GB on
// two nodes, N+1 → one survivor carries everything → 8 cores (2 × 4) at 2 GHz, 32 GB, 3 NICs.
import type { HostModel } from '../domain/catalog.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { ceilSafe, fmt } from './rounding.ts';
import { chooseCpuShape, chooseMemorySizeGb, coresOf, nextCpuShape, nextMemorySizeGb } from './host-shapes.ts';
import { hostRequirement, type HostDemandVm } from './host-requirement.ts';
import { hypervisorPartitions } from './partitions.ts';
import { hasVmOverhead, hostMemoryGb, vmOverheadText } from './vm-overhead.ts';

export type { HostDemandVm } from './host-requirement.ts';

/** A derived host model and, in words with numbers, why each figure is what it is. */
export type DerivedHost = HostModel & { derivation: string[] };

export type DeriveHostResult = { host: DerivedHost; reason: null } | { host: null; reason: Reason };

const fail = (message: string, figures: Reason['figures']): DeriveHostResult => ({
  host: null,
  reason: { code: 'exceeds-host-capacity', message, figures },
});

/**
 * Clock of the derived host: cluster.minCpuGhz, else the slowest source server (method
 * §5.2: 2 GHz, the Xeon E5405s), so no VM runs on a slower core than it had.
 */
function chooseClock(
  sourceGhz: readonly (number | null)[],
  settings: ProjectSettings,
): { ghz: number; line: string } | null {
  if (settings.cluster.minCpuGhz !== null) {
    return { ghz: settings.cluster.minCpuGhz, line: `clock ${fmt(settings.cluster.minCpuGhz)} GHz: cluster.minCpuGhz` };
  }
  const known = sourceGhz.filter((g): g is number => g !== null);
  if (known.length === 0) return null;
  const slowest = Math.min(...known);
  const fastest = Math.max(...known);
  return {
    ghz: slowest,
    line:
      `clock ${fmt(slowest)} GHz: the slowest source server (sources run ${fmt(slowest)}–${fmt(fastest)} GHz; ` +
      `cluster.minCpuGhz not set)`,
  };
}

/** The fixed parts of a derived host, from the cluster settings (method §2.4–§2.5). */
function fixedParts(settings: ProjectSettings): {
  parts: Omit<HostModel, 'sockets' | 'coresPerSocket' | 'cpuGhz' | 'memoryGb'>;
  lines: string[];
} {
  const c = settings.cluster;
  const parts = {
    name: c.modelName,
    threadsPerCore: c.threadsPerCore,
    // method §2.4: two NICs bonded for storage + management (rhevm) and one for data (datos).
    nics: c.managementNics + c.dataNics,
    nicGbps: c.nicGbps,
    localDiskMb: c.localDiskMb,
    price: c.price,
    watts: c.watts,
    ...(c.cpuFamily !== null ? { cpuFamily: c.cpuFamily } : {}),
  };
  const lines = [
    `NICs: ${c.managementNics} bonded management/storage + ${c.dataNics} data = ${parts.nics} @ ${fmt(c.nicGbps)} Gbps`,
    `${c.threadsPerCore} threads per core, local disk ${c.localDiskMb} MB, price ${c.price}, ${c.watts} W: cluster ` +
      `settings`,
  ];
  return { parts, lines };
}

/** With local storage the VM disks a survivor carries must fit beside the hypervisor's partitions. */
function localDiskCheck(host: DerivedHost, diskGbPerHost: number, settings: ProjectSettings): DeriveHostResult {
  if (settings.cluster.storage === 'shared') {
    host.derivation.push('storage shared: VM disks live on the SAN and do not size the host (method §2.4)');
    return { host, reason: null };
  }
  const partitionsMb = hypervisorPartitions(host.memoryGb, host.localDiskMb, settings.partitions).totalMb;
  const neededMb = partitionsMb + diskGbPerHost * 1024;
  const line =
    `storage local: ${fmt(diskGbPerHost)} GB of VM disks + ${partitionsMb} MB hypervisor partitions ` +
    `= ${fmt(neededMb)} MB of ${host.localDiskMb} MB`;
  if (neededMb > host.localDiskMb)
    return fail(`${line}: does not fit; raise cluster.localDiskMb or add hosts`, {
      neededMb,
      localDiskMb: host.localDiskMb,
    });
  host.derivation.push(line);
  return { host, reason: null };
}

/** The per-VM overhead the memory figures include, when the profile charges one (method §5.1). */
function overheadLine(
  vms: readonly HostDemandVm[],
  onHost: readonly HostDemandVm[],
  settings: ProjectSettings,
): string[] {
  if (!hasVmOverhead(settings.hypervisor)) return [];
  const sum = (list: readonly HostDemandVm[]) => list.reduce((a, vm) => a + vm.memoryGb, 0);
  const overheadGb = sum(onHost) - sum(vms);
  return [
    `memory per VM includes the hypervisor's per-VM overhead (${vmOverheadText(settings.hypervisor)}): ` +
      `${fmt(overheadGb)} GB for ${vms.length} VMs`,
  ];
}

/** "16 vCPU / 2 vCPU per core = 8 cores", with ⌈…⌉ shown only when it rounds. */
function coresText(vcpu: number, vcpuPerCore: number, cores: number): string {
  const division = `${fmt(vcpu)} vCPU / ${vcpuPerCore} vCPU per core`;
  return vcpu / vcpuPerCore === cores ? `${division} = ${cores} cores` : `⌈${division}⌉ = ${cores} cores`;
}

/**
 * The smallest standard host for `vms` on `hostCount` hosts with N+k (k =
 * cluster.redundancy): cores from the vCPU a host must carry ÷ vcpuPerCore, shaped from
 * cluster.cpuShapes; memory = VM memory + reserve up to cluster.memorySizesGb; clock, NICs and
 * the rest from the settings. `sourceGhz` are the source servers' clocks. A reason (code
 * exceeds-host-capacity) when no standard shape within the hypervisor's limits fits.
 */
export function deriveHost(
  vms: readonly HostDemandVm[],
  sourceGhz: readonly (number | null)[],
  settings: ProjectSettings,
  hostCount: number,
): DeriveHostResult {
  const { cluster: c, hypervisor: hv } = settings;
  // A VM takes its guest RAM plus the per-VM overhead from its host (method §5.1).
  const onHost = vms.map((vm) => ({ ...vm, memoryGb: hostMemoryGb(vm, hv) }));
  const need = hostRequirement(onHost, settings, hostCount);
  if ('reason' in need) return { host: null, reason: need.reason };
  const cores = ceilSafe(need.vcpu / c.vcpuPerCore);
  const shape = chooseCpuShape(cores, c, hv);
  if (!shape)
    return fail(
      `a host needs ${cores} cores (${fmt(need.vcpu)} vCPU at ${c.vcpuPerCore} per core); no standard CPU shape ` +
        `within ${hv.name}'s ${hv.maxHostCpus} CPUs per node: add hosts`,
      { cores, limit: hv.maxHostCpus },
    );
  const memoryNeedGb = need.memoryGb + hv.reserveMb / 1024;
  const memoryGb = chooseMemorySizeGb(memoryNeedGb, c, hv);
  if (memoryGb === null)
    return fail(
      `a host needs ${fmt(memoryNeedGb)} GB; no standard memory size within ${hv.name}'s ${hv.maxHostMemoryGb} GB ` +
        `per node: add hosts`,
      { memoryGb: memoryNeedGb, limitGb: hv.maxHostMemoryGb },
    );
  const clock = chooseClock(sourceGhz, settings);
  if (!clock) return fail('no source server has a CPU clock and cluster.minCpuGhz is not set', {});
  const { parts, lines } = fixedParts(settings);
  const host: DerivedHost = {
    ...parts,
    sockets: shape.sockets,
    coresPerSocket: shape.coresPerSocket,
    cpuGhz: clock.ghz,
    memoryGb,
    derivation: [
      need.vcpuLine,
      ...overheadLine(vms, onHost, settings),
      `${coresText(need.vcpu, c.vcpuPerCore, cores)} → ${shape.sockets} sockets × ${shape.coresPerSocket} cores ` +
        `(smallest standard shape with ≥ ${cores} cores; ${c.preferredSockets} sockets preferred)`,
      `${need.memoryLine} + ${fmt(hv.reserveMb / 1024)} GB (${fmt(hv.reserveMb)} MB) hypervisor reserve ` +
        `= ${fmt(memoryNeedGb)} GB → ${memoryGb} GB (next standard size)`,
      clock.line,
      ...lines,
    ],
  };
  return localDiskCheck(host, need.diskGb, settings);
}

/**
 * The next larger standard spec in one resource (cpu: next CPU shape; memory: next memory
 * size), or null when none is left within the hypervisor's limits. The pipeline calls it when
 * bin-packing whole VMs needs more than the ideal share deriveHost assumed.
 */
export function growHostSpec(
  spec: DerivedHost,
  resource: 'cpu' | 'memory',
  settings: ProjectSettings,
): DerivedHost | null {
  const { cluster: c, hypervisor: hv } = settings;
  if (resource === 'cpu') {
    const shape = nextCpuShape(spec, c, hv);
    if (!shape) return null;
    const line =
      `grown for packing: ${spec.sockets} × ${spec.coresPerSocket} → ${shape.sockets} sockets ` +
      `× ${shape.coresPerSocket} cores (${coresOf(shape)} cores)`;
    return {
      ...spec,
      sockets: shape.sockets,
      coresPerSocket: shape.coresPerSocket,
      derivation: [...spec.derivation, line],
    };
  }
  const memoryGb = nextMemorySizeGb(spec.memoryGb, c, hv);
  if (memoryGb === null) return null;
  const line = `grown for packing: memory ${spec.memoryGb} GB → ${memoryGb} GB (next standard size)`;
  return { ...spec, memoryGb, derivation: [...spec.derivation, line] };
}
