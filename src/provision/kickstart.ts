// The hypervisor's local disk layout (method §7) as kickstart `part` lines
// (RHEL Installation Guide, "Kickstart options": part <mntpoint> --size=<MB> --fstype=<fs>).
// The profile decides the layout (method §12): RHEV-H 2.2's ext3 with /config, or a current
// RHEL's xfs with a 1 GiB /boot and a /boot/efi system partition (fstype efi) on UEFI hosts.
import type { PlanHost } from '../domain/plan.ts';

export function kickstartParts(host: PlanHost, fsType: string): string {
  const p = host.partitions;
  const efi = p.efiMb ? [`part /boot/efi --size=${p.efiMb} --fstype=efi`] : [];
  const config = p.configMb > 0 ? [`part /config --size=${p.configMb} --fstype=${fsType}`] : [];
  const lines = [
    `# Local disk layout of ${host.name.replace(/[\r\n]/g, ' ')} from the capplan plan (method §7), sizes in MB.`,
    `# Total ${p.totalMb} MB of ${host.localDiskMb} MB: ${p.fits ? 'fits' : 'DOES NOT FIT'} the internal disk.`,
    'clearpart --all --initlabel',
    ...efi,
    `part /boot --size=${p.bootMb} --fstype=${fsType}`,
    `part swap --size=${p.swapMb}`,
    `part / --size=${p.rootMb} --fstype=${fsType}`,
    ...config,
    `part /var/log --size=${p.loggingMb} --fstype=${fsType}`,
    `part /data --size=${p.dataMb} --fstype=${fsType}`,
  ];
  return `${lines.join('\n')}\n`;
}
