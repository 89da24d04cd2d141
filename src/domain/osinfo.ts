// libosinfo's OS database (osinfo-db, what virt-install and virt-v2v consult) as capplan uses
// it: per OS its short id, name, release date, the devices it supports in-box, the devices
// it has drivers for, and its firmware. Filled by src/ingest/osinfo/read-osinfo-db.ts from
// the installed database, or by capplan's bundled fallback.

export interface OsInfoEntry {
  /** libosinfo URI, e.g. http://microsoft.com/win/2k22. */
  id: string;
  shortIds: string[];
  name: string;
  /** e.g. winnt, linux. */
  family: string | null;
  /** YYYY-MM-DD. */
  releaseDate: string | null;
  /** derives-from and clones: the OSes whose devices and firmware this one inherits. */
  derivesFrom: string[];
  /** Device ids the OS supports in-box (http://pcisig.com/pci/1af4/1041, http://qemu.org/chipset/x86/q35). */
  devices: string[];
  /** Device ids with (pre- or post-installable) drivers, e.g. virtio-win for Windows. */
  driverDevices: string[];
  /** x86_64 firmware: efi supported, bios unsupported (UEFI required). */
  firmware: { efi: boolean; biosUnsupported: boolean };
}

export interface OsInfoDb {
  /** Where the entries come from: the installed osinfo-db, or the bundled minimal fallback. */
  source: 'osinfo-db' | 'fallback';
  /** osinfo-db's VERSION (e.g. 20221203), or the fallback's. */
  version: string;
  entries: OsInfoEntry[];
}
