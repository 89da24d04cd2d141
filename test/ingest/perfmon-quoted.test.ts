// A perfmon log whose fields are all quoted is split on `","`; one with a quote inside a field,
// a field across lines or a bad row goes through csv-parse. Both give the same figures and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-perfmon-quoted-'));
const read = (file: string) => readMonitoring([file], { percentiles: [90] });

function log(name: string, nic: string, extra = ''): string {
  const header = [
    '(PDH-CSV 4.0) (Romance Standard Time)(-60)',
    '\\\\WEB1\\Processor(_Total)\\% Processor Time',
    '\\\\WEB1\\Memory\\Committed Bytes',
    `\\\\WEB1\\Network Interface(${nic})\\Bytes Total/sec`,
    '\\\\WEB1\\PhysicalDisk(_Total)\\Disk Transfers/sec',
  ];
  const rows = [
    ['03/02/2026 08:00:00.125', ' ', '4294967296', ' ', ' '],
    ['03/02/2026 08:00:15.130', '12.345678901234567', '4294967296.5', '1048576', '110.25'],
    ['03/02/2026 08:00:30.128', '99.999999999999986', '4398046511104', '3145728.0000000002', '7'],
    ['03/02/2026 08:00:45.131', '0.00012207031250000001', '4294967296', '0', '0.5'],
  ];
  const q = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  const file = path.join(dir, name);
  writeFileSync(file, `${q(header)}\r\n${rows.map(q).join('\r\n')}\r\n${extra}`);
  return file;
}

test('a log of quoted fields reads as the same log with a quote in a header (csv-parse) reads', async () => {
  const plain = await read(log('plain.csv', 'Intel[R] Ethernet'));
  const quoted = await read(log('quoted.csv', 'Intel[R] "Ethernet"'));
  assert.equal(plain.files?.[0]?.format, 'perfmon');
  assert.deepEqual(plain.servers, quoted.servers);
  const [web] = plain.servers;
  assert.equal(web?.samples, 4);
  assert.equal(web?.firstTimestamp, '2026-03-02T07:00:00.125Z');
  assert.equal(web?.metrics.cpuPct?.max, 99.999999999999986);
  assert.equal(web?.metrics.cpuPct?.samples, 3);
  assert.equal(web?.metrics.networkMBps?.avg, (1 + 3 + 0) / 3);
});

test('a bad row or a field across lines is reported on its line, as csv-parse reports it', async () => {
  const bad = log('bad.csv', 'eth0', '"03/02/2026 08:01:00.000","n/a","1","1","1"\r\n');
  await assert.rejects(read(bad), {
    message: `${bad}:6:\\\\WEB1\\Processor(_Total)\\% Processor Time: perfmon CSV: expected a number, got "n/a"`,
  });
  const broken = log('broken.csv', 'eth0', '"03/02/2026 08:01:00.000","1\r\n2","1","1","1"\r\n');
  await assert.rejects(read(broken), /broken\.csv:7:.*perfmon CSV/);
});
