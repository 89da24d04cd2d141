import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toolSkip, cliBin } from '../helpers/env.ts';
import { examplePlan } from './fixtures/provision-fixtures.ts';

const capplan = (args: string[], cwd: string) => spawnSync('node', [cliBin, ...args], { encoding: 'utf8', cwd });

function planDir(provision = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-cli-provision-'));
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(examplePlan(provision), null, 2));
  return dir;
}

test('capplan provision writes every host folder and prints the steps it would run', () => {
  const dir = planDir();
  const r = capplan(['provision', 'plan.json', '--out', 'out'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /wrote 36 files for 2 host\(s\) under out/);
  assert.match(r.stdout, /would run: virsh define .*out\/host1\/domains\/nomina\.xml/);
  assert.equal(statSync(path.join(dir, 'out/host1/provision.sh')).mode & 0o111, 0o111);
  const xml = readFileSync(path.join(dir, 'out/host1/domains/nomina.xml'), 'utf8');
  assert.match(xml, /<capplan:plan project="aseguradora" formatVersion="1" digest="sha256:[0-9a-f]{64}"\/>/);
});

test('capplan provision --apply over the test driver runs every step of the host', { skip: toolSkip('virsh') }, () => {
  const dir = planDir({ diskFormat: 'qcow2' });
  capplan(['provision', 'plan.json', '--out', 'out'], dir);
  // Checks the command path; apply.test.ts checks the resulting state and the re-apply.
  const uri = `test://${path.join(dir, 'out/host2/test-node.xml')}`;
  const r = capplan(['provision', 'plan.json', '--out', 'out', '--apply', '--host', 'host2', '--connect', uri], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^virsh start --domain propietario-2$/m);
  assert.match(r.stdout, /host host2: 30 step\(s\) run, 0 already satisfied/);
});

test('bad use exits 2 with a message, not a stack trace', () => {
  const dir = planDir();
  writeFileSync(path.join(dir, 'broken.json'), '{"project": ');
  const cases: [string[], RegExp][] = [
    [['provision', 'missing.json'], /missing\.json: cannot read: ENOENT/],
    [['provision', 'broken.json'], /broken\.json(:\d+)?: \(root\): not valid JSON/],
    [['provision', 'plan.json', '--apply'], /--apply needs --connect URI/],
    [
      ['provision', 'plan.json', '--connect', 'test:///default'],
      /the plan has 2 hosts; name the one behind --connect with --host \(host1, host2\)/,
    ],
  ];
  for (const [args, message] of cases) {
    const r = capplan(args, dir);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});
