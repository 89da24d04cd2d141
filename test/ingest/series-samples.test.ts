// A store's demand series seen as samples for the replay: one row per slot with a value, at
// the slot's start, NaN for a metric without one, the slot width as the interval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samplesFromSeries } from '../../src/ingest/series-samples.ts';

const T0 = Date.UTC(2026, 2, 2);
const slot = 900_000;

test('slots with a value become rows; empty slots are gaps; unknown servers have none', () => {
  const samples = samplesFromSeries(
    [
      {
        server: 'web01',
        slotStartsMs: [T0, T0 + slot, T0 + 2 * slot, T0 + 3 * slot],
        values: { cpuPct: [10.5, null, 30.25, null], memoryUsedMb: [1024, null, null, 2048] },
      },
      { server: 'empty', slotStartsMs: [T0], values: { cpuPct: [null] } },
    ],
    900,
  );
  const rows: (number | null)[][] = [];
  assert.equal(
    samples.visit('web01', (times, values, base, n, words) => {
      for (let i = 0; i < n; i++) {
        const at = base + i * words;
        const v = (k: number) => (Number.isNaN(values[at + k]!) ? null : values[at + k]!);
        rows.push([times[at]!, v(1), v(2), v(3)]);
      }
    }),
    true,
  );
  const t = T0 / 1000;
  assert.deepEqual(rows, [
    [t, 10.5, 1024, null],
    [t + 1800, 30.25, null, null],
    [t + 2700, null, 2048, null],
  ]);
  assert.deepEqual(samples.span('web01'), { firstSec: t, lastSec: t + 2700 });
  assert.equal(samples.intervalSeconds('web01'), 900);
  assert.equal(
    samples.visit('empty', () => assert.fail('no rows')),
    false,
  );
  assert.equal(samples.span('nobody'), undefined);
  assert.equal(samples.intervalSeconds('nobody'), undefined);
});
