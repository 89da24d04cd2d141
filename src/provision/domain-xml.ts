// Renders a DomainSpec as libvirt domain XML (https://libvirt.org/formatdomain.html), through
// xmlbuilder2 so every client value is escaped by the library, never by hand.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { DomainSpec } from './domain-spec.ts';
import { serializeXml } from '../escape/xml.ts';

/** Namespace of capplan's own data under <metadata> (libvirt requires one per element). */
const CAPPLAN_XMLNS = 'https://capplan.dev/xmlns/libvirt/1';

export const XML_OPTIONS = { prettyPrint: true, headless: true, indent: '  ' } as const;

function addMetadata(domain: XMLBuilder, spec: DomainSpec): void {
  const m = spec.metadata;
  const vm = domain.ele('metadata').ele(CAPPLAN_XMLNS, 'capplan:vm');
  vm.ele(CAPPLAN_XMLNS, 'capplan:plan', {
    project: m.project,
    formatVersion: String(m.planFormatVersion),
    digest: m.planDigest,
  });
  vm.ele(CAPPLAN_XMLNS, 'capplan:sourceServer').txt(m.sourceServer);
  vm.ele(CAPPLAN_XMLNS, 'capplan:host').txt(m.host);
  vm.ele(CAPPLAN_XMLNS, 'capplan:highAvailability', {
    enabled: spec.highlyAvailable ? 'yes' : 'no',
    priority: m.haPriority,
  });
  if (m.os !== null || spec.osinfo !== null) {
    // The osinfo-db short id the devices come from, and "fallback" when the database was missing.
    const osinfo = spec.osinfo ? { osinfo: spec.osinfo.id, osinfoSource: spec.osinfo.source } : {};
    vm.ele(CAPPLAN_XMLNS, 'capplan:os', osinfo).txt(m.os ?? '');
  }
}

function addDevices(domain: XMLBuilder, spec: DomainSpec): void {
  const devices = domain.ele('devices');
  const disk = devices.ele('disk', { type: 'volume', device: 'disk' });
  // cache=none: the host page cache is bypassed, the usual choice for shared (SAN) storage.
  disk.ele('driver', { name: 'qemu', type: spec.disk.format, cache: 'none' });
  disk.ele('source', { pool: spec.disk.pool, volume: spec.disk.volume });
  disk.ele('target', { dev: spec.disk.dev, bus: spec.disk.bus });
  if (spec.cdromIso !== null) {
    const cdrom = devices.ele('disk', { type: 'file', device: 'cdrom' });
    cdrom.ele('driver', { name: 'qemu', type: 'raw' });
    cdrom.ele('source', { file: spec.cdromIso });
    // q35 has no IDE controller: the CD-ROM is SATA there.
    cdrom.ele('target', spec.machine === 'q35' ? { dev: 'sdb', bus: 'sata' } : { dev: 'hdc', bus: 'ide' });
    cdrom.ele('readonly');
  }
  for (const nic of spec.nics) {
    const iface = devices.ele('interface', { type: 'network' });
    iface.ele('mac', { address: nic.mac });
    iface.ele('source', { network: nic.network });
    iface.ele('model', { type: nic.model });
  }
  if (spec.paravirt) {
    // qemu-guest-agent's channel (libvirt formatdomain "Channel"), so the host can freeze file
    // systems for backups and shut the guest down cleanly.
    devices.ele('channel', { type: 'unix' }).ele('target', { type: 'virtio', name: 'org.qemu.guest_agent.0' });
  }
  devices.ele('graphics', { type: spec.graphics, autoport: 'yes' });
  if (spec.paravirt) {
    devices.ele('memballoon', { model: 'virtio' });
    devices.ele('rng', { model: 'virtio' }).ele('backend', { model: 'random' }).txt('/dev/urandom');
  }
}

function addCpu(domain: XMLBuilder, spec: DomainSpec): void {
  const t = spec.topology;
  const topology = { sockets: String(t.sockets), cores: String(t.cores), threads: String(t.threads) };
  if (spec.cpu === null) {
    domain.ele('cpu').ele('topology', topology);
    return;
  }
  // host-model: the host CPU's model and features, migratable between like hosts; a named
  // model (match exact, no fallback) for live migration across CPU generations.
  const cpu =
    spec.cpu.mode === 'host-model'
      ? domain.ele('cpu', { mode: 'host-model' })
      : domain.ele('cpu', { mode: 'custom', match: 'exact' });
  if (spec.cpu.mode === 'custom') cpu.ele('model', { fallback: 'forbid' }).txt(spec.cpu.model);
  cpu.ele('topology', topology);
}

export function domainXml(spec: DomainSpec): string {
  const domain = create().ele('domain', { type: 'kvm' });
  domain.ele('name').txt(spec.name);
  domain.ele('uuid').txt(spec.uuid);
  domain.ele('description').txt(spec.description);
  addMetadata(domain, spec);
  domain.ele('memory', { unit: 'MiB' }).txt(String(spec.memoryMib));
  domain.ele('currentMemory', { unit: 'MiB' }).txt(String(spec.memoryMib));
  domain.ele('vcpu', { placement: 'static' }).txt(String(spec.vcpu));
  const os = domain.ele('os', spec.firmware ? { firmware: spec.firmware } : {});
  os.ele('type', spec.machine ? { arch: 'x86_64', machine: spec.machine } : { arch: 'x86_64' }).txt('hvm');
  // Boot sequence (method §8): hard disk first, then the CD-ROM when an ISO is attached.
  os.ele('boot', { dev: 'hd' });
  if (spec.cdromIso !== null) os.ele('boot', { dev: 'cdrom' });
  const features = domain.ele('features');
  features.ele('acpi');
  features.ele('apic');
  if (spec.hyperv) {
    // Hyper-V enlightenments Windows uses under KVM (as virt-install sets them).
    const hv = features.ele('hyperv');
    hv.ele('relaxed', { state: 'on' });
    hv.ele('vapic', { state: 'on' });
    hv.ele('spinlocks', { state: 'on', retries: '8191' });
  }
  addCpu(domain, spec);
  const clock = domain.ele('clock', { offset: spec.clockOffset });
  if (spec.hyperv) clock.ele('timer', { name: 'hypervclock', present: 'yes' });
  domain.ele('on_poweroff').txt('destroy');
  domain.ele('on_reboot').txt('restart');
  domain.ele('on_crash').txt('restart');
  addDevices(domain, spec);
  return `${serializeXml(domain, XML_OPTIONS)}\n`;
}
