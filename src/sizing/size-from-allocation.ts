// Sizing a VM without monitoring, from what its inventory export says (method §3.6): the
// utilisation the export recorded (RVTools vCPU Overall / Max MHz, vMemory Consumed or Active,
// storage in use) where it has it and the VM was running, else the allocation (configured vCPU,
// memory, provisioned disk). Recorded figures get the configured peak factor and growth like
// measured ones (method §3.2); allocated figures are the VM's size today and are kept as they are.
import type { InventoryServer } from '../domain/server.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { PlanVm, ResourceSizing } from '../domain/plan.ts';
import type { RecordedUsage } from '../domain/server-origin.ts';
import { applyPeakAndGrowth, type Demand } from './demand.ts';
import { sizeDiskGb, sizeMemoryGb, sizeVcpu, type ClockScale } from './size-vm.ts';
import { figure } from './derivation-line.ts';
import { formulaOf, ledBy, withFormula, type Formula } from './formula-step.ts';
import { ceilSafe } from './rounding.ts';

type Sizing = PlanVm['sizing'];

export interface AllocationSizing {
  sizing: Sizing;
  /** CPU demand in % of the VM's vCPUs and memory demand in MB, for the utilisation rules. */
  cpu: Demand | null;
  memory: Demand | null;
}

function demand(statistic: string, measured: number, peakFactor: number, growth: number): Demand {
  return { statistic, measured, peakFactor, growth, demand: applyPeakAndGrowth(measured, peakFactor, growth) };
}

/** A figure taken as it is (allocation): no peak, no growth, no rounding beyond the unit's. */
function asIs(statistic: string, measured: number, result: number, formula: Formula): ResourceSizing {
  return withFormula({ statistic, measured, peakFactor: 1, growth: 0, demand: measured, result }, formula);
}

/** Why a VM's vCPU are its allocation, as the formula says it. */
const ALLOCATED_CPU = {
  allocated: 'allocated',
  'powered-off': 'allocated (powered off: nothing recorded)',
  'not-recorded': 'allocated (no CPU use recorded)',
} as const;

/** Recorded figures only count for a running VM: a powered-off VM records 0 MHz and 0 MB. */
function running(server: InventoryServer): RecordedUsage | null {
  const o = server.origin;
  if (!o?.recorded) return null;
  return (o.powerState ?? 'poweredOn').toLowerCase() === 'poweredon' ? o.recorded : null;
}

/**
 * vCPU from recorded MHz: CPU % = Overall / Max × 100 (Max = vCPUs × host clock), then the
 * rule of method §3.3 over the configured vCPUs, e.g. 3 vCPU, 91 of 9180 MHz = 0.99 % → 1 vCPU.
 */
function cpuSizing(server: InventoryServer, settings: ProjectSettings, clock: ClockScale | undefined) {
  const s = settings.sizing;
  const vcpus =
    server.sockets !== null && server.coresPerSocket !== null ? server.sockets * server.coresPerSocket : null;
  if (vcpus === null) return { sized: undefined, d: null };
  const rec = running(server);
  if (settings.allocation.cpu === 'recorded' && rec?.cpuUsedMhz != null && rec.cpuMaxMhz) {
    const pctUsed = (rec.cpuUsedMhz / rec.cpuMaxMhz) * 100;
    const d = demand('recorded', pctUsed, s.peakFactor.cpu, s.growth.cpu);
    const sized = ledBy(
      sizeVcpu(d, vcpus, s.minVcpu, clock),
      'recorded-cpu',
      { usedMhz: figure(rec.cpuUsedMhz), maxMhz: figure(rec.cpuMaxMhz), pct: figure(pctUsed) },
      (p, inner) => `${p.usedMhz} of ${p.maxMhz} MHz recorded = ${p.pct} %; ${inner}`,
    );
    return { sized, d };
  }
  const off = server.origin?.recorded && !rec;
  const why: keyof typeof ALLOCATED_CPU =
    settings.allocation.cpu === 'allocated' ? 'allocated' : off ? 'powered-off' : 'not-recorded';
  const formula = formulaOf('allocated-cpu', { why, vcpu: vcpus }, (p) => `${ALLOCATED_CPU[p.why]}: ${p.vcpu} vCPU`);
  return { sized: asIs('allocated', vcpus, vcpus, formula), d: null };
}

function memorySizing(server: InventoryServer, settings: ProjectSettings) {
  const s = settings.sizing;
  if (server.memoryMb === null) return { sized: undefined, d: null };
  const rec = running(server);
  const mode = settings.allocation.memory;
  const recordedMb = mode === 'consumed' ? rec?.memoryConsumedMb : mode === 'active' ? rec?.memoryActiveMb : null;
  if (recordedMb != null && recordedMb > 0) {
    // Consumed includes the VM's overhead and may exceed its configured memory: the guest sees no more.
    const mb = Math.min(recordedMb, server.memoryMb);
    const d = demand(`recorded ${mode}`, mb, s.peakFactor.memory, s.growth.memory);
    const params = {
      recordedMb: figure(recordedMb),
      mode,
      configuredMb: mb < recordedMb ? figure(server.memoryMb) : null,
    };
    const sized = ledBy(sizeMemoryGb(d, s.memoryStepGb, s.minMemoryGb), 'recorded-memory', params, (p, inner) => {
      const capped = p.configuredMb === null ? '' : ` (capped at the ${p.configuredMb} MB configured)`;
      return `${p.recordedMb} MB ${p.mode} recorded${capped}; ${inner}`;
    });
    return { sized, d };
  }
  const gb = Math.max(ceilSafe(server.memoryMb / 1024), s.minMemoryGb);
  const formula = formulaOf(
    'allocated-memory',
    { memoryMb: figure(server.memoryMb), memoryGb: gb },
    (p) => `allocated: ⌈${p.memoryMb} MB / 1024⌉ = ${p.memoryGb} GB`,
  );
  return { sized: asIs('allocated', server.memoryMb, gb, formula), d: null };
}

function diskSizing(server: InventoryServer, settings: ProjectSettings): ResourceSizing | undefined {
  const s = settings.sizing;
  const used = settings.allocation.disk === 'in-use' ? server.origin?.recorded?.diskUsedGb : null;
  if (used != null && used > 0) {
    const sized = sizeDiskGb(demand('recorded in use', used, s.peakFactor.disk, s.growth.disk), s.diskStepGb);
    return ledBy(
      sized,
      'recorded-disk',
      { usedGb: figure(used) },
      (p, inner) => `${p.usedGb} GB in use recorded; ${inner}`,
    );
  }
  if (server.diskGb === null) return undefined;
  const sized = sizeDiskGb(demand('provisioned', server.diskGb, 1, 0), s.diskStepGb);
  return ledBy(
    sized,
    'provisioned-disk',
    { diskGb: figure(server.diskGb) },
    (p, inner) => `provisioned ${p.diskGb} GB: ${inner}`,
  );
}

export function sizeFromAllocation(
  server: InventoryServer,
  settings: ProjectSettings,
  clock: ClockScale | undefined,
): AllocationSizing {
  const cpu = cpuSizing(server, settings, clock);
  const memory = memorySizing(server, settings);
  const disk = diskSizing(server, settings);
  const recorded = [cpu.d, memory.d].some((d) => d !== null) || disk?.statistic === 'recorded in use';
  const sizing: Sizing = {
    ...(cpu.sized ? { cpu: cpu.sized } : {}),
    ...(memory.sized ? { memory: memory.sized } : {}),
    ...(disk ? { disk } : {}),
    basis: {
      kind: 'allocation',
      label: recorded ? 'allocation — no monitoring (recorded utilisation)' : 'allocation — no monitoring',
      recorded,
    },
  };
  return { sizing, cpu: cpu.d, memory: memory.d };
}
