// `capplan place` on a project folder or a plan.json: the placement problem the pipeline
// solved, for what-if work (docs/placement.md, "`capplan place`").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, cliBin } from '../helpers/env.ts';

const bin = cliBin;

for (const input of ['fixtures/aseguradora', 'reports/aseguradora/plan.json']) {
  test(`capplan place ${input}: the worked example's problem, 2 hosts, proved optimal`, () => {
    const r = spawnSync('node', [bin, 'place', path.join(repoRoot, input)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.vms.length, 10);
    assert.ok(out.vms.every((v: { host: string | null }) => v.host === 'host1' || v.host === 'host2'));
    assert.deepEqual([out.placement.hostsUsed, out.placement.lowerBound, out.placement.optimal], [2, 2, true]);
  });
}
