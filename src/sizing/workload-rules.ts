// Exclusion rules for servers that are virtual machines today (method §3.6, §4): powered-off VMs
// when the settings leave them out, and the "would monopolise a node" rule measured against the
// target host rather than the VM's own virtual hardware. Templates, SRM placeholders and agent
// VMs are not migratable (exclusion-rules.ts notMigratableReason).
import type { InventoryServer } from '../domain/server.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { figure } from './derivation-line.ts';
import { reasonOf } from './reason-step.ts';

/** Powered-off VMs, when allocation.poweredOff = exclude. */
export function poweredOffReason(server: InventoryServer, settings: ProjectSettings): Reason | null {
  if (settings.allocation.poweredOff !== 'exclude') return null;
  const state = server.origin?.powerState;
  if (state?.toLowerCase() !== 'poweredoff') return null;
  return reasonOf(
    'powered-off',
    { powerState: state },
    'powered-off',
    {},
    () => 'powered off in the export and allocation.poweredOff = exclude',
  );
}

/** The largest host a VM may land on: the biggest catalog model, else the biggest standard shape. */
export interface TargetHost {
  cores: number;
  memoryGb: number;
  label: string;
  /** The catalog model's name; null for the largest standard shape. */
  model: string | null;
}

export function largestTargetHost(
  settings: ProjectSettings,
  catalog: { sockets: number; coresPerSocket: number; memoryGb: number; name: string }[] | null,
): TargetHost {
  if (settings.cluster.mode === 'catalog' && catalog && catalog.length > 0) {
    const best = [...catalog].sort(
      (a, b) => b.sockets * b.coresPerSocket - a.sockets * a.coresPerSocket || b.memoryGb - a.memoryGb,
    )[0]!;
    return { cores: best.sockets * best.coresPerSocket, memoryGb: best.memoryGb, label: best.name, model: best.name };
  }
  const hv = settings.hypervisor;
  const cores = Math.max(
    1,
    ...settings.cluster.cpuShapes.map((s) => s.sockets * s.coresPerSocket).filter((c) => c <= hv.maxHostCpus),
  );
  const memoryGb = Math.max(1, ...settings.cluster.memorySizesGb.filter((m) => m <= hv.maxHostMemoryGb));
  return { cores, memoryGb, label: standardLabel(cores, memoryGb), model: null };
}

function standardLabel(cores: number, memoryGb: number): string {
  return `the largest standard host (${cores} cores, ${memoryGb} GB)`;
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
    return reasonOf(
      'source-utilisation-above-threshold',
      { resource: 'cpu', busyCores, hostCores: target.cores, thresholdPct },
      'cpu-host-share',
      { ...hostParams(target), busyCores: figure(busyCores), limitCores: figure(limitCores), thresholdPct },
      (p) =>
        `CPU ${p.busyCores} busy cores is above ${p.thresholdPct} % of ${hostLabel(p)} ` +
        `(${p.limitCores} of ${p.hostCores} cores); it would monopolise a node`,
    );
  }
  const limitMb = (target.memoryGb * 1024 * thresholdPct) / 100;
  if (memoryMb !== null && memoryMb > limitMb) {
    return reasonOf(
      'source-utilisation-above-threshold',
      { resource: 'memory', memoryMb, hostMemoryGb: target.memoryGb, thresholdPct },
      'memory-host-share',
      { ...hostParams(target), memoryMb: figure(memoryMb), limitMb: figure(limitMb), thresholdPct },
      (p) =>
        `memory ${p.memoryMb} MB is above ${p.thresholdPct} % of ${hostLabel(p)} ` +
        `(${p.limitMb} of ${p.hostMemoryGb * 1024} MB); it would monopolise a node`,
    );
  }
  return null;
}

/** The target host as a step's figures: its model, or null for the largest standard shape. */
function hostParams(target: TargetHost) {
  return { model: target.model, hostCores: target.cores, hostMemoryGb: target.memoryGb };
}

function hostLabel(p: ReturnType<typeof hostParams>): string {
  return p.model ?? standardLabel(p.hostCores, p.hostMemoryGb);
}
