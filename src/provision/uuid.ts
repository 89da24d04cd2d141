// Deterministic identifiers: the same plan always yields the same UUIDs and MAC addresses, so
// re-running provision produces byte-identical XML and libvirt sees the same objects.
import { createHash } from 'node:crypto';

/** capplan's UUIDv5 namespace (itself uuidv5(DNS, "capplan.dev")); fixed forever. */
const CAPPLAN_UUID_NAMESPACE = '1ab12f9c-5395-556e-a21b-1bb97367175b';

/** RFC 9562 §5.5: UUIDv5 = SHA-1(namespace bytes ‖ name bytes), version 5, variant 10xx. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The libvirt UUID of a VM: stable across runs for one project and VM name. */
export function vmUuid(project: string, vmName: string): string {
  return uuidV5(CAPPLAN_UUID_NAMESPACE, `${project}/vm/${vmName}`);
}

/**
 * A MAC address in the KVM/QEMU locally administered range 52:54:00 (the prefix libvirt
 * itself assigns), the last three octets from a hash of project, VM and NIC index.
 */
export function vmMac(project: string, vmName: string, nicIndex: number): string {
  const h = createHash('sha256').update(`${project}/mac/${vmName}/${nicIndex}`, 'utf8').digest();
  return ['52', '54', '00', ...[h[0]!, h[1]!, h[2]!].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
