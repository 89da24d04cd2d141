// Servers that are hard to consolidate (method §4, with the MAP Toolkit groups, and the
// per-VM limits of method §3.5). One function per rule: each returns a Reason with the
// numbers behind it, or null when the rule does not apply.
import type { InventoryServer, MetricName, ServerUsage } from '../domain/server.ts';
import type { HypervisorSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { fmt } from './rounding.ts';

/** More vCPU than the hypervisor allows per VM (method §3.5: RHEV 2.2, 16 vCPU). */
export function vcpuLimitReason(vcpu: number, hv: HypervisorSettings): Reason | null {
  if (vcpu <= hv.maxVcpuPerVm) return null;
  return {
    code: 'exceeds-vcpu-limit',
    message: `needs ${vcpu} vCPU; ${hv.name} allows ${hv.maxVcpuPerVm} per VM`,
    figures: { vcpu, limit: hv.maxVcpuPerVm },
  };
}

/** Memory above the 64-bit guest limit (method §3.5: 256 GB). Unknown bitness gets this limit. */
export function memoryLimitReason(memoryGb: number, osBits: 32 | 64 | null, hv: HypervisorSettings): Reason | null {
  if (osBits === 32 || memoryGb <= hv.maxMemoryGb64) return null;
  return {
    code: 'exceeds-memory-limit',
    message: `needs ${memoryGb} GB of memory; ${hv.name} allows ${hv.maxMemoryGb64} GB per 64-bit VM`,
    figures: { memoryGb, limitGb: hv.maxMemoryGb64 },
  };
}

/** A 32-bit guest needing more than the 32-bit limit (method §3.5: 4 GB). */
export function guest32BitMemoryReason(
  memoryGb: number,
  osBits: 32 | 64 | null,
  hv: HypervisorSettings,
): Reason | null {
  if (osBits !== 32 || memoryGb <= hv.maxMemoryGb32) return null;
  return {
    code: 'guest-32bit-memory',
    message: `32-bit guest needs ${memoryGb} GB of memory; ${hv.name} allows ${hv.maxMemoryGb32} GB per 32-bit VM`,
    figures: { memoryGb, limitGb: hv.maxMemoryGb32 },
  };
}

/** More vNICs than the hypervisor allows per VM (method §3.5: 8). */
export function nicLimitReason(nics: number, hv: HypervisorSettings): Reason | null {
  if (nics <= hv.maxNicsPerVm) return null;
  return {
    code: 'exceeds-nic-limit',
    message: `needs ${nics} vNICs; ${hv.name} allows ${hv.maxNicsPerVm} per VM`,
    figures: { nics, limit: hv.maxNicsPerVm },
  };
}

/**
 * Measured CPU above the threshold (method §4: a server using more than 85 % of its
 * hardware would monopolise a node). `measuredPct` is the statistic before peak and growth.
 */
export function cpuUtilisationReason(measuredPct: number, statistic: string, thresholdPct: number): Reason | null {
  if (measuredPct <= thresholdPct) return null;
  return {
    code: 'source-utilisation-above-threshold',
    message:
      `CPU ${statistic} ${fmt(measuredPct)} % of its own hardware is above the ${thresholdPct} % threshold; ` +
      `it would monopolise a node`,
    figures: { resource: 'cpu', measuredPct, thresholdPct },
  };
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
  return {
    code: 'source-utilisation-above-threshold',
    message:
      `memory ${statistic} ${fmt(measuredMb)} MB of ${fmt(installedMb)} MB installed = ${fmt(usedPct)} %, ` +
      `above the ${thresholdPct} % threshold; it would monopolise a node`,
    figures: { resource: 'memory', measuredMb, installedMb, usedPct, thresholdPct },
  };
}

/** Atypical hardware that cannot follow the server into a VM as is (method §4). */
export function specialHardwareReason(server: Pick<InventoryServer, 'specialHardware'>): Reason | null {
  if (server.specialHardware.length === 0) return null;
  const list = server.specialHardware.join(', ');
  return {
    code: 'special-hardware',
    message:
      `needs special hardware (${list}); USB can go over IP with an extra product, serial/modem/fax boards ` +
      `cannot be virtualised as is`,
    figures: { hardware: list },
  };
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
  const why = (kind: string, message: string): Reason => ({
    code: 'not-migratable',
    message,
    figures: { kind },
  });
  const role = server.origin?.role;
  if (server.vmware?.template || role === 'template')
    return why('template', 'a VMware template, not a running server: nothing to migrate');
  if (role === 'srm-placeholder')
    return why('srm-placeholder', 'an SRM placeholder (the protected VM runs at the other site): nothing to migrate');
  if (allocation.excludeAgentVms) {
    if (/^vCLS([-\s(]|$)/i.test(server.name))
      return why('vsphere-agent', 'a vSphere Cluster Services agent VM (vCLS): vSphere runs it for itself');
    if (role === 'agent')
      return why('vsphere-agent', 'a vSphere agent VM (ESX Agent Manager): vSphere recreates it, it does not migrate');
    if (server.os && /photon/i.test(server.os))
      return why('vsphere-agent', `a VMware appliance or agent VM (${server.os}): part of vSphere itself`);
  }
  const arch = [server.os, server.cpuModel].find((t) => t && FOREIGN_ARCH.test(t));
  if (arch) return why('architecture', `runs on another architecture (${arch}): x86_64 KVM cannot run it`);
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
  return {
    code: 'missing-inventory-data',
    message: `inventory has no ${missing.join(', ')} (${server.source.file} row ${server.source.row})`,
    figures: { fields: missing.join(', '), count: missing.length },
  };
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
    return {
      code: 'missing-performance-data',
      message: 'no monitoring data for this server',
      figures: { samples: 0, minSamples },
    };
  }
  if (usage.samples < minSamples) {
    return {
      code: 'missing-performance-data',
      message: `only ${usage.samples} monitoring samples; at least ${minSamples} are needed`,
      figures: { samples: usage.samples, minSamples },
    };
  }
  // The data-quality verdict (quality/assess-quality.ts) may judge the data too thin to size from.
  if (usage.quality && !usage.quality.sizable) {
    return {
      code: 'missing-performance-data',
      message:
        `monitoring data too thin to size from ` +
        `(quality ${usage.quality.score}/100: ${usage.quality.issues.join(', ')})`,
      figures: { samples: usage.samples, score: usage.quality.score },
    };
  }
  const absent = PERFORMANCE_METRICS.filter(([metric]) => (usage.metrics[metric]?.samples ?? 0) === 0).map(
    ([, column]) => column,
  );
  if (absent.length === 0) return null;
  return {
    code: 'missing-performance-data',
    message: `monitoring data has no ${absent.join(' and ')} samples`,
    figures: { metrics: absent.join(', '), samples: usage.samples },
  };
}
