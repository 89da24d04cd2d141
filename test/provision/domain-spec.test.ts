import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainSpec, vcpuTopology } from '../../src/provision/domain-spec.ts';
import { domainXml } from '../../src/provision/domain-xml.ts';
import { volumeXml } from '../../src/provision/libvirt-xml.ts';
import { kickstartParts } from '../../src/provision/kickstart.ts';
import { examplePlan } from './fixtures/provision-fixtures.ts';
import { fallbackOsInfoDb } from '../../src/provision/osinfo-fallback.ts';
import { planHost, planVm } from './fixtures/aseguradora-plan.ts';

const ctx = (provision = {}) => {
  const plan = examplePlan(provision);
  return {
    project: 'aseguradora',
    host: 'host1',
    planFormatVersion: 1,
    planDigest: 'sha256:x',
    settings: plan.settings.provision,
    osinfo: fallbackOsInfoDb(),
  };
};

test('vCPU topology: most sockets up to the limit that divide the vCPUs', () => {
  const cases: [number, number, [number, number]][] = [
    [2, 1, [1, 2]],
    [1, 4, [1, 1]],
    [6, 4, [3, 2]],
    [8, 2, [2, 4]],
    [7, 4, [1, 7]],
    [16, 16, [16, 1]],
  ];
  for (const [vcpu, max, [sockets, cores]] of cases) {
    assert.deepEqual(vcpuTopology(vcpu, max), { sockets, cores, threads: 1 }, `${vcpu} vCPU, ≤ ${max} sockets`);
  }
});

test('Nómina (Windows Server 2008): IDE disk, rtl8139, 4 GiB, 2 vCPU, raw 100 GB, local clock', () => {
  const vm = examplePlan().vms.find((v) => v.name === 'nomina')!;
  const spec = domainSpec(vm, ctx());
  assert.equal(spec.memoryMib, 4096);
  assert.equal(spec.vcpu, 2);
  assert.deepEqual(spec.topology, { sockets: 1, cores: 2, threads: 1 });
  assert.deepEqual(spec.disk, {
    pool: 'capplan',
    volume: 'nomina-system.img',
    format: 'raw',
    bus: 'ide',
    dev: 'hda',
    capacityGb: 100,
  });
  assert.deepEqual(
    spec.nics.map((n) => [n.network, n.model]),
    [['datos', 'rtl8139']],
  );
  assert.equal(spec.clockOffset, 'localtime');
  assert.equal(spec.highlyAvailable, true);
});

test('Web keeps its two NICs: data network first, then management', () => {
  const vm = examplePlan().vms.find((v) => v.name === 'web')!;
  assert.deepEqual(
    domainSpec(vm, ctx()).nics.map((n) => n.network),
    ['datos', 'rhevm'],
  );
});

test('Base de datos (RHEL 5.4): virtio disk vda and virtio NIC', () => {
  const vm = examplePlan().vms.find((v) => v.name === 'base-de-datos')!;
  const spec = domainSpec(vm, ctx());
  assert.equal(spec.disk.bus, 'virtio');
  assert.equal(spec.disk.dev, 'vda');
  assert.equal(spec.nics[0]!.model, 'virtio');
  assert.equal(spec.clockOffset, 'utc');
});

test('a template VM gets a thin qcow2 disk (allocation 0); raw disks are fully allocated', () => {
  const vm = planVm({ name: 'golden', diskGb: 40 });
  const spec = domainSpec(vm, ctx({ templateVms: ['golden'] }));
  assert.equal(spec.disk.format, 'qcow2');
  assert.match(volumeXml({ name: 'v', capacityGb: 40, format: 'qcow2' }), /<allocation unit="GiB">0<\/allocation>/);
  assert.match(volumeXml({ name: 'v', capacityGb: 40, format: 'raw' }), /<allocation unit="GiB">40<\/allocation>/);
});

test('an attached ISO adds a CD-ROM and boots disk first, then CD-ROM', () => {
  const xml = domainXml(domainSpec(planVm({ name: 'x' }), ctx({ installIso: '/iso/rhel.iso' })));
  assert.match(xml, /<boot dev="hd"\/>\s*<boot dev="cdrom"\/>/);
  assert.match(xml, /<disk type="file" device="cdrom">[\s\S]*<source file="\/iso\/rhel.iso"\/>/);
  assert.doesNotMatch(domainXml(domainSpec(planVm({ name: 'x' }), ctx())), /cdrom/);
});

test('HA priorities outside autostartPriorities are not highly available; SPICE when asked', () => {
  const spec = domainSpec(
    planVm({ name: 'x', haPriority: 'low' }),
    ctx({ autostartPriorities: ['high'], graphics: 'spice' }),
  );
  assert.equal(spec.highlyAvailable, false);
  assert.match(domainXml(spec), /<graphics type="spice" autoport="yes"\/>/);
});

test('kickstart part lines carry table 2.13 sizes', () => {
  const ks = kickstartParts(planHost('host1', []), 'ext3');
  for (const line of [
    'part /boot --size=50 --fstype=ext3',
    'part swap --size=24576',
    'part / --size=512 --fstype=ext3',
    'part /config --size=5 --fstype=ext3',
    'part /var/log --size=2048 --fstype=ext3',
    'part /data --size=49152 --fstype=ext3',
  ]) {
    assert.ok(ks.split('\n').includes(line), line);
  }
  assert.match(ks, /Total 76343 MB of 149504 MB: fits/);
});
