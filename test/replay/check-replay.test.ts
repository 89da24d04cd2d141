// `capplan check --monitoring` replays the newer window on the proposal (method §14.3): the
// worked example's April, with CPU and network over the hosts' capacity most of the time, is
// a violation per host and resource; the JSON report carries the replay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { exampleProposalFile } from '../check/builders.ts';

const april = path.join(repoRoot, 'fixtures/aseguradora/monitoring-april.csv');

test('check --monitoring: the replayed April overloads both hosts, exit 1', () => {
  const r = spawnSync('node', [cliBin, 'check', exampleProposalFile, '--monitoring', april, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  const replay = report.violations.filter((v: { kind: string }) => v.kind === 'replay-overload');
  assert.deepEqual(
    replay.map((v: { host: string; resource: string; available: number }) => [v.host, v.resource, v.available]),
    [
      ['host1', 'cpu', 16],
      ['host1', 'network', 1500],
      ['host2', 'cpu', 16],
      ['host2', 'network', 1500],
    ],
  );
  assert.equal(report.replay.role, 'backtest');
  assert.equal(report.replay.from, '2010-04-05T00:00:00Z');
});
