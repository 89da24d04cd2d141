// provision.sh run for real against libvirt's test driver, with a VM named to break naive
// quoting (quotes, spaces, ;, $() and <x>). Thin disks: the test driver's pools hold 100 GiB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { quoteWord } from '../../src/escape/shell.ts';
import { testNodeXml } from '../../src/provision/test-node-xml.ts';
import { toolSkip } from '../helpers/env.ts';
import { build, examplePlan, HOSTILE_NAME, hostilePlan, writeOutput } from './fixtures/provision-fixtures.ts';

const skip = toolSkip('virsh') || toolSkip('bash');

function runScript(hostDir: string, uri: string, ...args: string[]) {
  return spawnSync(path.join(hostDir, 'provision.sh'), args, {
    encoding: 'utf8',
    cwd: hostDir,
    env: { ...process.env, LIBVIRT_URI: uri },
  });
}

test('provision.sh with a hostile VM name defines, autostarts and starts exactly that VM', { skip }, () => {
  const output = build(hostilePlan({ diskFormat: 'qcow2' }));
  const dir = writeOutput(output);
  const hp = output.hosts[0]!;
  const hostDir = path.join(dir, hp.dir);
  const r = runScript(hostDir, `test://${path.join(hostDir, 'test-node.xml')}`);
  assert.equal(r.status, 0, r.stderr);
  const ran = r.stdout.split('\n').filter((l) => l.startsWith('virsh '));
  // Every step ran once, in order, and virsh accepted the hostile name verbatim.
  assert.equal(ran.length, 2 * 3 + 4 + hp.volumes.length + 3 * hp.domains.length);
  assert.ok(ran.includes(`virsh start --domain ${quoteWord(HOSTILE_NAME)}`));
  assert.ok(ran.includes(`virsh autostart --domain ${quoteWord(HOSTILE_NAME)}`));
  assert.match(r.stdout, /^connected to test:\/\/\/.*test-node\.xml$/m);
  assert.match(r.stdout, /host host1: 34 step\(s\) run/);
  assert.equal(existsSync(path.join(hostDir, 'pwned')), false, 'the $() in the name must not run');
  assert.equal(existsSync(path.join(dir, 'pwned')), false);
});

test('provision.sh against a node that already holds the objects skips them; --dry-run changes nothing', {
  skip,
}, () => {
  const output = build(hostilePlan({ diskFormat: 'qcow2' }));
  const dir = writeOutput(output);
  const hp = output.hosts[0]!;
  const hostDir = path.join(dir, hp.dir);
  const node = path.join(dir, 'existing.xml');
  writeFileSync(
    node,
    testNodeXml(hp.host, {
      networks: hp.networks.map((n) => n.xml),
      pools: [{ xml: hp.pool.xml, volumes: hp.volumes.map((v) => v.xml) }],
      domains: hp.domains.map((d) => d.xml),
    }),
  );
  const r = runScript(hostDir, `test://${node}`, '--dry-run');
  assert.equal(r.status, 0, r.stderr);
  const planned = r.stdout.split('\n').filter((l) => l.startsWith('would run: '));
  // Only autostart flags remain: the test driver's node XML cannot hold them.
  assert.deepEqual(
    planned.filter((l) => !/^would run: virsh (net-|pool-)?autostart /.test(l)),
    [],
  );
  assert.equal(planned.length, 2 + 1 + hp.domains.length);
});

test("provision.sh stops at the first failing step with virsh's error", { skip }, () => {
  const output = build(examplePlan()); // raw disks exceed the test pool's 100 GiB
  const dir = writeOutput(output);
  const hostDir = path.join(dir, output.hosts[0]!.dir);
  const r = runScript(hostDir, `test://${path.join(hostDir, 'test-node.xml')}`);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /provision\.sh: virsh vol-create --pool capplan .*\nerror: .*\nerror: .*Not enough free space/,
  );
  assert.doesNotMatch(r.stdout, /virsh define /);
});
