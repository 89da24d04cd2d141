// A wide CSV without quotes is split on its line ends and delimiter; with quotes, or mixed line
// ends, csv-parse reads it. Both give the same servers, figures and line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-wide-split-'));
const read = (file: string) => readMonitoring([file], { percentiles: [90] });

function wide(name: string, text: string): string {
  const sub = path.join(dir, name);
  const file = path.join(sub, 'cpu_pct.csv');
  mkdirSync(sub, { recursive: true });
  writeFileSync(file, text);
  return file;
}

const ROWS = [
  'timestamp,web1,db1',
  '2026-03-02T00:00:00Z,12.5,40',
  '',
  '2026-03-02T00:05:00Z,,41.25',
  '2026-03-02T00:10:00Z,99.75,39',
];

test('unquoted (LF or CRLF) and quoted wide CSVs read alike, servers in column order', async () => {
  const lf = await read(wide('lf', `${ROWS.join('\n')}\n`));
  const crlf = await read(wide('crlf', `\uFEFF${ROWS.join('\r\n')}\r\n`));
  const quoted = await read(wide('quoted', `${ROWS.map((r) => r.replace('web1', '"web1"')).join('\n')}\n`));
  const mixed = await read(wide('mixed', `${ROWS.join('\r\n')}\n`));
  for (const other of [crlf, quoted, mixed]) assert.deepEqual(other.servers, lf.servers);
  assert.deepEqual(
    lf.servers.map((s) => [s.server, s.samples, s.metrics.cpuPct?.samples, s.metrics.cpuPct?.avg]),
    [
      ['db1', 3, 3, (40 + 41.25 + 39) / 3],
      ['web1', 3, 2, (12.5 + 99.75) / 2],
    ],
  );
});

test('a bad cell is reported on its line (blank lines counted), on both paths', async () => {
  const bad = [...ROWS, '2026-03-02T00:15:00Z,n/a,1'];
  const plain = wide('bad', `${bad.join('\n')}\n`);
  await assert.rejects(read(plain), { message: `${plain}:6:web1: expected a number ≥ 0, got "n/a"` });
  const quoted = wide('bad-quoted', `${bad.join('\n').replace('db1', '"db1"')}\n`);
  await assert.rejects(read(quoted), { message: `${quoted}:6:web1: expected a number ≥ 0, got "n/a"` });
});

test('a header without rows adds no server', async () => {
  const r = await read(wide('empty', 'timestamp,web1,db1\n'));
  assert.deepEqual(r.servers, []);
  assert.deepEqual(r.files?.[0]?.servers, []);
});
