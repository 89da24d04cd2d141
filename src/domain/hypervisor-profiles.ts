// Hypervisor profiles (method §12): what `hypervisor.profile` selects — per-VM and per-host
// maxima, the memory the hypervisor keeps, the scheduler's default ceilings, the host install
// layout and the guest device policy. A profile only supplies defaults: every field a
// capplan.yaml (or proposal.yaml) writes itself wins, section by section, field by field.
// Each value names the page it comes from (method §12 repeats them as a table).

export const PROFILE_IDS = ['generic', 'rhel-9', 'proxmox-8', 'rhev-2.2'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** How guest devices are chosen (method §8): the seed's RHEV 2.2 rules, or osinfo-db. */
type GuestPolicyId = 'rhev-2.2' | 'osinfo';

interface ProfileDefaults {
  hypervisor: {
    name: string;
    maxVcpuPerVm: number;
    maxMemoryGb64: number;
    maxMemoryGb32: number;
    maxNicsPerVm: number;
    maxDisksPerVm: number;
    maxHostCpus: number;
    maxHostMemoryGb: number;
    reserveMb: number;
    /** Per-VM memory overhead (method §5.1): fixed MB, MB per vCPU, MB per GB of guest RAM. */
    vmOverheadFixedMb: number;
    vmOverheadMbPerVcpu: number;
    vmOverheadMbPerGuestGb: number;
  };
  cluster: { cpuCeilingPct: number; memoryCeilingPct: number; nicGbps: number };
  partitions: { bootMb: number; efiMb: number; rootMb: number; configMb: number; loggingMb: number };
  provision: {
    kickstartFsType: string;
    guestPolicy: GuestPolicyId;
    /** Guest OS families the vendor supports, as osinfo short ids (rhel9 covers rhel9.x); null: no list. */
    supportedGuests: string[] | null;
  };
}

export interface HypervisorProfile {
  id: ProfileId;
  title: string;
  /** The published pages the values come from. */
  sources: string[];
  defaults: ProfileDefaults;
}

const RHEL_LIMITS = 'https://access.redhat.com/articles/rhel-kvm-limits';
const RHEL9_VIRT =
  'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/configuring_and_managing_virtualization/' +
  'feature-support-and-limitations-in-rhel-9-virtualization_configuring-and-managing-virtualization';
const RHEL9_INSTALL =
  'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/' +
  'performing_a_standard_rhel_9_installation/' +
  'partitioning-reference_installing-rhel';
const OVIRT_VDSM = 'https://github.com/oVirt/vdsm/blob/master/lib/vdsm/common/config.py.in (host_mem_reserve)';
const OVIRT_OVERHEAD =
  'https://github.com/oVirt/ovirt-engine/blob/master/backend/manager/modules/bll/src/main/java/org/ovirt/engine/' +
  'core/bll/utils/VmOverheadCalculatorImpl.java';
const PVE_QM = 'https://pve.proxmox.com/pve-docs/qm.conf.5.html (net[n], scsi[n])';
const RHEL_GUESTS = 'https://access.redhat.com/articles/973163 (certified guest operating systems, RHEL 9 KVM)';
const RHEV22_NOTES =
  'https://access.redhat.com/documentation/en-us/red_hat_enterprise_virtualization/2.2/ (release notes: guests)';
const PVE_REQUIREMENTS = 'https://pve.proxmox.com/pve-docs/pve-admin-guide.html#install_recommended_requirements';
const QEMU_Q35 = 'https://gitlab.com/libvirt/libvirt/-/blob/master/tests/domaincapsdata/qemu_8.0.0-q35.x86_64.xml';
const PVE_DATASHEET = 'https://www.proxmox.com/en/downloads/proxmox-virtual-environment/documentation';
const PVE_ADMIN = 'https://pve.proxmox.com/pve-docs/pve-admin-guide.html#sysadmin_host_bootloader';

/** Current RHEL/Fedora host layout: xfs, a 1 GiB /boot and a 600 MiB EFI system partition. */
const RHEL_PARTITIONS = { bootMb: 1024, efiMb: 600, rootMb: 20480, configMb: 0, loggingMb: 8192 };

export const PROFILES: Record<ProfileId, HypervisorProfile> = {
  generic: {
    id: 'generic',
    title: 'generic libvirt/KVM (QEMU q35)',
    sources: [QEMU_Q35, RHEL_LIMITS, RHEL9_INSTALL, OVIRT_OVERHEAD],
    defaults: {
      hypervisor: {
        name: 'libvirt/KVM',
        // libvirt's domain capabilities of QEMU 8.0, machine q35: <vcpu max='288'/>.
        maxVcpuPerVm: 288,
        // The guest is bounded by its host: x86_64 4-level paging addresses 64 TiB.
        maxMemoryGb64: 65536,
        // A 32-bit guest without PAE addresses 4 GiB.
        maxMemoryGb32: 4,
        // q35: one PCIe root port per device, 32 slots on the root bus; capplan keeps 16 for NICs.
        maxNicsPerVm: 16,
        // virtio-blk: one PCI slot per disk, 28 after the system devices (RHEL limits page).
        maxDisksPerVm: 28,
        maxHostCpus: 8192,
        maxHostMemoryGb: 65536,
        // A host OS with libvirtd and QEMU processes: RHEL 9's 1.5 GiB minimum plus 512 MiB.
        reserveMb: 2048,
        // oVirt's estimate of QEMU/KVM's own memory per x86_64 VM (VmOverheadCalculatorImpl):
        // 64 MiB fixed, 8 MiB per vCPU, guest MiB / 512 for page tables (2 MiB per guest GiB).
        vmOverheadFixedMb: 64,
        vmOverheadMbPerVcpu: 8,
        vmOverheadMbPerGuestGb: 2,
      },
      cluster: { cpuCeilingPct: 80, memoryCeilingPct: 90, nicGbps: 25 },
      partitions: RHEL_PARTITIONS,
      // Plain libvirt/QEMU publishes no support list: any x86_64 OS osinfo-db knows.
      provision: { kickstartFsType: 'xfs', guestPolicy: 'osinfo', supportedGuests: null },
    },
  },
  'rhel-9': {
    id: 'rhel-9',
    title: 'RHEL 9 KVM / oVirt 4.5',
    sources: [RHEL_LIMITS, RHEL9_VIRT, RHEL9_INSTALL, RHEL_GUESTS, OVIRT_VDSM, OVIRT_OVERHEAD],
    defaults: {
      hypervisor: {
        name: 'RHEL 9 KVM',
        // "Virtualization limits for Red Hat Enterprise Linux with KVM": 710 vCPU, 6 TiB per VM.
        maxVcpuPerVm: 710,
        maxMemoryGb64: 6144,
        maxMemoryGb32: 4,
        // "Feature support and limitations": 32 PCI slots per bus; capplan keeps 16 for NICs.
        maxNicsPerVm: 16,
        // Same page: 28 virtio-blk disks per VM (one PCI slot each).
        maxDisksPerVm: 28,
        // Same page: 768 logical CPUs and 12 TiB per host.
        maxHostCpus: 768,
        maxHostMemoryGb: 12288,
        // oVirt VDSM host_mem_reserve: 256 MiB for the host; with the 1.5 GiB RHEL minimum, 2 GiB.
        reserveMb: 2048,
        // oVirt's estimate of QEMU/KVM's own memory per x86_64 VM (VmOverheadCalculatorImpl):
        // 64 MiB fixed, 8 MiB per vCPU, guest MiB / 512 for page tables (2 MiB per guest GiB).
        vmOverheadFixedMb: 64,
        vmOverheadMbPerVcpu: 8,
        vmOverheadMbPerGuestGb: 2,
      },
      // oVirt's default scheduling policy (evenly distributed) reports hosts over 80 % CPU; 90 % memory
      // and 25 Gbps NICs are capplan's choices for a current cluster, not a vendor's figure.
      cluster: { cpuCeilingPct: 80, memoryCeilingPct: 90, nicGbps: 25 },
      partitions: RHEL_PARTITIONS,
      provision: {
        kickstartFsType: 'xfs',
        guestPolicy: 'osinfo',
        // Red Hat's certified guests on a RHEL 9 KVM host: RHEL 7–10, Windows Server 2016–2025, Windows 10/11.
        supportedGuests: [
          'rhel7',
          'rhel8',
          'rhel9',
          'rhel10',
          'win2k16',
          'win2k19',
          'win2k22',
          'win2k25',
          'win10',
          'win11',
        ],
      },
    },
  },
  'proxmox-8': {
    id: 'proxmox-8',
    title: 'Proxmox VE 8',
    sources: [PVE_DATASHEET, PVE_ADMIN, PVE_QM, PVE_REQUIREMENTS, QEMU_Q35, OVIRT_OVERHEAD],
    defaults: {
      hypervisor: {
        name: 'Proxmox VE 8',
        // QEMU's q35 limit (Proxmox VE runs QEMU/KVM): 288 vCPU per VM.
        maxVcpuPerVm: 288,
        // Proxmox VE datasheet: up to 12 TB RAM and 768 logical CPUs per host.
        // qm.conf(5) bounds a VM's memory only by its host: the host's 12 TB.
        maxMemoryGb64: 12288,
        maxMemoryGb32: 4,
        // qm.conf(5): net0 … net31 (qemu-server's MAX_NETS = 32).
        maxNicsPerVm: 32,
        // qm.conf(5): scsi0 … scsi30 on the default virtio-scsi controller.
        maxDisksPerVm: 31,
        maxHostCpus: 768,
        maxHostMemoryGb: 12288,
        // Proxmox VE system requirements: 2 GB for the OS and Proxmox VE services.
        reserveMb: 2048,
        // oVirt's estimate of QEMU/KVM's own memory per x86_64 VM (VmOverheadCalculatorImpl):
        // 64 MiB fixed, 8 MiB per vCPU, guest MiB / 512 for page tables (2 MiB per guest GiB).
        vmOverheadFixedMb: 64,
        vmOverheadMbPerVcpu: 8,
        vmOverheadMbPerGuestGb: 2,
      },
      cluster: { cpuCeilingPct: 80, memoryCeilingPct: 90, nicGbps: 25 },
      // The Proxmox installer: a 512 MB ESP, then LVM (root, swap, data); kickstart is not its tool,
      // the layout is written for a Debian-based install by hand.
      partitions: { bootMb: 1024, efiMb: 512, rootMb: 20480, configMb: 0, loggingMb: 8192 },
      // qm.conf(5) ostype covers Windows XP–11/2025, Linux 2.4–6.x and Solaris: Proxmox VE runs what
      // QEMU runs and lists no guest it refuses.
      provision: { kickstartFsType: 'xfs', guestPolicy: 'osinfo', supportedGuests: null },
    },
  },
  'rhev-2.2': {
    id: 'rhev-2.2',
    title: 'RHEV-H 2.2 (the worked example, 2010)',
    sources: ['docs/method.md §3.5, §5.4, §7, §8 (Red Hat Enterprise Virtualization 2.2 documentation)', RHEV22_NOTES],
    defaults: {
      hypervisor: {
        name: 'RHEV-H 2.2',
        maxVcpuPerVm: 16,
        maxMemoryGb64: 256,
        maxMemoryGb32: 4,
        maxNicsPerVm: 8,
        maxDisksPerVm: 8,
        maxHostCpus: 64,
        maxHostMemoryGb: 1024,
        reserveMb: 512,
        // The source plans with the 512 MB reserve alone and charges nothing per VM (method §5.4).
        vmOverheadFixedMb: 0,
        vmOverheadMbPerVcpu: 0,
        vmOverheadMbPerGuestGb: 0,
      },
      cluster: { cpuCeilingPct: 75, memoryCeilingPct: 100, nicGbps: 4 },
      partitions: { bootMb: 50, efiMb: 0, rootMb: 512, configMb: 5, loggingMb: 2048 },
      provision: {
        kickstartFsType: 'ext3',
        guestPolicy: 'rhev-2.2',
        // RHEV 2.2's supported guests: RHEL 3–6, Windows XP, 7, Server 2003 (R2) and 2008 (R2).
        supportedGuests: [
          'rhel3',
          'rhel4',
          'rhel5',
          'rhel6',
          'winxp',
          'win7',
          'win2k3',
          'win2k3r2',
          'win2k8',
          'win2k8r2',
        ],
      },
    },
  },
};

const DEFAULT_PROFILE: ProfileId = 'generic';

const SECTIONS: (keyof ProfileDefaults)[] = ['hypervisor', 'cluster', 'partitions', 'provision'];

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * capplan.yaml as written, with every field its profile sets and the file leaves out filled
 * in; anything else (including an unknown profile, which the schema then reports) is left
 * for validation. Runs before the schema, so defaults and errors keep their paths.
 */
export function withProfileDefaults(raw: unknown, sections: (keyof ProfileDefaults)[] = SECTIONS): unknown {
  if (!isObject(raw)) return raw;
  const hv = isObject(raw.hypervisor) ? raw.hypervisor : {};
  const id = hv.profile ?? DEFAULT_PROFILE;
  const profile = PROFILES[id as ProfileId];
  if (typeof id !== 'string' || !profile) return raw;
  const out: Raw = { ...raw };
  for (const section of sections) {
    const values = profile.defaults[section];
    const given = raw[section];
    if (given !== undefined && !isObject(given)) continue;
    out[section] = { ...values, ...(given ?? {}) };
  }
  (out.hypervisor as Raw).profile = id;
  return out;
}
