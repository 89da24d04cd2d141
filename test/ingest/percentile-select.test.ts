// Property test of the selection behind every percentile (percentile.ts): on random arrays of
// many sizes (both sides of the 600-element threshold of sampling and of the histogram path),
// with ties, narrow ranges and negative values, the selected values equal those of a full sort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  percentileOfSorted,
  percentilesInPlace,
  shortestFloat32Decimal,
} from '../../src/ingest/monitoring/percentile.ts';
import { select } from '../../src/ingest/monitoring/select.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 4294967296;
  };
}

const sizes = [1, 2, 3, 7, 100, 599, 600, 601, 602, 1000, 4032, 9000];

test('select puts the k-th smallest at k, smaller values left of it and larger right', () => {
  const rnd = lcg(7);
  for (const n of sizes) {
    for (const ties of [false, true]) {
      const a = Float64Array.from({ length: n }, () => (ties ? Math.floor(rnd() * 5) : rnd() * 1000));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, n >> 1, Math.floor(n * 0.95), n - 1]) {
        const b = Float64Array.from(a);
        select(b, 0, n - 1, k);
        assert.equal(b[k], sorted[k], `n=${n} k=${k} ties=${ties}`);
        for (let i = 0; i < k; i++) assert.ok(b[i]! <= b[k]!, `left of k, n=${n}`);
        for (let i = k + 1; i < n; i++) assert.ok(b[i]! >= b[k]!, `right of k, n=${n}`);
      }
    }
  }
});

test('percentilesInPlace equals interpolation on the sorted float32 samples', () => {
  const rnd = lcg(11);
  const ps = [0, 50, 90, 95, 99, 99.9, 100];
  for (const n of sizes) {
    for (const kind of ['spread', 'ties', 'narrow', 'negative'] as const) {
      const draw = {
        spread: () => Math.round(rnd() * 1e6) / 100,
        ties: () => Math.floor(rnd() * 7) * 1.5,
        narrow: () => 8000 + Math.round(rnd() * 1e4) / 100, // one octave: buckets split the mantissa
        negative: () => Math.round(rnd() * 1e4) / 100 - 10, // sign bit set: the histogram path steps aside
      }[kind];
      const a = Float32Array.from({ length: n }, draw);
      const sorted = Array.from(Float32Array.from(a).sort(), shortestFloat32Decimal);
      const want = ps.map((p) => percentileOfSorted(sorted, n, p));
      assert.deepEqual(percentilesInPlace(a, n, ps), want, `n=${n} ${kind}`);
    }
  }
});
