// Host derivation (cluster.mode = derive; method §5.2; the example: §2.4): the smallest
// standard host that carries the VMs with N+k redundancy. The example: 16 vCPU and 31 GB on
// two nodes, N+1 → one survivor carries everything → 8 cores (2 × 4) at 2 GHz, 32 GB, 3 NICs.
import type { HostModel } from '../domain/catalog.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { DerivationStep, Reason } from '../domain/plan.ts';
import { ceilSafe } from './rounding.ts';
import {
  derivationLine,
  derivationOf,
  figure,
  withLine,
  type Derivation,
  type DerivationLine,
} from './derivation-line.ts';
import { chooseCpuShape, chooseMemorySizeGb, coresOf, nextCpuShape, nextMemorySizeGb } from './host-shapes.ts';
import { hostRequirement, type HostDemandVm } from './host-requirement.ts';
import { memoryLine, overheadLine, shapeLine } from './host-lines.ts';
import { hypervisorPartitions } from './partitions.ts';
import { hostMemoryGb } from './vm-overhead.ts';
import { maxOf, minOf } from '../util/extent.ts';

export type { HostDemandVm } from './host-requirement.ts';

/** A derived host model and, in words with numbers, why each figure is what it is. */
export type DerivedHost = HostModel & Derivation;

export type DeriveHostResult =
  | { host: DerivedHost; reason: null }
  | { host: null; reason: Reason; step: DerivationStep };

const fail = (line: DerivationLine, figures: Reason['figures']): DeriveHostResult => ({
  host: null,
  reason: { code: 'exceeds-host-capacity', message: line.text, figures },
  step: line.step,
});

/**
 * Clock of the derived host: cluster.minCpuGhz, else the slowest source server (method
 * §5.2: 2 GHz, the Xeon E5405s), so no VM runs on a slower core than it had.
 */
function chooseClock(
  sourceGhz: readonly (number | null)[],
  settings: ProjectSettings,
): { ghz: number; line: DerivationLine } | null {
  const set = settings.cluster.minCpuGhz;
  if (set !== null) {
    const line = derivationLine('clock-setting', { ghz: figure(set) }, (p) => `clock ${p.ghz} GHz: cluster.minCpuGhz`);
    return { ghz: set, line };
  }
  const known = sourceGhz.filter((g): g is number => g !== null);
  if (known.length === 0) return null;
  const slowest = minOf(known);
  const params = { ghz: figure(slowest), fastest: figure(maxOf(known)) };
  const line = derivationLine(
    'clock-slowest-source',
    params,
    (p) =>
      `clock ${p.ghz} GHz: the slowest source server (sources run ${p.ghz}–${p.fastest} GHz; ` +
      `cluster.minCpuGhz not set)`,
  );
  return { ghz: slowest, line };
}

/** The fixed parts of a derived host, from the cluster settings (method §2.4–§2.5). */
function fixedParts(settings: ProjectSettings): {
  parts: Omit<HostModel, 'sockets' | 'coresPerSocket' | 'cpuGhz' | 'memoryGb'>;
  lines: DerivationLine[];
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
  const nics = { management: c.managementNics, data: c.dataNics, nics: parts.nics, gbps: figure(c.nicGbps) };
  const rest = { threads: c.threadsPerCore, localDiskMb: c.localDiskMb, price: c.price, watts: c.watts };
  const lines = [
    derivationLine(
      'nics',
      nics,
      (p) => `NICs: ${p.management} bonded management/storage + ${p.data} data = ${p.nics} @ ${p.gbps} Gbps`,
    ),
    derivationLine(
      'cluster-settings',
      rest,
      (p) =>
        `${p.threads} threads per core, local disk ${p.localDiskMb} MB, price ${p.price}, ${p.watts} W: cluster ` +
        'settings',
    ),
  ];
  return { parts, lines };
}

/** With local storage the VM disks a survivor carries must fit beside the hypervisor's partitions. */
function localDiskCheck(host: DerivedHost, diskGbPerHost: number, settings: ProjectSettings): DeriveHostResult {
  if (settings.cluster.storage === 'shared') {
    const line = derivationLine(
      'storage-shared',
      {},
      () => 'storage shared: VM disks live on the SAN and do not size the host (method §2.4)',
    );
    return { host: withLine(host, line), reason: null };
  }
  const partitionsMb = hypervisorPartitions(host.memoryGb, host.localDiskMb, settings.partitions).totalMb;
  const neededMb = partitionsMb + diskGbPerHost * 1024;
  const params = {
    diskGb: figure(diskGbPerHost),
    partitionsMb,
    neededMb: figure(neededMb),
    localDiskMb: host.localDiskMb,
  };
  const text = (p: typeof params) =>
    `storage local: ${p.diskGb} GB of VM disks + ${p.partitionsMb} MB hypervisor partitions ` +
    `= ${p.neededMb} MB of ${p.localDiskMb} MB`;
  if (neededMb > host.localDiskMb)
    return fail(
      derivationLine(
        'storage-local-too-small',
        params,
        (p) => `${text(p)}: does not fit; raise cluster.localDiskMb or add hosts`,
      ),
      { neededMb, localDiskMb: host.localDiskMb },
    );
  return { host: withLine(host, derivationLine('storage-local', params, text)), reason: null };
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
  // A VM takes its guest RAM plus the per-VM overhead from its host (method §5.1). The three
  // figures only, not a copy of the whole VM: the host search derives a spec some twenty
  // times, each over every VM.
  const onHost = vms.map((vm) => ({ vcpu: vm.vcpu, memoryGb: hostMemoryGb(vm, hv), diskGb: vm.diskGb }));
  const need = hostRequirement(onHost, settings, hostCount);
  if ('reason' in need) return { host: null, ...need };
  const cores = ceilSafe(need.vcpu / c.vcpuPerCore);
  const shape = chooseCpuShape(cores, c, hv);
  if (!shape) {
    const params = { cores, vcpu: figure(need.vcpu), vcpuPerCore: c.vcpuPerCore, hypervisor: hv.name };
    const line = derivationLine(
      'no-cpu-shape',
      { ...params, maxCpus: hv.maxHostCpus },
      (p) =>
        `a host needs ${p.cores} cores (${p.vcpu} vCPU at ${p.vcpuPerCore} per core); no standard CPU shape ` +
        `within ${p.hypervisor}'s ${p.maxCpus} CPUs per node: add hosts`,
    );
    return fail(line, { cores, limit: hv.maxHostCpus });
  }
  const memoryNeedGb = need.memoryGb + hv.reserveMb / 1024;
  const memoryGb = chooseMemorySizeGb(memoryNeedGb, c, hv);
  if (memoryGb === null) {
    const line = derivationLine(
      'no-memory-size',
      { memoryGb: figure(memoryNeedGb), hypervisor: hv.name, maxGb: hv.maxHostMemoryGb },
      (p) =>
        `a host needs ${p.memoryGb} GB; no standard memory size within ${p.hypervisor}'s ${p.maxGb} GB ` +
        'per node: add hosts',
    );
    return fail(line, { memoryGb: memoryNeedGb, limitGb: hv.maxHostMemoryGb });
  }
  const clock = chooseClock(sourceGhz, settings);
  if (!clock)
    return fail(
      derivationLine('no-clock', {}, () => 'no source server has a CPU clock and cluster.minCpuGhz is not set'),
      {},
    );
  const { parts, lines } = fixedParts(settings);
  const host: DerivedHost = {
    ...parts,
    sockets: shape.sockets,
    coresPerSocket: shape.coresPerSocket,
    cpuGhz: clock.ghz,
    memoryGb,
    ...derivationOf([
      need.vcpuLine,
      ...overheadLine(vms, onHost, settings),
      shapeLine(need.vcpu, cores, shape, c),
      memoryLine(need.memory, hv.reserveMb, figure(memoryNeedGb), memoryGb),
      clock.line,
      ...lines,
    ]),
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
    const params = {
      fromSockets: spec.sockets,
      fromCoresPerSocket: spec.coresPerSocket,
      sockets: shape.sockets,
      coresPerSocket: shape.coresPerSocket,
      cores: coresOf(shape),
    };
    const line = derivationLine(
      'grown-cpu',
      params,
      (p) =>
        `grown for packing: ${p.fromSockets} × ${p.fromCoresPerSocket} → ${p.sockets} sockets ` +
        `× ${p.coresPerSocket} cores (${p.cores} cores)`,
    );
    return withLine({ ...spec, sockets: shape.sockets, coresPerSocket: shape.coresPerSocket }, line);
  }
  const memoryGb = nextMemorySizeGb(spec.memoryGb, c, hv);
  if (memoryGb === null) return null;
  const line = derivationLine(
    'grown-memory',
    { fromGb: spec.memoryGb, memoryGb },
    (p) => `grown for packing: memory ${p.fromGb} GB → ${p.memoryGb} GB (next standard size)`,
  );
  return withLine({ ...spec, memoryGb }, line);
}
