// ISO timestamps read from bytes (src/ingest/iso-timestamp-bytes.ts) give parseIsoTimestamp's
// value, or leave the text to it; a long CSV grouped by server reads the same on both paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IsoTimestampBytes } from '../../src/ingest/iso-timestamp-bytes.ts';
import { parseIsoTimestamp } from '../../src/ingest/timestamps.ts';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';

const SEED = 20261203;

function bytesMs(parser: IsoTimestampBytes, s: string): number | undefined {
  const buf = Buffer.from(`x,${s},y`, 'latin1');
  return parser.ms(buf, 2, 2 + s.length);
}

test('the common shapes are read from bytes, to the millisecond parseIsoTimestamp gives', () => {
  const cases: [string, number][] = [
    ['2026-03-02T00:05:00Z', Date.UTC(2026, 2, 2, 0, 5)],
    ['2026-03-02 00:05:00z', Date.UTC(2026, 2, 2, 0, 5)],
    ['2024-02-29T23:59:59+05:30', Date.UTC(2024, 1, 29, 18, 29, 59)],
    ['2010-03-22T01:00:00+0100', Date.UTC(2010, 2, 22)],
    ['1999-12-31T20:00:00-04:00', Date.UTC(2000, 0, 1)],
    ['2026-01-01T00:00:00-00:00', Date.UTC(2026, 0, 1)],
  ];
  const parser = new IsoTimestampBytes();
  for (const [s, want] of cases) {
    assert.equal(bytesMs(parser, s), want, s);
    assert.equal(parseIsoTimestamp(s), want, s);
  }
});

test('every other shape is left to the text parser, an impossible date included', () => {
  const parser = new IsoTimestampBytes();
  for (const s of [
    '2026-03-02T00:05:00.250Z', // fraction
    '2026-03-02t00:05:00Z', // lower-case t
    '2026-03-02T00:05Z', // no seconds
    '2026-03-02T24:00:00Z', // hour 24
    '2016-12-31T23:59:60Z', // leap second
    '2023-02-29T00:00:00Z', // no such day
    '2026-13-01T00:00:00Z',
    '2026-03-02T00:05:00 Z',
    '2026-03-02T00:05:00+01',
    '2026-03-02T00:05:00',
    '2026-03-02T00:05:00+01:0x',
    '2026-03-02T00:61:00+01:00',
    '2026-O3-02T00:05:00+01:00',
  ])
    assert.equal(bytesMs(parser, s), undefined, s);
});

test(`random instants and offsets: bytes and text agree, day after day (seed ${SEED})`, () => {
  let seed = SEED;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return Math.floor((seed / 4294967296) * n);
  };
  const pad = (v: number, n = 2) => String(v).padStart(n, '0');
  const parser = new IsoTimestampBytes();
  let t = Date.UTC(1995, 0, 1);
  for (let i = 0; i < 20_000; i++) {
    t += rnd(3) === 0 ? rnd(40 * 86_400) * 1000 : rnd(600) * 1000; // mostly the same day, sometimes weeks later
    const offset = [0, 60, -300, 330, 345, -720, 840][rnd(7)]!;
    const d = new Date(t + offset * 60_000);
    const [hh, mm] = [pad(Math.floor(Math.abs(offset) / 60)), pad(Math.abs(offset) % 60)];
    const tz = offset === 0 && rnd(2) === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${hh}${rnd(2) ? ':' : ''}${mm}`;
    const s =
      `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${rnd(4) ? 'T' : ' '}` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${tz}`;
    const ms = bytesMs(parser, s);
    assert.equal(ms, parseIsoTimestamp(s), s);
    assert.equal(ms, t, s);
  }
});

test('a long CSV grouped by server, across a leap day, reads as the general parser reads it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-iso-bytes-'));
  const lines = ['timestamp,server,cpu_pct,memory_used_mb'];
  for (const [server, offset] of [
    ['web1', '+01:00'],
    ['db1', 'Z'],
    ['app1', '-0530'],
  ] as const) {
    for (let k = 0; k < 600; k++) {
      const t = new Date(Date.UTC(2024, 1, 28, 20) + k * 600_000).toISOString().slice(0, 19);
      lines.push(`${t}${offset},${server},${(k * 7) % 100}.5,${1024 + k}`);
    }
  }
  const file = path.join(dir, 'by-server.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const fast = await readMonitoring([file], { percentiles: [] });
  // A declared single-byte encoding sends the same ASCII file through csv-parse.
  const general = await readMonitoring([file], { percentiles: [], encoding: 'windows-1252' });
  assert.deepEqual(fast.servers, general.servers);
  assert.deepEqual(
    fast.servers.map((s) => [s.server, s.firstTimestamp, s.lastTimestamp, s.samples, s.intervalSeconds]),
    [
      ['app1', '2024-02-29T01:30:00Z', '2024-03-04T05:20:00Z', 600, 600],
      ['db1', '2024-02-28T20:00:00Z', '2024-03-03T23:50:00Z', 600, 600],
      ['web1', '2024-02-28T19:00:00Z', '2024-03-03T22:50:00Z', 600, 600],
    ],
  );
});
