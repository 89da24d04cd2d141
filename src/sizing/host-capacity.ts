// How a host model becomes placement capacity, and how loads become percentages.
// vCPU capacity = cores × vCPU-per-core (method §5.1: 8 cores at 2:1 carry 16 vCPU);
// memory capacity = (RAM − hypervisor reserve) × overcommit (method §5.1: 512 MB reserved;
// KSM overcommit is a setting, 1 = none).
import type { ProjectSettings } from '../domain/project.ts';
import type { HostModel } from '../domain/catalog.ts';
import type { HostModelCapacity } from '../domain/problem.ts';

export type PlacementResource = 'vcpu' | 'memoryGb' | 'diskGb';

export interface HostCapacity {
  vcpu: number;
  memoryGb: number;
  diskGb: number;
}

export function hostCapacity(model: HostModel, settings: ProjectSettings, partitionsTotalMb = 0): HostCapacity {
  const cores = model.sockets * model.coresPerSocket;
  return {
    vcpu: cores * settings.cluster.vcpuPerCore,
    memoryGb: (model.memoryGb - settings.hypervisor.reserveMb / 1024) * settings.cluster.memoryOvercommit,
    diskGb: Math.max(0, (model.localDiskMb - partitionsTotalMb) / 1024),
  };
}

/** Resources the placement constrains: disk only when VM disks are on local storage. */
export function placementResources(settings: ProjectSettings): PlacementResource[] {
  return settings.cluster.storage === 'local' ? ['vcpu', 'memoryGb', 'diskGb'] : ['vcpu', 'memoryGb'];
}

export function toPlacementModel(
  model: HostModel,
  settings: ProjectSettings,
  partitionsTotalMb: number,
): HostModelCapacity {
  const cap = hostCapacity(model, settings, partitionsTotalMb);
  const capacity: Record<string, number> = {};
  for (const r of placementResources(settings)) capacity[r] = cap[r];
  return {
    name: model.name,
    capacity,
    cost: model.price,
    ...(model.cpuFamily ? { family: model.cpuFamily } : {}),
    // Physical cores, for licences counted per core (docs/placement.md, "Licence model").
    ...(model.sockets > 0 ? { sockets: model.sockets, coresPerSocket: model.coresPerSocket } : {}),
  };
}
