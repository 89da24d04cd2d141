// Every hypervisor profile (method §12) gives domain XML that libvirt's schemas accept and
// that its test driver defines and starts, and a host kickstart in the profile's layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROFILE_IDS, type ProfileId } from '../../src/domain/hypervisor-profiles.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { applyHost } from '../../src/provision/apply.ts';
import { buildProvision } from '../../src/provision/build-provision.ts';
import { VirshSession } from '../../src/provision/virsh-session.ts';
import { readOsInfoDb } from '../../src/ingest/osinfo/read-osinfo-db.ts';
import { hypervisorPartitions } from '../../src/sizing/partitions.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { toolSkip } from '../helpers/env.ts';
import { aseguradoraPlan, planVm } from './fixtures/aseguradora-plan.ts';
import { writeOutput } from './fixtures/provision-fixtures.ts';

// Today's guests beside the worked example's 2010 ones.
const MODERN: [string, string][] = [
  ['ws2022', 'Microsoft Windows Server 2022 (64-bit)'],
  ['ws2019', 'Microsoft Windows Server 2019 (64-bit)'],
  ['win11', 'Microsoft Windows 11 (64-bit)'],
  ['rhel9', 'Red Hat Enterprise Linux 9 (64-bit)'],
  ['ubuntu', 'Ubuntu Linux 22.04 (64-bit)'],
  ['ws2003', 'Microsoft Windows Server 2003 Standard (32-bit)'],
];

function profilePlan(profile: ProfileId): Plan {
  const plan = aseguradoraPlan();
  const settings = defaultSettings({ project: 'aseguradora', hypervisor: { profile } });
  // Thin disks: the test driver's pools hold 100 GiB (see apply.test.ts).
  plan.settings = { ...settings, provision: { ...settings.provision, diskFormat: 'qcow2' } };
  for (const [name, os] of MODERN) {
    plan.vms.push(planVm({ name, sourceServer: name, os, host: 'host2', vcpu: 2, memoryGb: 2, diskGb: 10 }));
    plan.hosts[1]!.vms.push(name);
  }
  for (const h of plan.hosts) h.partitions = hypervisorPartitions(h.memoryGb, h.localDiskMb, settings.partitions);
  return plan;
}

const osinfo = readOsInfoDb() ?? undefined;
const build = (plan: Plan) => buildProvision(plan, { planFile: 'plan.json', planDigest: '0'.repeat(64), osinfo });

for (const profile of PROFILE_IDS) {
  test(`${profile}: every domain XML passes virt-xml-validate`, { skip: toolSkip('virt-xml-validate') }, () => {
    const output = build(profilePlan(profile));
    const dir = writeOutput(output);
    const domains = output.files.filter((f) => f.name.includes('/domains/'));
    assert.equal(domains.length, 16);
    for (const f of domains) {
      const r = spawnSync('virt-xml-validate', [path.join(dir, f.name), 'domain'], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${f.name}: ${r.stderr}`);
    }
  });

  test(`${profile}: the test driver defines and starts every VM of every host`, {
    skip: toolSkip('virsh'),
  }, async () => {
    const output = build(profilePlan(profile));
    const dir = writeOutput(output);
    for (const hp of output.hosts) {
      const hostDir = path.join(dir, hp.dir);
      const session = VirshSession.open(`test://${path.join(hostDir, 'test-node.xml')}`);
      try {
        await applyHost(session, hp, { hostDir, dryRun: false });
        const running = (await session.run('list --name')).output.split('\n').filter((l) => l.trim() !== '');
        assert.deepEqual(running.sort(), hp.domains.map((d) => d.name).sort(), hp.host.name);
      } finally {
        await session.close();
      }
    }
  });
}

const domainOf = (profile: ProfileId, vm: string) =>
  build(profilePlan(profile))
    .hosts.flatMap((h) => h.domains)
    .find((d) => d.name === vm)!.xml;

test('Windows Server 2022: q35, virtio, UEFI, agent, host-model CPU (generic); IDE + rtl8139 (rhev-2.2)', () => {
  const modern = domainOf('generic', 'ws2022');
  assert.match(modern, /<os firmware="efi">\n\s*<type arch="x86_64" machine="q35">hvm<\/type>/);
  assert.match(modern, /<target dev="vda" bus="virtio"\/>/);
  assert.match(modern, /<model type="virtio"\/>/);
  assert.match(modern, /<cpu mode="host-model">/);
  assert.match(modern, /<target type="virtio" name="org.qemu.guest_agent.0"\/>/);
  assert.match(modern, /<memballoon model="virtio"\/>/);
  assert.match(modern, /<rng model="virtio">/);
  assert.match(modern, /<hyperv>/);
  const old = domainOf('rhev-2.2', 'ws2022');
  assert.match(old, /<target dev="hda" bus="ide"\/>/);
  assert.match(old, /<model type="rtl8139"\/>/);
  assert.doesNotMatch(old, /q35|firmware|host-model|guest_agent|<rng/);
});

test('a named cluster CPU model replaces host-model for live migration across CPU generations', () => {
  const plan = profilePlan('rhel-9');
  plan.settings.provision.cpuModel = 'Icelake-Server';
  const xml = build(plan).hosts[1]!.domains.find((d) => d.name === 'rhel9')!.xml;
  assert.match(xml, /<cpu mode="custom" match="exact">\n\s*<model fallback="forbid">Icelake-Server<\/model>/);
});

test('host kickstart by profile: current RHEL xfs with /boot ≥ 1 GiB and /boot/efi; rhev-2.2 the ext3 layout', () => {
  const rhel = build(profilePlan('rhel-9')).files.find((f) => f.name.endsWith('kickstart-partitions.ks'))!.data;
  assert.match(rhel, /^part \/boot\/efi --size=600 --fstype=efi$/m);
  assert.match(rhel, /^part \/boot --size=1024 --fstype=xfs$/m);
  assert.match(rhel, /^part \/ --size=20480 --fstype=xfs$/m);
  assert.doesNotMatch(rhel, /ext3|\/config/);
  const seed = build(profilePlan('rhev-2.2')).files.find((f) => f.name.endsWith('kickstart-partitions.ks'))!.data;
  assert.match(seed, /^part \/boot --size=50 --fstype=ext3$/m);
  assert.match(seed, /^part \/config --size=5 --fstype=ext3$/m);
  assert.doesNotMatch(seed, /efi/);
});
