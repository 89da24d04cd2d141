import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { percentileOfSorted } from '../../src/ingest/monitoring/percentile.ts';
import { InputError } from '../../src/domain/errors.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/foundation/monitoring.csv');
const tmp = mkdtempSync(path.join(tmpdir(), 'capplan-mon-'));
function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}
const HEADER = 'timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops\n';

test('percentile: linear interpolation between closest ranks (numpy default, DuckDB quantile_cont)', () => {
  // Expected values computed with numpy.percentile(x, p).
  const cases: [number[], number, number][] = [
    [[10, 20, 30, 40], 50, 25],
    [[10, 20, 30, 40], 95, 38.5],
    [[10, 20, 30, 40], 99, 39.7],
    [[1, 2, 3, 4], 95, 3.85],
    [[1000, 1100, 1200, 1300], 95, 1285],
    [[50, 70], 99, 69.8],
    [[7], 95, 7],
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 100, 5],
  ];
  for (const [xs, p, want] of cases)
    assert.ok(Math.abs(percentileOfSorted(xs, xs.length, p) - want) < 1e-9, `${xs} p${p}`);
});

test('long CSV: per-server samples, UTC range, avg/min/max/percentiles, missing metrics', async () => {
  const { servers, findings } = await readMonitoring([fixture], { percentiles: [90] });
  assert.deepEqual(
    servers.map((s) => s.server),
    ['db', 'web'],
  );
  const [db, web] = servers;
  assert.equal(web?.samples, 4);
  assert.equal(web?.firstTimestamp, '2010-03-22T00:00:00Z');
  assert.equal(web?.lastTimestamp, '2010-03-22T00:15:00Z');
  const cpu = web!.metrics.cpuPct!;
  assert.deepEqual(
    { ...cpu, percentiles: undefined },
    { samples: 4, avg: 25, min: 10, max: 40, percentiles: undefined },
  );
  assert.deepEqual(Object.keys(cpu.percentiles), ['p50', 'p90', 'p95', 'p99']);
  assert.equal(cpu.percentiles.p50, 25);
  assert.equal(cpu.percentiles.p90, 37);
  assert.equal(cpu.percentiles.p95, 38.5);
  assert.ok(Math.abs(cpu.percentiles.p99! - 39.7) < 1e-9);
  assert.equal(web!.metrics.iops!.samples, 3);
  assert.equal(web!.metrics.iops!.avg, 200);
  assert.equal(web!.metrics.networkMBps!.avg, 3);
  assert.equal(web!.intervalSeconds, 300);
  assert.equal(db?.samples, 2);
  assert.equal(db!.metrics.cpuPct!.avg, 60);
  assert.equal(db!.metrics.networkMBps, undefined);
  assert.equal(db!.metrics.iops, undefined);
  assert.deepEqual(findings, []);
});

test('several files of one server are merged; CPU above 100 is clamped with one finding', async () => {
  const a = file('a.csv', `${HEADER}2010-03-22T00:00:00Z,s,101,1,1,1,1\n2010-03-22T00:05:00Z,s,150,1,1,1,1\n`);
  const b = file('b.csv', `${HEADER}2010-03-22T00:10:00Z,s,50,3,1,1,1\n`);
  const { servers, findings } = await readMonitoring([a, b], { percentiles: [] });
  assert.equal(servers[0]?.samples, 3);
  assert.equal(servers[0]?.metrics.cpuPct?.max, 100);
  assert.equal(servers[0]?.metrics.memoryUsedMb?.avg, 5 / 3);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.code, 'cpu-above-100');
  assert.equal(findings[0]?.row, 2);
  assert.equal(findings[0]?.message, 'CPU % above 100 (first 101); clamped to 100; 2 rows');
});

test('hour-of-week profile at a statistic', async () => {
  // 2010-03-22 was a Monday: hour 0 and hour 1 of the week.
  const f = file(
    'p.csv',
    `${HEADER}2010-03-22T00:00:00Z,s,10,,,,\n2010-03-22T00:30:00Z,s,30,,,,\n2010-03-22T01:10:00Z,s,5,,,,\n`,
  );
  const { servers } = await readMonitoring([f], { percentiles: [], profile: 'max' });
  const hours = servers[0]!.profile!.hours.cpuPct!;
  assert.equal(hours.length, 168);
  assert.deepEqual(hours.slice(0, 3), [30, 5, null]);
  assert.equal(servers[0]!.profile!.hours.memoryUsedMb, undefined);
});

const malformed: [string, string, string][] = [
  [
    'timestamp without offset',
    '2010-03-22T00:00:00,s,1,1,1,1,1',
    'm.csv:2:timestamp: local timestamp "2010-03-22T00:00:00" has no UTC offset: set inputs.timezone ' +
      '(e.g. America/Mexico_City) or --utc-offset',
  ],
  [
    'impossible date',
    '2010-02-31T00:00:00Z,s,1,1,1,1,1',
    'm.csv:2:timestamp: expected a timestamp (ISO-8601, dd/mm/yyyy hh:mm, epoch …), got "2010-02-31T00:00:00Z"',
  ],
  ['number with unit', '2010-03-22T00:00:00Z,s,1,4 GB,1,1,1', 'm.csv:2:memory_used_mb: expected a number, got "4 GB"'],
  ['negative', '2010-03-22T00:00:00Z,s,1,1,1,-1,1', 'm.csv:2:network_mb_per_s: expected a number ≥ 0, got "-1"'],
  ['empty server', '2010-03-22T00:00:00Z,,1,1,1,1,1', 'm.csv:2:server: server name is empty'],
];
for (const [what, row, message] of malformed) {
  test(`long CSV error: ${what}`, async () => {
    const f = file('m.csv', `${HEADER}${row}\n`);
    await assert.rejects(
      readMonitoring([f], { percentiles: [] }),
      (err: unknown) => err instanceof InputError && err.message === message.replace('m.csv', f),
    );
  });
}

test('long CSV: a missing timestamp column is an error on the header line', async () => {
  const f = file('h.csv', 'when,server,cpu_pct\n');
  await assert.rejects(readMonitoring([f], { percentiles: [] }), {
    message:
      `${f}:1: long monitoring CSV: no timestamp column (expected timestamp, server and any of ` +
      'cpu_pct, memory_used_mb, disk_used_gb, network_mb_per_s, iops, cpu_mhz, or their synonyms (docs/inputs.md))',
  });
});

test('fast path and csv-parse path give identical results (a quoted cell forces the general path)', async () => {
  const rows = Array.from(
    { length: 300 },
    (_, i) =>
      `2010-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:0${i % 6}:00Z,s${i % 7},` +
      `${(i * 7.3) % 100},${1000 + i * 3.25},${i % 50},${(i * 0.37).toFixed(3)},${i % 13 === 0 ? '' : i}`,
  );
  const plain = file('plain.csv', `${HEADER}${rows.join('\n')}\n`);
  const quoted = file('quoted.csv', `${HEADER}${rows.join('\r\n').replace(',s3,', ',"s3",')}`);
  const a = await readMonitoring([plain], { percentiles: [90], profile: 'p95' });
  const b = await readMonitoring([quoted], { percentiles: [90], profile: 'p95' });
  assert.deepEqual(a.servers, b.servers);
  assert.deepEqual(a.findings, b.findings);
  assert.deepEqual(b.files?.[0]?.notes, [
    'irregular CSV: read with the general parser',
    'utf-8, ","-delimited, decimal ".", no thousands separator, CRLF',
    'timestamps: iso (from the data)',
  ]);
  assert.equal(a.servers.length, 7);
  assert.equal(
    a.servers.reduce((n, s) => n + s.samples, 0),
    300,
  );
});

test('fast path reports malformed values at the same location as the general path', async () => {
  const f = file('bad-fast.csv', `${HEADER}2010-03-22T00:00:00Z,s,1,1,1,1,1\n2010-03-22T00:05:00Z,s,1,1,1e,1,1\n`);
  await assert.rejects(readMonitoring([f], { percentiles: [] }), {
    message: `${f}:3:disk_used_gb: expected a number, got "1e"`,
  });
});
