// Servers that are hard to consolidate (method §4, with the MAP Toolkit groups, and the
// per-VM limits of method §3.5). One function per rule: each returns a Reason with the
// numbers behind it, or null when the rule does not apply.
import { hasCpuDemand, type InventoryServer, type MetricName, type ServerUsage } from '../domain/server.ts';
import type { HypervisorSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { figure } from './derivation-line.ts';
import { reasonOf } from './reason-step.ts';

/** More vCPU than the hypervisor allows per VM (method §3.5: RHEV 2.2, 16 vCPU). */
export function vcpuLimitReason(vcpu: number, hv: HypervisorSettings): Reason | null {
  if (vcpu <= hv.maxVcpuPerVm) return null;
  const figures = { vcpu, limit: hv.maxVcpuPerVm };
  return reasonOf(
    'exceeds-vcpu-limit',
    figures,
    'vcpu-limit',
    { ...figures, hypervisor: hv.name },
    (p) => `needs ${p.vcpu} vCPU; ${p.hypervisor} allows ${p.limit} per VM`,
  );
}

/** Memory above the 64-bit guest limit (method §3.5: 256 GB). Unknown bitness gets this limit. */
export function memoryLimitReason(memoryGb: number, osBits: 32 | 64 | null, hv: HypervisorSettings): Reason | null {
  if (osBits === 32 || memoryGb <= hv.maxMemoryGb64) return null;
  const figures = { memoryGb, limitGb: hv.maxMemoryGb64 };
  return reasonOf(
    'exceeds-memory-limit',
    figures,
    'memory-limit',
    { ...figures, hypervisor: hv.name },
    (p) => `needs ${p.memoryGb} GB of memory; ${p.hypervisor} allows ${p.limitGb} GB per 64-bit VM`,
  );
}

/** A 32-bit guest needing more than the 32-bit limit (method §3.5: 4 GB). */
export function guest32BitMemoryReason(
  memoryGb: number,
  osBits: 32 | 64 | null,
  hv: HypervisorSettings,
): Reason | null {
  if (osBits !== 32 || memoryGb <= hv.maxMemoryGb32) return null;
  const figures = { memoryGb, limitGb: hv.maxMemoryGb32 };
  return reasonOf(
    'guest-32bit-memory',
    figures,
    'guest-32bit-memory',
    { ...figures, hypervisor: hv.name },
    (p) => `32-bit guest needs ${p.memoryGb} GB of memory; ${p.hypervisor} allows ${p.limitGb} GB per 32-bit VM`,
  );
}

/** More vNICs than the hypervisor allows per VM (method §3.5: 8). */
export function nicLimitReason(nics: number, hv: HypervisorSettings): Reason | null {
  if (nics <= hv.maxNicsPerVm) return null;
  const figures = { nics, limit: hv.maxNicsPerVm };
  return reasonOf(
    'exceeds-nic-limit',
    figures,
    'nic-limit',
    { ...figures, hypervisor: hv.name },
    (p) => `needs ${p.nics} vNICs; ${p.hypervisor} allows ${p.limit} per VM`,
  );
}

/**
 * Measured CPU above the threshold (method §4: a server using more than 85 % of its
 * hardware would monopolise a node). `measuredPct` is the statistic before peak and growth.
 */
export function cpuUtilisationReason(measuredPct: number, statistic: string, thresholdPct: number): Reason | null {
  if (measuredPct <= thresholdPct) return null;
  return reasonOf(
    'source-utilisation-above-threshold',
    { resource: 'cpu', measuredPct, thresholdPct },
    'cpu-above-threshold',
    { statistic, measuredPct: figure(measuredPct), thresholdPct },
    (p) =>
      `CPU ${p.statistic} ${p.measuredPct} % of its own hardware is above the ${p.thresholdPct} % threshold; ` +
      `it would monopolise a node`,
  );
}

/** Measured memory used / installed above the threshold (method §4, as for CPU). */
export function memoryUtilisationReason(
  measuredMb: number,
  installedMb: number,
  statistic: string,
  thresholdPct: number,
): Reason | null {
  const usedPct = (measuredMb / installedMb) * 100;
  if (usedPct <= thresholdPct) return null;
  return reasonOf(
    'source-utilisation-above-threshold',
    { resource: 'memory', measuredMb, installedMb, usedPct, thresholdPct },
    'memory-above-threshold',
    {
      statistic,
      measuredMb: figure(measuredMb),
      installedMb: figure(installedMb),
      usedPct: figure(usedPct),
      thresholdPct,
    },
    (p) =>
      `memory ${p.statistic} ${p.measuredMb} MB of ${p.installedMb} MB installed = ${p.usedPct} %, ` +
      `above the ${p.thresholdPct} % threshold; it would monopolise a node`,
  );
}

/** Atypical hardware that cannot follow the server into a VM as is (method §4). */
export function specialHardwareReason(server: Pick<InventoryServer, 'specialHardware'>): Reason | null {
  if (server.specialHardware.length === 0) return null;
  const list = server.specialHardware.join(', ');
  return reasonOf(
    'special-hardware',
    { hardware: list },
    'special-hardware',
    { hardware: list },
    (p) =>
      `needs special hardware (${p.hardware}); USB can go over IP with an extra product, serial/modem/fax boards ` +
      `cannot be virtualised as is`,
  );
}

/**
 * Sources that are no KVM guest at all (method §4): a VMware template (a master image, not a
 * server), an SRM placeholder (the protected VM runs at the other site), a vSphere agent VM (vCLS,
 * the cluster services vSphere creates itself, or an ESX Agent Manager VM in the "ESX Agents"
 * folder) or a VMware appliance on Photon OS (vCenter, NSX: part of the platform being replaced),
 * and a server of another architecture (AIX/POWER, SPARC/Solaris, HP-UX/Itanium, IBM i, z/OS)
 * that x86_64 KVM cannot run — it needs a re-platforming project, not a conversion. Agent VMs
 * stay in when allocation.excludeAgentVms is false.
 */
const FOREIGN_ARCH = /\b(aix|power ?\d*|powerpc|ppc64|sparc|hp-ux|itanium|ia64|z\/os|os\/400|ibm i)\b/i;

export function notMigratableReason(
  server: InventoryServer,
  allocation: { excludeAgentVms: boolean } = { excludeAgentVms: true },
): Reason | null {
  const why = (kind: string, stepCode: string, english: (p: { source: string }) => string, source = ''): Reason =>
    reasonOf('not-migratable', { kind }, stepCode, { source }, english);
  const role = server.origin?.role;
  if (server.vmware?.template || role === 'template')
    return why('template', 'template', () => 'a VMware template, not a running server: nothing to migrate');
  if (role === 'srm-placeholder')
    return why(
      'srm-placeholder',
      'srm-placeholder',
      () => 'an SRM placeholder (the protected VM runs at the other site): nothing to migrate',
    );
  if (allocation.excludeAgentVms) {
    if (/^vCLS([-\s(]|$)/i.test(server.name))
      return why(
        'vsphere-agent',
        'vcls',
        () => 'a vSphere Cluster Services agent VM (vCLS): vSphere runs it for itself',
      );
    if (role === 'agent')
      return why(
        'vsphere-agent',
        'eam-agent',
        () => 'a vSphere agent VM (ESX Agent Manager): vSphere recreates it, it does not migrate',
      );
    if (server.os && /photon/i.test(server.os))
      return why(
        'vsphere-agent',
        'vmware-appliance',
        (p) => `a VMware appliance or agent VM (${p.source}): part of vSphere itself`,
        server.os,
      );
  }
  const arch = [server.os, server.cpuModel].find((t) => t && FOREIGN_ARCH.test(t));
  if (arch)
    return why(
      'architecture',
      'architecture',
      (p) => `runs on another architecture (${p.source}): x86_64 KVM cannot run it`,
      arch,
    );
  return null;
}

/**
 * Inventory columns whose absence is "missing inventory data" (docs/inputs.md), CSV names.
 * cpu_ghz only where a rule uses it (clock normalisation, method §3.4); nics never: a server
 * without a NIC count becomes a VM with one vNIC.
 */
const REQUIRED_INVENTORY: readonly [keyof InventoryServer, string][] = [
  ['os', 'os'],
  ['osBits', 'os_bits'],
  ['sockets', 'sockets'],
  ['coresPerSocket', 'cores_per_socket'],
  ['memoryMb', 'memory_mb'],
  ['diskGb', 'disk_gb'],
];

/** Inventory data the sizing needs but the client's inventory left empty (MAP fig. 2.12). */
export function missingInventoryReason(
  server: InventoryServer,
  needsClock = false,
  notNeeded: ReadonlySet<string> = new Set(),
): Reason | null {
  const required: readonly [keyof InventoryServer, string][] = needsClock
    ? [...REQUIRED_INVENTORY, ['cpuGhz', 'cpu_ghz']]
    : REQUIRED_INVENTORY;
  const missing = required
    .filter(([key, column]) => server[key] === null && !notNeeded.has(column))
    .map(([, column]) => column);
  if (missing.length === 0) return null;
  return reasonOf(
    'missing-inventory-data',
    { fields: missing.join(', '), count: missing.length },
    'missing-inventory',
    { fields: missing.join(', '), file: server.source.file, row: server.source.row },
    (p) => `inventory has no ${p.fields} (${p.file} row ${p.row})`,
  );
}

/** Metrics without which a VM cannot be sized, with their monitoring.csv column names. */
const PERFORMANCE_METRICS: readonly [MetricName, string][] = [
  ['cpuPct', 'cpu_pct'],
  ['memoryUsedMb', 'memory_used_mb'],
];

/**
 * No usable monitoring data (MAP fig. 2.12 "Missing Performance Data"): no usage, fewer
 * samples than minSamples, or no CPU or memory metric (both are needed to size the VM).
 */
export function missingPerformanceReason(usage: ServerUsage | null, minSamples: number): Reason | null {
  if (!usage || usage.samples === 0) {
    return reasonOf(
      'missing-performance-data',
      { samples: 0, minSamples },
      'no-monitoring',
      {},
      () => 'no monitoring data for this server',
    );
  }
  if (usage.samples < minSamples) {
    const figures = { samples: usage.samples, minSamples };
    return reasonOf(
      'missing-performance-data',
      figures,
      'too-few-samples',
      figures,
      (p) => `only ${p.samples} monitoring samples; at least ${p.minSamples} are needed`,
    );
  }
  // The data-quality verdict (quality/assess-quality.ts) may judge the data too thin to size from.
  if (usage.quality && !usage.quality.sizable) {
    return reasonOf(
      'missing-performance-data',
      { samples: usage.samples, score: usage.quality.score },
      'too-thin',
      { score: usage.quality.score, issues: usage.quality.issues.join(', ') },
      (p) => `monitoring data too thin to size from (quality ${p.score}/100: ${p.issues})`,
    );
  }
  // CPU demand in MHz stands for CPU % (method §3.7).
  const absent = PERFORMANCE_METRICS.filter(([metric]) =>
    metric === 'cpuPct' ? !hasCpuDemand(usage.metrics) : (usage.metrics[metric]?.samples ?? 0) === 0,
  ).map(([, column]) => column);
  if (absent.length === 0) return null;
  return reasonOf(
    'missing-performance-data',
    { metrics: absent.join(', '), samples: usage.samples },
    'missing-metrics',
    { metrics: absent },
    (p) => `monitoring data has no ${p.metrics.join(' and ')} samples`,
  );
}
