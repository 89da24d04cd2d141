// Regression tests of the probe findings about provisioning: each fails on the code before the
// fix and passes after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { uniqueSlugs } from '../../src/provision/names.ts';
import { toolSkip } from '../helpers/env.ts';
import { planVm } from './fixtures/aseguradora-plan.ts';
import { build, examplePlan, writeOutput } from './fixtures/provision-fixtures.ts';

function withVms(names: string[], host = 'host1') {
  const plan = examplePlan({ diskFormat: 'qcow2' });
  for (const name of names) {
    plan.vms.push(planVm({ name, sourceServer: name, host, vcpu: 1, memoryGb: 1, diskGb: 5, os: 'CentOS 7' }));
    plan.hosts.find((h) => h.name === host)!.vms.push(name);
  }
  return plan;
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
const distinct = (xs: string[]) => new Set(lower(xs)).size === xs.length;

test('H2 slug collision: `a b` and the explicit name `a_b-c8687a08` get two disks and two domain files', () => {
  const output = build(withVms(['a b', 'a_b-c8687a08']));
  const hosts = output.hosts;
  const volumes = hosts.flatMap((h) => h.volumes.map((v) => v.name));
  const files = hosts.flatMap((h) => h.domains.map((d) => `${h.dir}/${d.file}`));
  assert.ok(distinct(volumes), volumes.join(', '));
  assert.ok(distinct(files), files.join(', '));
  // Also across hosts: the pool is shared storage.
  const two = withVms(['a b']);
  two.vms.push(planVm({ name: 'a_b-c8687a08', sourceServer: 'x', host: 'host2', vcpu: 1, memoryGb: 1, diskGb: 5 }));
  two.hosts[1]!.vms.push('a_b-c8687a08');
  const vols = build(two).hosts.flatMap((h) => h.volumes.map((v) => v.name));
  assert.ok(distinct(vols), vols.join(', '));
});

test('L7 names differing only in case: `APP` and `app` give files and volumes that differ case-insensitively', () => {
  const output = build(withVms(['APP', 'app']));
  const volumes = output.hosts.flatMap((h) => h.volumes.map((v) => v.name));
  const files = output.files.map((f) => f.name);
  assert.ok(distinct(volumes), volumes.join(', '));
  assert.ok(distinct(files), 'every output file name is unique ignoring case');
  // Hosts too: their folders.
  const m = uniqueSlugs(['HOST1', 'host1']);
  assert.notEqual(m.get('HOST1')!.toLowerCase(), m.get('host1')!.toLowerCase());
  // Unchanged names stay as they are when nothing collides.
  assert.deepEqual([...uniqueSlugs(['web', 'db']).values()], ['web', 'db']);
});

test('L4 a VM named `--help` is defined, started and autostarted, not taken as a virsh option', {
  skip: toolSkip('virsh') || toolSkip('bash'),
}, () => {
  const output = build(withVms(['--help']));
  const dir = writeOutput(output);
  const hp = output.hosts[0]!;
  const hostDir = path.join(dir, hp.dir);
  const uri = `test://${path.join(hostDir, 'test-node.xml')}`;
  const r = spawnSync(path.join(hostDir, 'provision.sh'), [], {
    encoding: 'utf8',
    cwd: hostDir,
    env: { ...process.env, LIBVIRT_URI: uri },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^virsh start --domain --help$/m);
  assert.match(r.stdout, /^virsh autostart --domain --help$/m);
  assert.doesNotMatch(r.stdout, /Usage|SYNOPSIS|help: /i);
});
