// capplan's bundled minimal stand-in for osinfo-db, used only when the database is not
// installed (the provision output then says so): the common server guests with the facts
// osinfo-db 20221203 records for them — in-box virtio and q35 for Linux from RHEL 6 /
// SLES 12 / Debian 9 / Ubuntu 18.04, virtio drivers (virtio-win) for Windows from 7 /
// 2008 R2, UEFI required by Windows 11. Entries are flat (no derives-from).
import type { OsInfoDb, OsInfoEntry } from '../domain/osinfo.ts';
import { DEVICE } from './osinfo-devices.ts';

const MODERN_LINUX = [DEVICE.q35, ...DEVICE.virtioNet, ...DEVICE.virtioBlk, DEVICE.e1000e];
const OLD_LINUX = [...DEVICE.virtioNet, ...DEVICE.virtioBlk, DEVICE.e1000];
const WINDOWS_OLD = [DEVICE.e1000, DEVICE.rtl8139];
const WINDOWS = [DEVICE.q35, DEVICE.e1000e];
const VIRTIO_WIN = [...DEVICE.virtioNet, ...DEVICE.virtioBlk];

function os(
  shortId: string,
  name: string,
  family: 'winnt' | 'linux' | 'freebsd',
  releaseDate: string,
  devices: string[],
  more: Partial<OsInfoEntry> = {},
): OsInfoEntry {
  return {
    id: `capplan-fallback:${shortId}`,
    shortIds: [shortId],
    name,
    family,
    releaseDate,
    derivesFrom: [],
    devices,
    driverDevices: family === 'winnt' && releaseDate >= '2009-07-22' ? VIRTIO_WIN : [],
    firmware: { efi: releaseDate >= '2012-01-01', biosUnsupported: false },
    ...more,
  };
}

const ENTRIES: OsInfoEntry[] = [
  os('win2k3', 'Microsoft Windows Server 2003', 'winnt', '2003-04-24', WINDOWS_OLD),
  os('win2k3r2', 'Microsoft Windows Server 2003 R2', 'winnt', '2005-12-06', WINDOWS_OLD),
  os('win2k8', 'Microsoft Windows Server 2008', 'winnt', '2008-02-27', WINDOWS_OLD),
  os('win2k8r2', 'Microsoft Windows Server 2008 R2', 'winnt', '2009-10-22', WINDOWS),
  os('win2k12', 'Microsoft Windows Server 2012', 'winnt', '2012-09-04', WINDOWS),
  os('win2k12r2', 'Microsoft Windows Server 2012 R2', 'winnt', '2013-10-17', WINDOWS),
  os('win2k16', 'Microsoft Windows Server 2016', 'winnt', '2016-10-12', WINDOWS),
  os('win2k19', 'Microsoft Windows Server 2019', 'winnt', '2018-11-13', WINDOWS),
  os('win2k22', 'Microsoft Windows Server 2022', 'winnt', '2021-08-18', WINDOWS),
  os('winxp', 'Microsoft Windows XP', 'winnt', '2001-10-25', WINDOWS_OLD),
  os('win7', 'Microsoft Windows 7', 'winnt', '2009-10-22', WINDOWS),
  // osinfo-db dates Windows 10 by its 2018 (1809) release.
  os('win10', 'Microsoft Windows 10', 'winnt', '2018-11-13', WINDOWS),
  os('win11', 'Microsoft Windows 11', 'winnt', '2021-10-05', WINDOWS, {
    firmware: { efi: true, biosUnsupported: true },
  }),
  os('rhel5.11', 'Red Hat Enterprise Linux 5.11', 'linux', '2014-09-16', OLD_LINUX),
  os('rhel6-unknown', 'Red Hat Enterprise Linux 6', 'linux', '2010-11-10', MODERN_LINUX),
  os('rhel7-unknown', 'Red Hat Enterprise Linux 7', 'linux', '2014-06-09', MODERN_LINUX),
  os('rhel8-unknown', 'Red Hat Enterprise Linux 8', 'linux', '2019-05-07', MODERN_LINUX),
  os('rhel9-unknown', 'Red Hat Enterprise Linux 9', 'linux', '2022-05-17', MODERN_LINUX),
  os('centos7.0', 'CentOS 7', 'linux', '2014-07-07', MODERN_LINUX),
  os('centos-stream9', 'CentOS Stream 9', 'linux', '2021-12-03', MODERN_LINUX),
  os('sles11sp4', 'SUSE Linux Enterprise Server 11 SP4', 'linux', '2015-07-15', OLD_LINUX),
  os('sles12sp5', 'SUSE Linux Enterprise Server 12 SP5', 'linux', '2019-12-09', MODERN_LINUX),
  os('sles15sp4', 'SUSE Linux Enterprise Server 15 SP4', 'linux', '2022-06-21', MODERN_LINUX),
  os('debian7', 'Debian 7', 'linux', '2013-05-04', OLD_LINUX),
  os('debian9', 'Debian 9', 'linux', '2017-06-17', MODERN_LINUX),
  os('debian11', 'Debian 11', 'linux', '2021-08-14', MODERN_LINUX),
  os('ubuntu20.04', 'Ubuntu 20.04 LTS', 'linux', '2020-04-23', MODERN_LINUX),
  os('ubuntu22.04', 'Ubuntu 22.04 LTS', 'linux', '2022-04-21', MODERN_LINUX),
  os('fedora-unknown', 'Fedora', 'linux', '2022-11-15', MODERN_LINUX),
  os('linux2016', 'Generic Linux 2016', 'linux', '2016-01-01', OLD_LINUX),
  os('freebsd13.1', 'FreeBSD 13.1', 'freebsd', '2022-05-16', OLD_LINUX),
];

export function fallbackOsInfoDb(): OsInfoDb {
  return { source: 'fallback', version: 'capplan-fallback-1', entries: ENTRIES };
}
