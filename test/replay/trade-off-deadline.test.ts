// The trade-off table (method §14.5) shares the plan's one clock (§6.5): a plan with the table
// on returns within placement.timeLimitSeconds plus the promised second, every row says whether
// its placement stopped at its share of the limit. A project whose series placement cannot
// prove its host count quickly (100 VMs, N+1, the lower bound below what packs) uses the time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { Deadline } from '../../src/placement/deadline.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { makeRng } from '../../src/util/rng.ts';

const LIMIT_SECONDS = 4;

function project(): string {
  const rng = makeRng(11);
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-tradeoff-'));
  const inv = ['name,vm_name,os,os_bits,sockets,cores_per_socket,cpu_ghz,memory_mb,disk_gb,nics,nic_gbps,ha_priority'];
  const mon = ['timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops'];
  for (let v = 0; v < 100; v++) {
    const cores = 1 + Math.floor(rng() * 4);
    inv.push(`s${v},vm${v},Linux,64,1,${cores},2.0,8192,20,1,1,medium`);
    const phase = rng() * 24;
    const base = 5 + rng() * 20;
    const burst = rng() * 45;
    for (let i = 0; i < 48 * 4; i++) {
      const day = Math.max(0, Math.cos(((i / 4 - phase) / 24) * 2 * Math.PI));
      const cpu = Math.min(100, base + burst * day ** 4 + rng() * 5);
      const t = new Date(Date.UTC(2024, 0, 1) + i * 15 * 60_000).toISOString().replace('.000Z', 'Z');
      mon.push(`${t},s${v},${cpu.toFixed(2)},${(2048 * (0.8 + 0.2 * day)).toFixed(1)},10,1,10`);
    }
  }
  writeFileSync(path.join(dir, 'inventory.csv'), `${inv.join('\n')}\n`);
  writeFileSync(path.join(dir, 'monitoring.csv'), `${mon.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'catalog.yaml'),
    'models:\n  - { name: small, sockets: 1, coresPerSocket: 4, threadsPerCore: 1, cpuGhz: 2.0, memoryGb: 64, ' +
      'nics: 2, nicGbps: 1, localDiskMb: 400000, price: 1, watts: 100 }\n',
  );
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    [
      'project: tradeoff',
      'inputs: { inventory: inventory.csv, monitoring: monitoring.csv, catalog: catalog.yaml }',
      'cluster: { mode: catalog, redundancy: 1, vcpuPerCore: 8, cpuCeilingPct: 75, failoverCeilingPct: 95 }',
      'quality: { minDays: 1 }',
      `placement: { demand: series, timeLimitSeconds: ${LIMIT_SECONDS}, objective: min-hosts }`,
    ].join('\n'),
  );
  return dir;
}

test('plan with the trade-off table returns within timeLimitSeconds + 1 s and marks rows cut short', async () => {
  const { inputs } = await readProjectInputs(project());
  assert.equal(inputs.settings.replay.tradeOff, true);
  const t0 = performance.now();
  const plan = await assemblePlan(inputs);
  const wall = (performance.now() - t0) / 1000;
  // The limit plus the promised second, plus a margin for a shared CI machine (the replays of
  // the five rows come after their placements).
  // (Before the rows shared the clock the plan took twice the limit.)
  assert.ok(wall <= LIMIT_SECONDS + 1 + 2.5, `took ${wall.toFixed(2)} s`);
  const rows = plan.replay!.tradeOff!.rows;
  assert.deepEqual(
    rows.map((r) => r.sizing),
    ['avg', 'p95', 'p99', 'max', 'series (30 min, max, day)'],
  );
  for (const r of rows) assert.equal(typeof r.stoppedEarly, 'boolean');
  assert.ok(plan.placement.hostsUsed > 0);
});

test('rows that would start after the clock ran out are left out and named, in plan.json and plan.md', async () => {
  const { inputs } = await readProjectInputs(project());
  // A clock already spent: the plan's own placement still comes back (by the linear
  // construction), and no row is started.
  const plan = await assemblePlan({ ...inputs, deadline: Deadline.after(0) });
  assert.ok(plan.placement.hostsUsed > 0);
  const t = plan.replay!.tradeOff!;
  assert.deepEqual(t.rows, []);
  assert.deepEqual(t.omitted, ['avg', 'p95', 'p99', 'max', 'series']);
  const { markdown } = renderMarkdown(plan);
  assert.match(
    markdown,
    /Left out, the time limit having run out before their turn: avg, p95, p99, max, series \(method §14\.5/,
  );
});
