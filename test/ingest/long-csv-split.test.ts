// A big long CSV is read in two halves, the second on a helper thread (long-csv-split.ts):
// the result must not depend on the thread count, and errors and findings keep the line
// numbers of the whole-file reader. Tests lower splitSettings.minBytes so small files split.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring, type MonitoringResult } from '../../src/ingest/monitoring/read-monitoring.ts';
import { splitSettings } from '../../src/ingest/monitoring/long-csv-split.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'capplan-split-'));
const HEADER = 'timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops\n';
const saved = { ...splitSettings };
afterEach(() => Object.assign(splitSettings, saved));

function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

/** 600 rows over 7 servers, time-ordered; values are binary fractions so any summation order is exact. */
/** Sets cell `col` of a CSV line. */
function cell(line: string, col: number, value: string): string {
  const cells = line.split(',');
  cells[col] = value;
  return cells.join(',');
}

function rows(): string[] {
  return Array.from({ length: 600 }, (_, i) => {
    const ts = new Date(Date.UTC(2010, 2, 1) + Math.floor(i / 7) * 300_000).toISOString().replace('.000Z', 'Z');
    return (
      `${ts},s${i % 7},${(i * 7.25) % 100},${1000 + i * 3.25},${i % 50},${(i * 0.375) % 20},` +
      `${i % 13 === 0 ? '' : i}`
    );
  });
}

/** readMonitoring with the file read whole (minBytes huge) or split on `threads` threads. */
async function read(f: string, mode: 'whole' | 1 | 2): Promise<MonitoringResult> {
  Object.assign(
    splitSettings,
    mode === 'whole' ? { minBytes: Number.MAX_SAFE_INTEGER } : { minBytes: 0, threads: mode },
  );
  return readMonitoring([f], { percentiles: [90], profile: 'p95' });
}

test(
  'split read: the same ServerUsage, findings and file report for the whole file, 1 thread and 2 ' + 'threads',
  async () => {
    const lines = rows();
    lines[10] = cell(lines[10]!, 2, '120'); // CPU above 100 in the first half …
    lines[500] = cell(lines[500]!, 2, '130'); // … and in the second
    lines[520] = cell(lines[520]!, 2, '140'); // a finding first seen in the second half
    const f = file('split.csv', `${HEADER}${lines.join('\n')}\n`);
    const whole = await read(f, 'whole');
    const one = await read(f, 1);
    const two = await read(f, 2);
    assert.deepEqual(one, whole);
    assert.deepEqual(two, whole);
    assert.equal(whole.servers.length, 7);
    assert.equal(
      whole.servers.reduce((n, s) => n + s.samples, 0),
      600,
    );
    const cpu = whole.findings.filter((x) => x.code === 'cpu-above-100').map((x) => [x.server, x.row, x.message]);
    assert.deepEqual(cpu, [
      ['s2', 522, 'CPU % above 100 (first 140); clamped to 100'],
      ['s3', 12, 'CPU % above 100 (first 120); clamped to 100; 2 rows'],
    ]);
  },
);

test('split read: a malformed value in the second half is reported at its line in the file', async () => {
  const lines = rows();
  lines[450] = cell(lines[450]!, 5, '1e');
  const f = file('bad.csv', `${HEADER}${lines.join('\n')}\n`);
  const expected = {
    message: new RegExp(
      `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:452:network_mb_per_s: expected a number, got "1e"$`,
    ),
  };
  for (const mode of ['whole', 1, 2] as const) await assert.rejects(read(f, mode), expected, `mode ${mode}`);
});

test('split read: the first half’s error wins over the second’s', async () => {
  const lines = rows();
  lines[100] = lines[100]!.replace(/Z,/, ',');
  lines[550] = cell(lines[550]!, 5, 'x');
  const f = file('two-bad.csv', `${HEADER}${lines.join('\n')}\n`);
  for (const mode of ['whole', 1, 2] as const)
    await assert.rejects(
      read(f, mode),
      { message: /:102:timestamp: local timestamp "[^"]+" has no UTC offset/ },
      `mode ${mode}`,
    );
});

for (const [half, line] of [
  ['second', 400],
  ['first', 20],
] as const) {
  test(`split read: a quote in the ${half} half sends the whole file to csv-parse`, async () => {
    const lines = rows();
    lines[line] = lines[line]!.replace(/,(s\d),/, ',"$1",');
    const f = file(`quoted-${half}.csv`, `${HEADER}${lines.join('\r\n')}\r\n`);
    const whole = await read(f, 'whole');
    const two = await read(f, 2);
    assert.deepEqual(two, whole);
    assert.equal(two.files?.[0]?.notes[0], 'irregular CSV: read with the general parser');
  });
}
