// `capplan replay <plan.json> <monitoring…>` (method §14.3): replay.json + replay.md, exit 1
// when normal operation is overloaded beyond replay.maxOverloadPct, 0 otherwise; and
// `plan --replay`, which records both windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { replayFileSchema } from '../../src/domain/plan-replay.ts';
import { parsePlan } from '../../src/domain/plan.ts';

const plan = path.join(repoRoot, 'reports/aseguradora/plan.json');
const april = path.join(repoRoot, 'fixtures/aseguradora/monitoring-april.csv');
const run = (...args: string[]) =>
  spawnSync('node', [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('replay on the month after: overloaded, exit 1, the growth that would have held', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-replay-'));
  const r = run('replay', plan, april, '--out', out);
  assert.equal(r.status, 1, r.stderr);
  const file = replayFileSchema.parse(JSON.parse(readFileSync(path.join(out, 'replay.json'), 'utf8')));
  const w = file.windows[0]!;
  assert.deepEqual(
    [w.role, w.from, w.to, w.overloaded],
    ['backtest', '2010-04-05T00:00:00Z', '2010-04-19T00:00:00Z', true],
  );
  assert.equal(w.summary.cpuOver100Pct, 27.74);
  assert.deepEqual(w.requiredGrowth, { cpu: 1.56, memory: 1, cpuGrowth: 0.56, memoryGrowth: 0.5 });
  assert.ok(file.findings.some((f) => f.code === 'replay-overload' && f.message.startsWith('rhevh2: ')));
  const md = readFileSync(path.join(out, 'replay.md'), 'utf8');
  assert.match(md, /\*\*El plan no se sostuvo\*\*: se habría sostenido con la demanda de CPU × 1\.56/);
  // The plan's language (es) for the whole of replay.md, its frame too.
  assert.match(md, /^# Contraste de .*\n\nPlan: .*, 2 nodos, 10 VM ubicadas {2}\nVentana: 1 archivo: /);
  assert.match(md, /Sobrecarga admitida: \d+ % de los intervalos/);
  assert.match(md, /\n## Hallazgos\n\n- warning replay-overload: /);
  assert.doesNotMatch(md, /Backtest of|Allowed overload|## Findings|VMs placed/);
  assert.match(r.stdout, /Replay of the backtest window \(2010-04-05 – 2010-04-19/);
});

test('replay on a calm window: holds, exit 0', () => {
  // April at a tenth of its CPU and network demand: every host under 100 % throughout.
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-replay-calm-'));
  const lines = readFileSync(april, 'utf8').trimEnd().split('\n');
  const calm = lines.map((l, i) => {
    if (i === 0) return l;
    const c = l.split(',');
    for (const k of [2, 5]) c[k] = (Number(c[k]) / 10).toFixed(3);
    return c.join(',');
  });
  const file = path.join(dir, 'calm.csv');
  writeFileSync(file, `${calm.join('\n')}\n`);
  const r = run('replay', plan, file, '--out', dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const w = JSON.parse(readFileSync(path.join(dir, 'replay.json'), 'utf8')).windows[0];
  assert.equal(w.overloaded, false);
  assert.equal(w.summary.cpuOver100Pct, 0);
  assert.match(readFileSync(path.join(dir, 'replay.md'), 'utf8'), /\*\*El plan se sostuvo\*\* en esta ventana/);
});

test('a missing monitoring file is bad input: exit 2, nothing written', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-replay-bad-'));
  const r = run('replay', plan, path.join(out, 'nope.csv'), '--out', out);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /nope\.csv: no such file or folder/);
});

test('plan --replay records the planning and the backtest window and exits 1 on the overloaded backtest', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-plan-replay-'));
  const r = run('plan', path.join(repoRoot, 'fixtures/aseguradora'), '--out', out, '--replay', april);
  assert.equal(r.status, 1, r.stderr);
  const p = parsePlan(readFileSync(path.join(out, 'plan.json'), 'utf8'), 'plan.json');
  assert.deepEqual(
    p.replay!.windows.map((w) => [w.role, w.from]),
    [
      ['planning', '2010-03-22T00:00:00Z'],
      ['backtest', '2010-04-05T00:00:00Z'],
    ],
  );
  // The placement is the plan's own, whatever the backtest says.
  assert.deepEqual(
    p.hosts.map((h) => h.vms.length),
    [5, 5],
  );
});
