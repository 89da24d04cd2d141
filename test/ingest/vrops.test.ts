// Aria Operations / vROps CSV exports: a view exported from the UI (metric labels with units,
// thousands separators, "12:00 AM 21 July 2026", the object named on its group's first row) and
// a metric-key export (vrops-export's timestamp,resName,… layout); fixtures written for capplan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, mkdtempSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { cliBin } from '../helpers/env.ts';

const fx = (name: string) => path.join(import.meta.dirname, 'fixtures/monitoring', name);
const close = (a: number | undefined, b: number, eps = 1e-6) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= eps, `${a} ≈ ${b}`);
const read = (files: string[], extra: object = {}) => readMonitoring(files, { percentiles: [], ...extra });

test('vROps view export: CPU demand MHz over provisioned MHz, KB → MB, KBps → MB/s, object per row group', async () => {
  const r = await read([fx('vrops-vm-view.csv')], { timezone: 'America/Mexico_City' });
  assert.equal(r.files?.[0]?.format, 'vrops');
  const by = Object.fromEntries(r.servers.map((s) => [s.server, s]));
  assert.deepEqual(Object.keys(by), ['app01', 'db01']);
  const app = by.app01!;
  assert.equal(app.samples, 2);
  // Mexico City has kept CST (UTC−6) all year since 2022.
  assert.equal(app.firstTimestamp, '2026-07-21T06:00:00Z');
  assert.equal(app.lastTimestamp, '2026-07-21T06:05:00Z');
  close(app.metrics.cpuPct?.min, (1546.6 / 5200) * 100, 1e-4); // 29.74 %
  assert.equal(app.metrics.cpuPct?.max, 50);
  // The MHz themselves are kept: (1,546.6 + 2,600) / 2 (method §3.7).
  close(app.metrics.cpuMhz?.avg, 2073.3);
  assert.equal(app.metrics.memoryUsedMb?.avg, 6656); // (6,291,456 + 7,340,032) KB / 2 / 1024
  assert.equal(app.metrics.diskUsedGb?.avg, 61.25);
  assert.equal(app.metrics.networkMBps?.avg, 1.5); // (2,048 + 1,024) KBps / 2 / 1024
  assert.equal(app.metrics.iops?.avg, 100);
  const db = by.db01!;
  assert.equal(db.metrics.cpuPct?.avg, 75);
  assert.equal(db.metrics.networkMBps?.samples, 1); // "-" = no value
  assert.equal(db.metrics.iops?.max, 1200);
  assert.deepEqual(
    r.inventory?.map((i) => [i.server, i.cores, i.cpuGhz, i.memoryMb, i.osBits]),
    [
      ['app01', 2, 2.6, 8192, 64],
      ['db01', 4, 2.6, 16384, 64],
    ],
  );
  const notes = r.files?.[0]?.notes.join('\n') ?? '';
  assert.match(notes, /ignored columns: Badge\|Health \(%\)/);
  assert.match(notes, /thousands ","/);
  assert.match(notes, /local times in America\/Mexico_City/);
  assert.equal(
    r.findings.some((f) => f.code === 'timezone-unknown'),
    false,
  );
});

test('vROps export without a time zone: read as UTC with a warning', async () => {
  const r = await read([fx('vrops-vm-view.csv')]);
  assert.equal(r.servers[0]?.firstTimestamp, '2026-07-21T00:00:00Z');
  assert.ok(r.findings.some((f) => f.code === 'timezone-unknown' && f.severity === 'warning'));
});

test('vROps metric-key export (timestamp,resName,cpu|demandmhz …): CPU % column without a capacity', async () => {
  const r = await read([fx('vrops-export-keys.csv')], { utcOffsetMinutes: 120 });
  assert.equal(r.files?.[0]?.format, 'vrops');
  const [s] = r.servers;
  assert.equal(s?.server, 'web01');
  assert.equal(s?.firstTimestamp, '2026-07-20T22:00:00Z');
  assert.equal(s?.metrics.cpuPct?.avg, 31.5);
  assert.equal(s?.metrics.memoryUsedMb?.avg, 1536);
  close(s?.metrics.networkMBps?.avg, 200 / 1024);
  assert.deepEqual(
    r.inventory?.map((i) => [i.server, i.cores, i.memoryMb]),
    [['web01', null, 4096]],
  );
});

test('vROps: demand in MHz with no capacity nor % is kept as MHz, no % guessed; a bad number is located', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-vrops-'));
  const a = path.join(dir, 'a.csv');
  writeFileSync(a, 'Object Name,Time,CPU|Demand (MHz)\nvm1,1:00 PM 21 July 2026,"1,000"\n');
  const r = await read([a], { timezone: 'UTC' });
  assert.equal(r.servers[0]?.firstTimestamp, '2026-07-21T13:00:00Z');
  assert.equal(r.servers[0]?.metrics.cpuPct, undefined);
  assert.equal(r.servers[0]?.metrics.cpuMhz?.avg, 1000);
  assert.ok(
    r.findings.some((f) => f.code === 'cpu-mhz-without-capacity' && f.server === 'vm1' && f.severity === 'info'),
  );
  const b = path.join(dir, 'b.csv');
  writeFileSync(b, 'Name,Time,CPU|Usage (%)\nvm1,12:00 AM 21 July 2026,12\nvm1,12:05 AM 21 July 2026,lots\n');
  await assert.rejects(read([b]), {
    message: `${b}:3:CPU|Usage (%): Aria Operations CSV: expected a number ≥ 0, got "lots"`,
  });
});

test('ingest of a folder: a vROps export is monitoring, not an inventory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-vrops-dir-'));
  copyFileSync(fx('vrops-vm-view.csv'), path.join(dir, 'vSphere World - VMs.csv'));
  const r = await ingestSources([dir], { timezone: 'America/Mexico_City' });
  assert.deepEqual(
    r.sources.map((s) => [s.kind, s.format, s.servers]),
    [['monitoring', 'vrops', 2]],
  );
  assert.deepEqual(
    r.usage.map((u) => u.server),
    ['app01', 'db01'],
  );
});

test('a vROps export alone plans: the inventory comes from its capacity metrics', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-vrops-plan-'));
  mkdirSync(path.join(dir, 'vrops'));
  copyFileSync(fx('vrops-vm-view.csv'), path.join(dir, 'vrops', 'vms.csv'));
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    'project: vrops-only\ninputs:\n  monitoring: vrops\n  timezone: America/Mexico_City\n',
  );
  const out = path.join(dir, 'out');
  const r = spawnSync(process.execPath, [cliBin, 'plan', dir, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const p = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')) as Plan;
  assert.deepEqual(
    p.servers.map((s) => [s.name, s.coresPerSocket, s.cpuGhz, s.memoryMb, s.osBits, s.origin?.inventoryFrom]),
    [
      ['app01', 2, 2.6, 8192, 64, 'Aria Operations capacity metrics'],
      ['db01', 4, 2.6, 16384, 64, 'Aria Operations capacity metrics'],
    ],
  );
  assert.deepEqual(
    p.vms.map((v) => [v.name, v.status]),
    [
      ['app01', 'placed'],
      ['db01', 'placed'],
    ],
  );
});

test('vROps exports: unquoted and quote-escaping copies read as the quoted export reads', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-vrops-split-'));
  const variant = (name: string, body: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, body);
    return file;
  };
  // The metric-key export without its quotes (split as is) and the view with a "" in a field (csv-parse).
  const keys = readFileSync(fx('vrops-export-keys.csv'), 'utf8');
  const view = readFileSync(fx('vrops-vm-view.csv'), 'utf8');
  const pairs: [string, string][] = [
    [fx('vrops-export-keys.csv'), variant('keys-unquoted.csv', keys.replace(/"/g, ''))],
    [
      fx('vrops-vm-view.csv'),
      variant('view-escaped.csv', view.replace('Server 2019 (64-bit)', 'Server ""2019"" (64-bit)')),
    ],
  ];
  for (const [original, copy] of pairs) {
    const a = await read([original], { timezone: 'America/Mexico_City' });
    const b = await read([copy], { timezone: 'America/Mexico_City' });
    assert.ok(a.servers.length >= 1);
    assert.deepEqual(b.servers, a.servers, copy);
  }
});
