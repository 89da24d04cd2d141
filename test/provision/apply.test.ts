// Applies the worked example to libvirt's test driver over one virsh session per host, as
// `capplan provision --apply` does. The test driver gives every storage pool a fixed 100 GiB,
// so these runs use thin (qcow2) disks: a host's pre-allocated raw disks (355 GB on host1)
// would not fit its pool. The steps are otherwise the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyHost } from '../../src/provision/apply.ts';
import { testNodeXml } from '../../src/provision/test-node-xml.ts';
import { VirshSession } from '../../src/provision/virsh-session.ts';
import { toolSkip } from '../helpers/env.ts';
import { build, examplePlan, writeOutput } from './fixtures/provision-fixtures.ts';

const skip = toolSkip('virsh');
const output = build(examplePlan({ diskFormat: 'qcow2' }));
const dir = writeOutput(output);

function field(dominfo: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(dominfo)?.[1]?.trim();
}

for (const hp of output.hosts) {
  test(`${hp.host.name}: apply defines and starts every VM with its planned vCPU and memory; a re-apply changes ` +
    `nothing`, {
    skip,
  }, async () => {
    const hostDir = path.join(dir, hp.dir);
    const session = VirshSession.open(`test://${path.join(hostDir, 'test-node.xml')}`);
    try {
      const node = await session.run('nodeinfo');
      assert.equal(
        field(node.output, 'CPU\\(s\\)'),
        String(hp.host.sockets * hp.host.coresPerSocket * hp.host.threadsPerCore),
      );
      assert.equal(field(node.output, 'Memory size'), `${hp.host.memoryGb * 1024 * 1024} KiB`);

      const first = await applyHost(session, hp, { hostDir, dryRun: false });
      assert.equal(first.skipped, 0);
      assert.equal(first.ran.filter((l) => l.startsWith('define ')).length, hp.domains.length);
      for (const dom of hp.domains) {
        const info = await session.run(`dominfo ${dom.name}`);
        assert.deepEqual(info.errors, []);
        assert.equal(field(info.output, 'State'), 'running', dom.name);
        assert.equal(field(info.output, 'CPU\\(s\\)'), String(dom.spec.vcpu), dom.name);
        assert.equal(field(info.output, 'Max memory'), `${dom.spec.memoryMib * 1024} KiB`, dom.name);
        assert.equal(field(info.output, 'Autostart'), 'enable', dom.name);
        assert.equal(field(info.output, 'UUID'), dom.spec.uuid, dom.name);
      }
      const again = await applyHost(session, hp, { hostDir, dryRun: false });
      assert.deepEqual(again.ran, []);
      assert.equal(again.skipped, first.ran.length);
    } finally {
      await session.close();
    }
  });
}

test('a node XML that already holds every object: nothing is defined, created or started again', { skip }, async () => {
  const hp = output.hosts[0]!;
  const hostDir = path.join(dir, hp.dir);
  const node = path.join(dir, 'existing-node.xml');
  writeFileSync(
    node,
    testNodeXml(hp.host, {
      networks: hp.networks.map((n) => n.xml),
      pools: [{ xml: hp.pool.xml, volumes: hp.volumes.map((v) => v.xml) }],
      domains: hp.domains.map((d) => d.xml),
    }),
  );
  const session = VirshSession.open(`test://${node}`);
  try {
    const report = await applyHost(session, hp, { hostDir, dryRun: false });
    // The test driver's node XML cannot record autostart flags (they live outside the object
    // XML), so only the autostart steps remain; every define/create/start is skipped.
    assert.deepEqual(
      report.ran.filter((l) => !/^(net-|pool-)?autostart /.test(l)),
      [],
    );
    const again = await applyHost(session, hp, { hostDir, dryRun: false });
    assert.deepEqual(again.ran, []);
  } finally {
    await session.close();
  }
});

test('a dry run reads the state and changes nothing', { skip }, async () => {
  const hp = output.hosts[1]!;
  const hostDir = path.join(dir, hp.dir);
  const session = VirshSession.open(`test://${path.join(hostDir, 'test-node.xml')}`);
  try {
    const dry = await applyHost(session, hp, { hostDir, dryRun: true });
    assert.ok(dry.ran.length > 0);
    const list = await session.run('list --all --name');
    assert.equal(list.output.trim(), '');
  } finally {
    await session.close();
  }
});

test('a failing step stops the apply with the virsh error', { skip }, async () => {
  const hp = build(examplePlan()).hosts[0]!; // raw disks: more than the test pool's 100 GiB
  const hostDir = path.join(writeOutput(build(examplePlan())), hp.dir);
  const session = VirshSession.open(`test://${path.join(hostDir, 'test-node.xml')}`);
  try {
    await assert.rejects(
      applyHost(session, hp, { hostDir, dryRun: false }),
      /vol-create --pool capplan .*Not enough free space/s,
    );
  } finally {
    await session.close();
  }
});
