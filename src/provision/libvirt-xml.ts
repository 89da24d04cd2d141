// Network, storage pool and volume XML (https://libvirt.org/formatnetwork.html,
// https://libvirt.org/formatstorage.html), built with xmlbuilder2.
import { create } from 'xmlbuilder2';
import { XML_OPTIONS } from './domain-xml.ts';
import { serializeXml } from '../escape/xml.ts';

export interface NetworkSpec {
  name: string;
  bridge: string;
}

export interface PoolSpec {
  name: string;
  path: string;
}

export interface VolumeSpec {
  name: string;
  capacityGb: number;
  format: 'raw' | 'qcow2';
}

/**
 * A logical network on an existing host bridge (method §8: rhevm on bond0, datos on NIC3):
 * forward mode "bridge" hands the VM NICs to the bridge the hypervisor install created.
 */
export function networkXml(net: NetworkSpec): string {
  const root = create().ele('network');
  root.ele('name').txt(net.name);
  root.ele('forward', { mode: 'bridge' });
  root.ele('bridge', { name: net.bridge });
  return `${serializeXml(root, XML_OPTIONS)}\n`;
}

/** A directory pool: the mount point of the shared storage domain on the host. */
export function poolXml(pool: PoolSpec): string {
  const root = create().ele('pool', { type: 'dir' });
  root.ele('name').txt(pool.name);
  root.ele('target').ele('path').txt(pool.path);
  return `${serializeXml(root, XML_OPTIONS)}\n`;
}

/**
 * A VM disk. Pre-allocated (raw): allocation = capacity, the space is reserved up front;
 * thin (qcow2): allocation 0, it grows as the guest writes (method §8).
 */
export function volumeXml(vol: VolumeSpec): string {
  const root = create().ele('volume');
  root.ele('name').txt(vol.name);
  root.ele('capacity', { unit: 'GiB' }).txt(String(vol.capacityGb));
  root.ele('allocation', { unit: 'GiB' }).txt(String(vol.format === 'raw' ? vol.capacityGb : 0));
  root.ele('target').ele('format', { type: vol.format });
  return `${serializeXml(root, XML_OPTIONS)}\n`;
}
