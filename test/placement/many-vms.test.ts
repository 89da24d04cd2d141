// Estates past 100,000 VMs: no figure may be taken by spreading every VM or host into
// Math.max (the call stack overflows somewhere above 100,000 arguments; a million VMs ended
// as an internal error, exit 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerBound, solvePlacement } from '../../src/placement/index.ts';
import { mdTable } from '../../src/report/markdown-table.ts';
import { maxOf, minOf } from '../../src/util/extent.ts';
import { problem, vm } from './builders.ts';

const N = 400_000;

test(`${N.toLocaleString('en-US')} VMs: the lower bound and a plan within the limit`, async () => {
  const p = problem({
    resources: ['vcpu', 'memoryGb'],
    hostModels: [{ name: 'std', capacity: { vcpu: 64, memoryGb: 384 }, cost: 1 }],
    vms: Array.from({ length: N }, (_, i) => vm(`vm${i}`, { vcpu: 1 + (i % 4), memoryGb: 4 })),
    timeLimitSeconds: 2,
  });
  // Σ vCPU = 400,000 × 2.5 = 1,000,000 on 64 per host.
  assert.equal(lowerBound(p).hosts, Math.ceil(1_000_000 / 64));
  const r = await solvePlacement(p);
  assert.equal(r.unplaced.length, 0);
  assert.equal(
    r.hosts.reduce((s, h) => s + h.vms.length, 0),
    N,
  );
});

test('maxOf and minOf over a million values, with their floors and NaN as Math.max has them', () => {
  const xs = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
  assert.equal(maxOf(xs), Math.max(...xs.slice(0, 1000), ...xs.slice(1000).filter((x) => x > 999_000)));
  assert.equal(minOf(xs), 0);
  assert.equal(maxOf([], 3), 3);
  assert.equal(maxOf([1, 2], 5), 5);
  assert.equal(minOf([4, 9], 2), 2);
  assert.ok(Number.isNaN(maxOf([1, Number.NaN, 2])));
});

test('a Markdown table of 300,000 rows', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => [`vm${i}`, String(i)]);
  const text = mdTable(
    [
      { header: 'VM', align: 'left' },
      { header: 'n', align: 'right' },
    ],
    rows,
  );
  assert.equal(text.split('\n').length, 300_002);
});
