// Which virtual devices a guest OS gets (method §8, RHEV 2.2 Admin Guide p. 113):
// * NIC: "for Linux e1000 or Red Hat VirtIO, for Windows rtl8139 or VirtIO; VirtIO needs
//   drivers, available for Windows and for RHEL later than 4.8".
// * Disk: "IDE … Windows 2008 virtual machines need this type of disk"; VirtIO is
//   para-virtual and needs the same guest drivers.
// A fresh install cannot be assumed to carry the VirtIO drivers except on RHEL ≥ 4.8 (they
// are in its kernel), so: RHEL/CentOS ≥ 4.8 → virtio + virtio; other Linux → IDE + e1000;
// Windows → IDE + rtl8139; unknown OS → IDE + rtl8139 (the most widely supported pair).
import type { ProvisionSettings } from '../domain/project.ts';

export type DiskBus = 'virtio' | 'ide';
export type NicModel = 'virtio' | 'e1000' | 'rtl8139';
export type GuestFamily = 'windows' | 'linux-virtio' | 'linux' | 'unknown';

export interface GuestDevices {
  family: GuestFamily;
  diskBus: DiskBus;
  nicModel: NicModel;
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

/** Devices for a guest: the policy above unless the settings force a bus or model. */
export function guestDevices(
  os: string | null,
  settings: Pick<ProvisionSettings, 'diskBus' | 'nicModel'>,
): GuestDevices {
  const family = guestFamily(os);
  const policy = BY_FAMILY[family];
  return {
    family,
    diskBus: settings.diskBus === 'auto' ? policy.diskBus : settings.diskBus,
    nicModel: settings.nicModel === 'auto' ? policy.nicModel : settings.nicModel,
  };
}
