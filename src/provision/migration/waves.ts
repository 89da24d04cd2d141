// The migration hand-off as data (method §13): per placed VM where it comes from (a vSphere
// VM, a disk image, a physical server) and where it goes (host, pool, networks, planned name
// and size), grouped into waves. Pure.
import type { Plan, PlanServer, PlanVm } from '../../domain/plan.ts';
import type { HaPriority } from '../../domain/server.ts';
import type { VmwareSource } from '../../domain/vmware-source.ts';
import type { ProvisionSettings } from '../../domain/project.ts';

export interface MigrationVm {
  name: string;
  sourceServer: string;
  host: string;
  method: 'vmware' | 'disk-image' | 'p2v';
  vmware: VmwareSource | null;
  application: string | null;
  haPriority: HaPriority;
  vcpu: number;
  memoryMib: number;
  diskGb: number;
  /** Planned network of each source NIC, in order (provision.nicNetworks, the last repeated). */
  networks: string[];
  autostart: boolean;
}

export interface Wave {
  number: number;
  haPriority: HaPriority;
  vms: MigrationVm[];
  diskGb: number;
}

function migrationVm(vm: PlanVm, server: PlanServer | undefined, s: ProvisionSettings): MigrationVm {
  const vmware = server?.vmware ?? null;
  const nics = Math.max(1, vm.nics);
  return {
    name: vm.name,
    sourceServer: vm.sourceServer,
    host: vm.host!,
    method: vmware ? 'vmware' : s.migration.nonVmware,
    vmware,
    application: server?.application ?? null,
    haPriority: vm.haPriority,
    vcpu: vm.vcpu,
    memoryMib: Math.round(vm.memoryGb * 1024),
    diskGb: vm.diskGb,
    networks: Array.from({ length: nics }, (_, i) => s.nicNetworks[Math.min(i, s.nicNetworks.length - 1)]!),
    autostart: s.autostartPriorities.includes(vm.haPriority),
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Waves (method §13): VMs move in the HA-priority order of provision.waves.priorityOrder
 * (least critical first, so the first waves are the pilots); the VMs of one application move
 * together (keepTogether), at the priority of its most critical VM; a wave holds at most
 * maxVms VMs and maxDiskGb GB of disk, and never mixes priorities. A group larger than a
 * wave's limits gets a wave of its own.
 */
export function migrationWaves(plan: Plan): Wave[] {
  const s = plan.settings.provision;
  const servers = new Map(plan.servers.map((sv) => [sv.name, sv]));
  const vms = plan.vms
    .filter((vm) => vm.status === 'placed' && vm.host !== null)
    .map((vm) => migrationVm(vm, servers.get(vm.sourceServer), s))
    .sort(byName);
  const groups = new Map<string, MigrationVm[]>();
  for (const vm of vms) {
    const key = s.waves.keepTogether === 'application' && vm.application ? `app:${vm.application}` : `vm:${vm.name}`;
    groups.set(key, [...(groups.get(key) ?? []), vm]);
  }
  const rank = (p: HaPriority) => s.waves.priorityOrder.indexOf(p);
  const ordered = [...groups.entries()]
    .map(([key, members]) => ({
      key,
      members,
      priority: members.map((m) => m.haPriority).sort((a, b) => rank(b) - rank(a))[0]!,
    }))
    .sort((a, b) => rank(a.priority) - rank(b.priority) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const waves: Wave[] = [];
  for (const g of ordered) {
    const gb = g.members.reduce((a, m) => a + m.diskGb, 0);
    const last = waves.at(-1);
    const fits =
      last !== undefined &&
      last.haPriority === g.priority &&
      (s.waves.maxVms === null || last.vms.length + g.members.length <= s.waves.maxVms) &&
      (s.waves.maxDiskGb === null || last.diskGb + gb <= s.waves.maxDiskGb);
    if (fits) {
      last.vms.push(...g.members);
      last.diskGb += gb;
    } else waves.push({ number: waves.length + 1, haPriority: g.priority, vms: [...g.members], diskGb: gb });
  }
  return waves;
}
