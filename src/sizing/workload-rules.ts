// Exclusion rules for servers that are virtual machines today (method §3.6, §4): powered-off VMs
// when the settings leave them out, and the "would monopolise a node" rule measured against the
// target host rather than the VM's own virtual hardware. Templates, SRM placeholders and agent
// VMs are not migratable (exclusion-rules.ts notMigratableReason).
import type { InventoryServer } from '../domain/server.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { fmt } from './rounding.ts';

/** Powered-off VMs, when allocation.poweredOff = exclude. */
export function poweredOffReason(server: InventoryServer, settings: ProjectSettings): Reason | null {
  if (settings.allocation.poweredOff !== 'exclude') return null;
  const state = server.origin?.powerState;
  if (state?.toLowerCase() !== 'poweredoff') return null;
  return {
    code: 'powered-off',
    message: 'powered off in the export and allocation.poweredOff = exclude',
    figures: { powerState: state },
  };
}

/** The largest host a VM may land on: the biggest catalog model, else the biggest standard shape. */
export interface TargetHost {
  cores: number;
  memoryGb: number;
  label: string;
}

export function largestTargetHost(
  settings: ProjectSettings,
  catalog: { sockets: number; coresPerSocket: number; memoryGb: number; name: string }[] | null,
): TargetHost {
  if (settings.cluster.mode === 'catalog' && catalog && catalog.length > 0) {
    const best = [...catalog].sort(
      (a, b) => b.sockets * b.coresPerSocket - a.sockets * a.coresPerSocket || b.memoryGb - a.memoryGb,
    )[0]!;
    return { cores: best.sockets * best.coresPerSocket, memoryGb: best.memoryGb, label: best.name };
  }
  const hv = settings.hypervisor;
  const cores = Math.max(
    1,
    ...settings.cluster.cpuShapes.map((s) => s.sockets * s.coresPerSocket).filter((c) => c <= hv.maxHostCpus),
  );
  const memoryGb = Math.max(1, ...settings.cluster.memorySizesGb.filter((m) => m <= hv.maxHostMemoryGb));
  return { cores, memoryGb, label: `the largest standard host (${cores} cores, ${memoryGb} GB)` };
}

/**
 * A VM busier than the threshold of the target host would monopolise a node (method §4 applied
 * to a VM, §3.6): CPU in busy cores = vCPUs × CPU % / 100 against the host's cores, memory
 * against the host's memory. A 2-vCPU VM at 100 % is 2 busy cores, far from 85 % of 56.
 */
export function vmHostShareReason(
  busyCores: number | null,
  memoryMb: number | null,
  target: TargetHost,
  thresholdPct: number,
): Reason | null {
  const limitCores = (target.cores * thresholdPct) / 100;
  if (busyCores !== null && busyCores > limitCores) {
    return {
      code: 'source-utilisation-above-threshold',
      message:
        `CPU ${fmt(busyCores)} busy cores is above ${thresholdPct} % of ${target.label} ` +
        `(${fmt(limitCores)} of ${target.cores} cores); it would monopolise a node`,
      figures: { resource: 'cpu', busyCores, hostCores: target.cores, thresholdPct },
    };
  }
  const limitMb = (target.memoryGb * 1024 * thresholdPct) / 100;
  if (memoryMb !== null && memoryMb > limitMb) {
    return {
      code: 'source-utilisation-above-threshold',
      message:
        `memory ${fmt(memoryMb)} MB is above ${thresholdPct} % of ${target.label} ` +
        `(${fmt(limitMb)} of ${target.memoryGb * 1024} MB); it would monopolise a node`,
      figures: { resource: 'memory', memoryMb, hostMemoryGb: target.memoryGb, thresholdPct },
    };
  }
  return null;
}
