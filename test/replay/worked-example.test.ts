// The worked example replayed on its own monitoring window (method §14): its hosts show 50 %
// CPU as vCPU slots, but the measured samples load each 16 GHz host with ~15 GHz on average,
// over 16 GHz in more than a quarter of the intervals, 29.5 GHz on the survivor of a failure,
// and network demand over three times the NICs' line rate. The plan itself is unchanged
// (test/plan/worked-example.test.ts keeps tables 2.7/2.8 and the placement).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { parsePlan } from '../../src/domain/plan.ts';

const out = mkdtempSync(path.join(tmpdir(), 'capplan-replay-we-'));
const run = spawnSync('node', [cliBin, 'plan', path.join(repoRoot, 'fixtures/aseguradora'), '--out', out], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
const plan = parsePlan(readFileSync(path.join(out, 'plan.json'), 'utf8'), 'plan.json');
const window = plan.replay!.windows[0]!;
const normal = window.scenarios.find((s) => s.name === 'normal')!;
const host = (name: string) => normal.hosts.find((h) => h.name === name)!;

test('the worked example replays its two weeks at 5 minutes: 4,032 intervals per host', () => {
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    [window.role, window.from, window.to, window.intervalSeconds, window.vms],
    ['planning', '2010-03-22T00:00:00Z', '2010-04-05T00:00:00Z', 300, 10],
  );
  assert.deepEqual(
    normal.hosts.map((h) => [h.name, h.intervals, h.vms]),
    [
      ['rhevh1', 4032, 5],
      ['rhevh2', 4032, 5],
    ],
  );
});

test('its real CPU load: ~15 GHz of 16 GHz on average, over 16 GHz in ~28 % of intervals', () => {
  // 2 × 4 cores × 2 GHz = 16 GHz; the "50 % CPU" of the plan is 8 of 16 vCPU slots.
  assert.equal(plan.hosts[0]!.load.cpuPct, 50);
  const h1 = host('rhevh1').cpu!;
  const h2 = host('rhevh2').cpu!;
  assert.deepEqual([h1.capacity, h1.avg, h1.over100Pct, h1.overCeilingPct], [16, 15.03, 28.35, 62.48]);
  assert.deepEqual([h2.capacity, h2.avg, h2.over100Pct, h2.overCeilingPct], [16, 14.47, 26.69, 49.16]);
  const survivor = window.scenarios.find((s) => s.name === 'rhevh1 fails')!.hosts[0]!;
  assert.deepEqual([survivor.name, survivor.vms, survivor.cpu!.avg], ['rhevh2', 10, 29.5]);
});

test('its real network load: over three times the 3 × 4 Gbit/s line rate', () => {
  const n1 = host('rhevh1').network!;
  const n2 = host('rhevh2').network!;
  assert.equal(n1.capacity, 1500);
  assert.ok((n1.avg + n2.avg) / 1500 > 3, `${n1.avg} + ${n2.avg} MB/s`);
  assert.deepEqual([n1.avg, n2.avg], [1964.64, 3152.86]);
  assert.equal(window.summary.networkOver100Pct, 66.64);
});

test('the overload is a warning naming host, resource and worst interval; the report shows it', () => {
  const f = plan.findings!.filter((x) => x.code === 'replay-overload');
  assert.deepEqual(
    f.map((x) => x.message.match(/^(\S+): .* measured (\S+) demand .* at (\S+)$/)?.slice(1)),
    [
      ['rhevh1', 'CPU', '2010-03-31T13:15:00Z'],
      ['rhevh1', 'network', '2010-03-31T13:10:00Z'],
      ['rhevh2', 'CPU', '2010-03-31T12:35:00Z'],
      ['rhevh2', 'network', '2010-03-31T13:20:00Z'],
    ],
  );
  const md = readFileSync(path.join(out, 'plan.md'), 'utf8');
  assert.match(md, /## Reproducción de la demanda medida/);
  assert.match(md, /\| normal +\| rhevh1 \| +5 \| +15\.03 \/ 31\.38 \/ 16\.00 \|/);
  assert.match(md, /!\[rhevh1: carga en el tiempo\]\(chart-replay-1-1\.png\)/);
  assert.match(run.stdout, /Reproducción de la ventana de planificación .* CPU sobre el umbral 55\.82 %/);
});
