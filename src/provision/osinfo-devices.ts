// Device ids of osinfo-db (http://pcisig.com/pci/<vendor>/<device>, http://qemu.org/chipset/…)
// that decide a guest's machine type, disk bus and NIC model (method §8).
export const DEVICE = {
  q35: 'http://qemu.org/chipset/x86/q35',
  /** virtio-net: transitional 1af4:1000 and modern (virtio 1.0) 1af4:1041. */
  virtioNet: ['http://pcisig.com/pci/1af4/1000', 'http://pcisig.com/pci/1af4/1041'],
  /** virtio-blk: 1af4:1001 and 1af4:1042. */
  virtioBlk: ['http://pcisig.com/pci/1af4/1001', 'http://pcisig.com/pci/1af4/1042'],
  e1000e: 'http://pcisig.com/pci/8086/10d3',
  e1000: 'http://pcisig.com/pci/8086/100e',
  rtl8139: 'http://pcisig.com/pci/10ec/8139',
} as const;
