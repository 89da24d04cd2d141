import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incompatibleItems, martelloTothL2 } from '../../src/placement/lower-bound.ts';
import { rng } from './builders.ts';

// Martello & Toth (1990) §8.3.1. Brute force: the smallest m with a packing into m bins.
function optimum(sizes: number[], C: number): number {
  const bins: number[] = [];
  let best = sizes.length;
  const sorted = [...sizes].sort((a, b) => b - a);
  const rec = (i: number) => {
    if (bins.length >= best) return;
    if (i === sorted.length) {
      best = bins.length;
      return;
    }
    const seen = new Set<number>();
    for (let b = 0; b < bins.length; b++) {
      if (bins[b]! + sorted[i]! > C || seen.has(bins[b]!)) continue;
      seen.add(bins[b]!);
      bins[b]! += sorted[i]!;
      rec(i + 1);
      bins[b]! -= sorted[i]!;
    }
    bins.push(sorted[i]!);
    rec(i + 1);
    bins.pop();
  };
  rec(0);
  return best;
}

test('L2 by hand', () => {
  const table: [number[], number, number][] = [
    [[6, 6, 6, 2], 10, 3],
    [[5, 5, 5, 5], 10, 2],
    [[7, 3, 3, 3, 3], 10, 2],
    [[8, 8, 3, 3, 3], 10, 3],
    [[4, 4, 4], 10, 2],
    [[31.5, 0.5], 31.5, 2],
  ];
  for (const [sizes, C, want] of table) assert.equal(martelloTothL2(sizes, C), want, `${sizes} on ${C}`);
});

test('L2 never exceeds the brute-force optimum and is at least L1 (random instances)', () => {
  const r = rng(7);
  for (let t = 0; t < 200; t++) {
    const n = 2 + Math.floor(r() * 8);
    const C = 10 + Math.floor(r() * 20);
    const sizes = Array.from({ length: n }, () => 1 + Math.floor(r() * C));
    const l2 = martelloTothL2(sizes, C);
    assert.ok(l2 <= optimum(sizes, C), `L2 ${l2} > OPT for ${sizes} / ${C}`);
    assert.ok(l2 >= Math.ceil(sizes.reduce((a, b) => a + b, 0) / C));
  }
});

test('incompatible VMs: CPU-heavy and memory-heavy VMs that pair up do not count', () => {
  assert.equal(
    incompatibleItems(
      [
        [6, 1],
        [6, 1],
        [6, 1],
        [1, 6],
      ],
      [10, 10],
    ),
    3,
  );
  assert.equal(
    incompatibleItems(
      [
        [6, 1],
        [1, 6],
      ],
      [10, 10],
    ),
    1,
  );
});
