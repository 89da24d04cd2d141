// Which virtual devices a guest OS gets (method §8). Two policies, chosen by the hypervisor
// profile (provision.guestPolicy): osinfo (below, osinfoDevices) and the seed's RHEV 2.2 rules
// (RHEV 2.2 Admin Guide p. 113):
// * NIC: "for Linux e1000 or Red Hat VirtIO, for Windows rtl8139 or VirtIO; VirtIO needs
//   drivers, available for Windows and for RHEL later than 4.8".
// * Disk: "IDE … Windows 2008 virtual machines need this type of disk"; VirtIO is
//   para-virtual and needs the same guest drivers.
// A fresh install cannot be assumed to carry the VirtIO drivers except on RHEL ≥ 4.8 (they
// are in its kernel), so: RHEL/CentOS ≥ 4.8 → virtio + virtio; other Linux → IDE + e1000;
// Windows → IDE + rtl8139; unknown OS → IDE + rtl8139 (the most widely supported pair).
import type { ProvisionSettings } from '../domain/project.ts';
import type { OsInfoDb, OsInfoEntry } from '../domain/osinfo.ts';
import { DEVICE } from './osinfo-devices.ts';
import { osCandidate, resolveShortId } from './os-match.ts';

export type DiskBus = 'virtio' | 'sata' | 'ide';
export type NicModel = 'virtio' | 'e1000e' | 'e1000' | 'rtl8139';
export type GuestFamily = 'windows' | 'linux-virtio' | 'linux' | 'unknown';

export interface GuestDevices {
  family: GuestFamily;
  diskBus: DiskBus;
  nicModel: NicModel;
  /** q35 or i440fx ('pc'); null: libvirt's default, as the RHEV 2.2 policy writes it. */
  machine: 'q35' | 'pc' | null;
  /** 'efi': UEFI firmware (libvirt picks OVMF); null: BIOS. */
  firmware: 'efi' | null;
  /** Guest agent channel, memballoon and rng, and the CPU mode: a guest with virtio drivers. */
  paravirt: boolean;
  /** The osinfo-db entry the devices come from (osinfo policy), and whether it was the fallback. */
  osinfo: { id: string; source: OsInfoDb['source'] } | null;
}

/** RHEL (or CentOS) version ≥ 4.8, the first with VirtIO drivers in the kernel (method §8). */
function isVirtioRhel(os: string): boolean {
  const m = /(red hat enterprise linux|rhel|centos)[^0-9]*(\d+)(?:\.(\d+))?/i.exec(os);
  if (!m) return false;
  const major = Number(m[2]);
  const minor = Number(m[3] ?? 0);
  return major > 4 || (major === 4 && minor >= 8);
}

function guestFamily(os: string | null): GuestFamily {
  if (!os) return 'unknown';
  if (/windows/i.test(os)) return 'windows';
  if (isVirtioRhel(os)) return 'linux-virtio';
  if (/linux|debian|ubuntu|suse|sles|centos|red hat|fedora/i.test(os)) return 'linux';
  return 'unknown';
}

const BY_FAMILY: Record<GuestFamily, { diskBus: DiskBus; nicModel: NicModel }> = {
  windows: { diskBus: 'ide', nicModel: 'rtl8139' },
  'linux-virtio': { diskBus: 'virtio', nicModel: 'virtio' },
  linux: { diskBus: 'ide', nicModel: 'e1000' },
  unknown: { diskBus: 'ide', nicModel: 'rtl8139' },
};

function rhevDevices(os: string | null): GuestDevices {
  const family = guestFamily(os);
  return { family, ...BY_FAMILY[family], machine: null, firmware: null, paravirt: false, osinfo: null };
}

/** An entry with what it inherits through derives-from (libosinfo's "complete" device list). */
function complete(entry: OsInfoEntry, db: OsInfoDb): OsInfoEntry {
  const byId = new Map(db.entries.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const devices = new Set<string>();
  const drivers = new Set<string>();
  let efi = false;
  let biosUnsupported = false;
  const queue = [entry];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    for (const d of e.devices) devices.add(d);
    for (const d of e.driverDevices) drivers.add(d);
    efi ||= e.firmware.efi;
    biosUnsupported ||= e.firmware.biosUnsupported;
    for (const id of e.derivesFrom) {
      const parent = byId.get(id);
      if (parent) queue.push(parent);
    }
  }
  return { ...entry, devices: [...devices], driverDevices: [...drivers], firmware: { efi, biosUnsupported } };
}

/**
 * Windows from Windows 7 / Server 2008 R2 (released 2009-07-22) has virtio drivers in
 * virtio-win, which virt-v2v installs while converting; Windows from Server 2016
 * (2016-09-26) is best run with UEFI (Secure Boot, virtualisation-based security).
 */
const VIRTIO_WIN_FROM = '2009-07-22';
const WINDOWS_UEFI_FROM = '2016-09-26';

/**
 * The osinfo policy (method §8): machine q35 when the OS runs on it (osinfo lists the q35
 * chipset, or it is a Windows with virtio drivers); virtio disk and NIC when osinfo lists them in-box or
 * drivers exist for them; otherwise SATA (q35) or IDE (i440fx) and e1000e, e1000 or rtl8139,
 * the first the OS supports; UEFI when the OS requires it (BIOS unsupported) or is a Windows
 * that prefers it. An OS string osinfo-db does not know gets the legacy devices.
 */
export function osinfoDevices(os: string | null, db: OsInfoDb): GuestDevices {
  const candidate = os ? osCandidate(os) : null;
  const found = candidate ? resolveShortId(candidate, db) : null;
  const legacy = rhevDevices(os);
  if (!found) return { ...legacy, diskBus: 'ide', nicModel: 'e1000', machine: 'pc', osinfo: null };
  const e = complete(found.entry, db);
  const has = (ids: readonly string[]) => ids.some((id) => e.devices.includes(id));
  const windows = e.family === 'winnt';
  const released = e.releaseDate ?? '';
  const drivers = (ids: readonly string[]) =>
    ids.some((id) => e.driverDevices.includes(id)) || (windows && released >= VIRTIO_WIN_FROM);
  const virtioBlk = has(DEVICE.virtioBlk) || drivers(DEVICE.virtioBlk);
  const virtioNet = has(DEVICE.virtioNet) || drivers(DEVICE.virtioNet);
  const q35 = e.devices.includes(DEVICE.q35) || (windows && virtioBlk);
  const nicModel: NicModel = virtioNet
    ? 'virtio'
    : q35 && has([DEVICE.e1000e])
      ? 'e1000e'
      : has([DEVICE.rtl8139]) && !has([DEVICE.e1000])
        ? 'rtl8139'
        : 'e1000';
  const uefi = e.firmware.biosUnsupported || (windows && released >= WINDOWS_UEFI_FROM);
  return {
    family: windows ? 'windows' : virtioBlk ? 'linux-virtio' : e.family === 'linux' ? 'linux' : 'unknown',
    diskBus: virtioBlk ? 'virtio' : q35 ? 'sata' : 'ide',
    nicModel,
    machine: q35 ? 'q35' : 'pc',
    firmware: uefi ? 'efi' : null,
    paravirt: virtioBlk && virtioNet,
    osinfo: { id: found.id, source: db.source },
  };
}

/** Devices for a guest: the profile's policy unless the settings force a bus or model. */
export function guestDevices(
  os: string | null,
  settings: Pick<ProvisionSettings, 'diskBus' | 'nicModel' | 'guestPolicy'>,
  db: OsInfoDb,
): GuestDevices {
  const policy = settings.guestPolicy === 'osinfo' ? osinfoDevices(os, db) : rhevDevices(os);
  const diskBus = settings.diskBus === 'auto' ? policy.diskBus : settings.diskBus;
  // q35 has no IDE controller: a forced IDE disk keeps the i440fx machine.
  const machine = diskBus === 'ide' && policy.machine === 'q35' ? 'pc' : policy.machine;
  return { ...policy, diskBus, machine, nicModel: settings.nicModel === 'auto' ? policy.nicModel : settings.nicModel };
}
