import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, cliBin } from '../helpers/env.ts';

const fixture = (name: string) => path.join('test/placement/fixtures', name);
const place = (...args: string[]) => spawnSync('node', [cliBin, 'place', ...args], { cwd: repoRoot, encoding: 'utf8' });

test('capplan place: an infeasible problem exits 1 and explains each VM per host model', () => {
  const r = place(fixture('infeasible.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unplaced v2:\n {2}m1: needs cpu 1200, host allows 1000 \(1000 at 100 % ceiling\)/);
  const out = JSON.parse(r.stdout) as { vms: { name: string; host: string | null }[] };
  assert.deepEqual(out.vms, [
    { name: 'v1', host: 'host1' },
    { name: 'v2', host: null },
  ]);
});

test('capplan place: a wrongly typed value exits 2 naming file, line and field path', () => {
  const r = place(fixture('bad-type.json'));
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    `capplan: ${fixture('bad-type.json')}:3: vms[0].demand.cpu: Invalid input: expected number, received string\n`,
  );
});

test('capplan place: a demand on an undeclared resource exits 2', () => {
  const r = place(fixture('unknown-resource.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown-resource\.json:3: vms\[0\]\.demand\.gpu: unknown resource "gpu" \(resources: cpu\)/);
});

test('capplan place: N+1 problem writes a checked result with --out and exits 0', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-place-'));
  const out = path.join(dir, 'result.json');
  const r = place(fixture('n-plus-1.json'), '--out', out);
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(readFileSync(out, 'utf8')) as {
    placement: { hostsUsed: number; cost: number };
    redundancy: { satisfied: boolean; scenarios: unknown[] };
    violations: unknown[];
  };
  assert.equal(res.placement.hostsUsed, 3);
  assert.equal(res.placement.cost, 9);
  assert.equal(res.redundancy.satisfied, true);
  assert.equal(res.redundancy.scenarios.length, 3);
  assert.deepEqual(res.violations, []);
});
