// A store's demand series seen as samples for the replay: one row per slot with a value, at
// the slot's start, the slot width as the interval; only the metrics a server has a value of
// take room in its rows, the others are absent (word −1) and read as not measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesSamples } from '../../src/ingest/series-samples.ts';
import type { MonitoringSamples } from '../../src/domain/samples.ts';
import { METRIC_NAMES, type MetricName } from '../../src/domain/server.ts';

const T0 = Date.UTC(2026, 2, 2);
const slot = 900_000;

/** The rows of a server as [time, value of each METRIC_NAMES metric or null], and its row width. */
function rowsOf(samples: MonitoringSamples, server: string) {
  const rows: (number | null)[][] = [];
  let width = 0;
  const absent: MetricName[] = [];
  const found = samples.visit(server, (times, values, base, n, words, metricWords, timeBase, timeStride) => {
    width = words;
    METRIC_NAMES.forEach((m, k) => {
      if (metricWords[k]! < 0) absent.push(m);
    });
    for (let i = 0; i < n; i++) {
      const at = base + i * words;
      const v = (k: number) => {
        const w = metricWords[k]!;
        return w < 0 || Number.isNaN(values[at + w]!) ? null : values[at + w]!;
      };
      rows.push([times[timeBase + i * timeStride]!, ...METRIC_NAMES.map((_, k) => v(k))]);
    }
  });
  return { found, rows, width, absent };
}

test('slots with a value become rows of the measured metrics; unmeasured ones are absent', () => {
  const packed = new SeriesSamples(900);
  packed.add({
    server: 'web01',
    slotStartsMs: [T0, T0 + slot, T0 + 2 * slot, T0 + 3 * slot],
    // iops is asked for but never measured: it takes no word in the rows.
    values: {
      cpuPct: [10.5, null, 30.25, null],
      memoryUsedMb: [1024, null, null, 2048],
      iops: [null, null, null, null],
    },
  });
  packed.add({ server: 'empty', slotStartsMs: [T0], values: { cpuPct: [null] } });
  // Another spelling of a server already packed: the first one is kept.
  packed.add({ server: 'web01', slotStartsMs: [T0], values: { cpuPct: [99] } });
  const samples = packed.samples();
  const t = T0 / 1000;
  const web = rowsOf(samples, 'web01');
  assert.equal(web.found, true);
  assert.equal(web.width, 2);
  assert.deepEqual(web.absent, ['diskUsedGb', 'networkMBps', 'iops', 'cpuMhz']);
  assert.deepEqual(web.rows, [
    [t, 10.5, 1024, null, null, null, null],
    [t + 1800, 30.25, null, null, null, null, null],
    [t + 2700, null, 2048, null, null, null, null],
  ]);
  assert.deepEqual(samples.span('web01'), { firstSec: t, lastSec: t + 2700 });
  assert.equal(samples.intervalSeconds('web01'), 900);
  assert.equal(rowsOf(samples, 'empty').found, false);
  assert.equal(samples.span('nobody'), undefined);
  assert.equal(samples.intervalSeconds('nobody'), undefined);
});

test('a server measuring disk and network alone packs those two, at their own words', () => {
  const packed = new SeriesSamples(3600);
  packed.add({
    server: 'db01',
    slotStartsMs: [T0, T0 + 3_600_000],
    values: { diskUsedGb: [100, 101.5], networkMBps: [null, 7.25] },
  });
  const db = rowsOf(packed.samples(), 'db01');
  assert.equal(db.width, 2);
  assert.deepEqual(db.absent, ['cpuPct', 'memoryUsedMb', 'iops', 'cpuMhz']);
  assert.deepEqual(db.rows, [
    [T0 / 1000, null, null, 100, null, null, null],
    [T0 / 1000 + 3600, null, null, 101.5, 7.25, null, null],
  ]);
});

test('servers are packed one after another in one shared buffer, the slot times shared by the regular ones', () => {
  const packed = new SeriesSamples(3600);
  for (const server of ['a', 'b', 'c'])
    packed.add({ server, slotStartsMs: [T0, T0 + 3_600_000], values: { cpuPct: [1, 2], memoryUsedMb: [3, 4] } });
  // A slot without a value: the times skip one, so they are the server's own.
  packed.add({
    server: 'gappy',
    slotStartsMs: [T0, T0 + 3_600_000, T0 + 7_200_000],
    values: { cpuPct: [5, null, 6], memoryUsedMb: [7, null, 8] },
  });
  const samples = packed.samples();
  const seen: { values: ArrayBufferLike; times: Uint32Array; base: number; layout: readonly number[] }[] = [];
  for (const server of ['a', 'b', 'c', 'gappy'])
    samples.visit(server, (times, values, base, _rows, _words, metricWords) => {
      seen.push({ values: values.buffer, times, base, layout: metricWords });
    });
  assert.deepEqual(
    seen.map((s) => s.base),
    [0, 4, 8, 12],
  );
  for (const s of seen.slice(1)) assert.equal(s.values, seen[0]!.values);
  assert.equal(seen[1]!.times, seen[0]!.times);
  assert.equal(seen[2]!.times, seen[0]!.times);
  assert.notEqual(seen[3]!.times, seen[0]!.times);
  // One metric layout for the servers that measure the same metrics.
  assert.equal(seen[2]!.layout, seen[0]!.layout);
  assert.deepEqual(rowsOf(samples, 'c').rows, [
    [T0 / 1000, 1, 3, null, null, null, null],
    [T0 / 1000 + 3600, 2, 4, null, null, null, null],
  ]);
  assert.deepEqual(rowsOf(samples, 'gappy').rows, [
    [T0 / 1000, 5, 7, null, null, null, null],
    [T0 / 1000 + 7200, 6, 8, null, null, null, null],
  ]);
  assert.deepEqual(samples.span('gappy'), { firstSec: T0 / 1000, lastSec: T0 / 1000 + 7200 });
  assert.deepEqual(samples.span('a'), { firstSec: T0 / 1000, lastSec: T0 / 1000 + 3600 });
});
