// Host capacity as the check measures it (the pipeline's own, sizing/host-capacity.ts, method §5.1:
// the worked example's 32 GB host carries 31.5 GB of VMs and 16 vCPU), and the load of a set of
// VMs against capacity × ceiling.
import type { ProjectSettings } from '../domain/project.ts';
import { hostCapacity, placementResources } from '../sizing/host-capacity.ts';
import type { ProposalHostModel } from '../domain/proposal.ts';
import type { CheckResource, Headroom, VmFigures } from './report-model.ts';
import { round2 } from '../util/round.ts';
import { exceeds } from '../util/tolerance.ts';

/** Settings sections capacity depends on. */
export type CapacitySettings = Pick<ProjectSettings, 'cluster' | 'hypervisor'>;

export type Capacity = Partial<Record<CheckResource, number>>;

/** Capacity of the resources placement constrains (disk only with local storage). */
export function modelCapacity(model: ProposalHostModel, settings: ProjectSettings, partitionsTotalMb = 0): Capacity {
  const all = hostCapacity(model, settings, partitionsTotalMb);
  return Object.fromEntries(placementResources(settings).map((r) => [r, all[r]]));
}

/** Ceiling per resource in normal operation (method §6.1: CPU at most 75 %). */
export function normalCeilings(settings: CapacitySettings): Capacity {
  return { vcpu: settings.cluster.cpuCeilingPct, memoryGb: settings.cluster.memoryCeilingPct, diskGb: 100 };
}

/** Ceiling per resource on a survivor after a failure. */
export function failoverCeilings(settings: CapacitySettings): Capacity {
  const c = settings.cluster.failoverCeilingPct;
  return { vcpu: c, memoryGb: c, diskGb: c };
}

export function sumFigures(vms: VmFigures[]): VmFigures {
  const total: VmFigures = { vcpu: 0, memoryGb: 0, diskGb: 0, networkMBps: 0 };
  for (const vm of vms) for (const r of Object.keys(total) as (keyof VmFigures)[]) total[r] += vm[r];
  return total;
}

/** Headroom of each constrained resource: capacity × ceiling − load. */
export function headroom(load: VmFigures, capacity: Capacity, ceilings: Capacity): Headroom[] {
  return (Object.keys(capacity) as CheckResource[]).map((resource) => {
    const cap = capacity[resource] ?? 0;
    const ceilingPct = ceilings[resource] ?? 100;
    const available = (cap * ceilingPct) / 100;
    return {
      resource,
      load: round2(load[resource]),
      available: round2(available),
      capacity: round2(cap),
      ceilingPct,
      headroom: round2(available - load[resource]),
      usedPct: cap > 0 ? round2((load[resource] / cap) * 100) : 0,
    };
  });
}

/** Does `vm` fit on a host already carrying `load`? (tolerates float noise) */
export function fits(load: VmFigures, vm: VmFigures, capacity: Capacity, ceilings: Capacity): boolean {
  return (Object.keys(capacity) as CheckResource[]).every(
    (r) => !exceeds(load[r] + vm[r], ((capacity[r] ?? 0) * (ceilings[r] ?? 100)) / 100),
  );
}

/** Smallest relative headroom across resources (1 = empty host): how "free" a host is. */
export function freeFraction(load: VmFigures, capacity: Capacity, ceilings: Capacity): number {
  let free = Infinity;
  for (const r of Object.keys(capacity) as CheckResource[]) {
    const available = ((capacity[r] ?? 0) * (ceilings[r] ?? 100)) / 100;
    free = Math.min(free, available > 0 ? (available - load[r]) / available : -Infinity);
  }
  return free;
}

/** Human unit of a resource, for messages. */
export function unitOf(resource: string): string {
  return resource === 'vcpu'
    ? 'vCPU'
    : resource === 'networkMBps'
      ? 'MB/s'
      : resource === 'memoryGb' || resource === 'diskGb'
        ? 'GB'
        : '';
}

export function resourceLabel(resource: string): string {
  return { vcpu: 'CPU', memoryGb: 'memory', diskGb: 'disk', networkMBps: 'network' }[resource] ?? resource;
}
