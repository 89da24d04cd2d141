// What libvirt domain a planned VM becomes (method §8): the decisions, as plain
// data, before any XML. domain-xml.ts renders it.
import type { ProvisionSettings } from '../domain/project.ts';
import type { HaPriority } from '../domain/server.ts';
import type { PlanVm } from '../domain/plan.ts';
import type { OsInfoDb } from '../domain/osinfo.ts';
import { guestDevices, type DiskBus, type GuestDevices, type GuestFamily, type NicModel } from './guest-policy.ts';
import { slug } from './names.ts';
import { vmMac, vmUuid } from './uuid.ts';

export interface VcpuTopology {
  sockets: number;
  cores: number;
  threads: number;
}

export interface DomainSpec {
  name: string;
  uuid: string;
  description: string;
  memoryMib: number;
  vcpu: number;
  topology: VcpuTopology;
  family: GuestFamily;
  machine: GuestDevices['machine'];
  firmware: GuestDevices['firmware'];
  /** Guest agent channel, memballoon, rng (a guest with virtio drivers). */
  paravirt: boolean;
  /** CPU: libvirt's host-model, or a named model every host offers; null: none written (RHEV 2.2 policy). */
  cpu: { mode: 'host-model' } | { mode: 'custom'; model: string } | null;
  /** Hyper-V enlightenments for a Windows guest (osinfo policy). */
  hyperv: boolean;
  osinfo: GuestDevices['osinfo'];
  /** Windows keeps its clock in local time, everything else in UTC (libvirt formatdomain "Time keeping"). */
  clockOffset: 'localtime' | 'utc';
  disk: { pool: string; volume: string; format: 'raw' | 'qcow2'; bus: DiskBus; dev: string; capacityGb: number };
  /** ISO attached as CD-ROM, booted after the disk (method §8: first device hard disk, attach CD). */
  cdromIso: string | null;
  nics: { network: string; model: NicModel; mac: string }[];
  graphics: 'vnc' | 'spice';
  highlyAvailable: boolean;
  metadata: {
    sourceServer: string;
    haPriority: HaPriority;
    host: string;
    os: string | null;
    project: string;
    planFormatVersion: number;
    planDigest: string;
  };
}

export interface DomainContext {
  project: string;
  host: string;
  planFormatVersion: number;
  planDigest: string;
  settings: ProvisionSettings;
  /** The OS database guest devices come from (osinfo policy). */
  osinfo: OsInfoDb;
  /** File-name slug of every VM of the plan, unique across it (names.ts uniqueSlugs). */
  slugs?: Map<string, string>;
}

/**
 * Split `vcpu` into sockets × cores: the most sockets ≤ maxSockets that divide vcpu evenly
 * (method §8: the source asks "total cores" and "CPU sockets"; guest licences often count sockets,
 * so the default of 1 socket puts every vCPU on one socket). E.g. 6 vCPU, max 4 → 3 × 2.
 */
export function vcpuTopology(vcpu: number, maxSockets: number): VcpuTopology {
  for (let sockets = Math.min(maxSockets, vcpu); sockets > 1; sockets--) {
    if (vcpu % sockets === 0) return { sockets, cores: vcpu / sockets, threads: 1 };
  }
  return { sockets: 1, cores: vcpu, threads: 1 };
}

/** Disk device name: virtio disks are vdX, SATA sdX, IDE hdX (the CD-ROM takes hdc or sdb). */
function diskDev(bus: DiskBus): string {
  return bus === 'virtio' ? 'vda' : bus === 'sata' ? 'sda' : 'hda';
}

function volumeName(fileSlug: string, format: 'raw' | 'qcow2'): string {
  return `${fileSlug}-system.${format === 'raw' ? 'img' : 'qcow2'}`;
}

export function domainSpec(vm: PlanVm, ctx: DomainContext): DomainSpec {
  const s = ctx.settings;
  const devices = guestDevices(vm.os, s, ctx.osinfo);
  const osinfoPolicy = s.guestPolicy === 'osinfo';
  // Method §8: pre-allocated (raw) for server VMs, thin (qcow2) required for templates.
  const format = s.templateVms.includes(vm.name) ? 'qcow2' : s.diskFormat;
  const networks = s.nicNetworks;
  const nics = Array.from({ length: vm.nics }, (_, i) => ({
    network: networks[Math.min(i, networks.length - 1)]!,
    model: devices.nicModel,
    mac: vmMac(ctx.project, vm.name, i),
  }));
  return {
    name: vm.name,
    uuid: vmUuid(ctx.project, vm.name),
    description: `Consolidated from physical server ${vm.sourceServer} (capplan project ${ctx.project})`,
    memoryMib: Math.round(vm.memoryGb * 1024),
    vcpu: vm.vcpu,
    topology: vcpuTopology(vm.vcpu, s.vcpuSockets),
    family: devices.family,
    machine: devices.machine,
    firmware: devices.firmware,
    paravirt: devices.paravirt,
    cpu: !osinfoPolicy ? null : s.cpuModel ? { mode: 'custom', model: s.cpuModel } : { mode: 'host-model' },
    hyperv: osinfoPolicy && devices.family === 'windows',
    osinfo: devices.osinfo,
    clockOffset: devices.family === 'windows' ? 'localtime' : 'utc',
    disk: {
      pool: s.pool.name,
      volume: volumeName(ctx.slugs?.get(vm.name) ?? slug(vm.name), format),
      format,
      bus: devices.diskBus,
      dev: diskDev(devices.diskBus),
      capacityGb: vm.diskGb,
    },
    cdromIso: s.installIso,
    nics,
    graphics: s.graphics,
    highlyAvailable: s.autostartPriorities.includes(vm.haPriority),
    metadata: {
      sourceServer: vm.sourceServer,
      haPriority: vm.haPriority,
      host: ctx.host,
      os: vm.os,
      project: ctx.project,
      planFormatVersion: ctx.planFormatVersion,
      planDigest: ctx.planDigest,
    },
  };
}
