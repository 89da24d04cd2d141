import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizeDiskGb, sizeMemoryGb, sizeNetworkMBps, sizeVcpu } from '../../src/sizing/size-vm.ts';
import { ceilSafe, roundUpToStep } from '../../src/sizing/rounding.ts';
import type { Demand } from '../../src/sizing/demand.ts';
import { demand } from './builders.ts';

test('ceilSafe and roundUpToStep ignore float noise but not real excess', () => {
  const cases: [number, number][] = [
    [1, 1],
    [1.0000000000000002, 1], // 4 cores × (25/1.2 × 1.2) % / 100
    [1.000001, 2],
    [0, 0],
    [2.5, 3],
  ];
  for (const [x, expected] of cases) assert.equal(ceilSafe(x), expected, String(x));
  const steps: [number, number, number][] = [
    [96.92, 5, 100],
    [45, 5, 45],
    [25.000000000000004, 5, 25], // 20.833333333333336 GB × 1.2
    [45.01, 5, 50],
    [0.25, 0.1, 0.3],
    [3, 2, 4],
  ];
  for (const [x, step, expected] of steps) assert.equal(roundUpToStep(x, step), expected, `${x} step ${step}`);
});

test('vCPU = ⌈cores × CPU % / 100⌉, never below minVcpu', () => {
  const cases: { cores: number; d: Demand; min?: number; expected: number; formula?: string }[] = [
    { cores: 4, d: demand(31.69), expected: 2, formula: '⌈4 cores × 31.69 % / 100⌉ = ⌈1.27⌉ = 2' },
    { cores: 4, d: demand(23.66), expected: 1 },
    { cores: 4, d: demand(25), expected: 1 }, // exact multiple: 1.0
    { cores: 4, d: demand(50), expected: 2 },
    { cores: 4, d: demand(25.01), expected: 2 },
    { cores: 4, d: demand(25 / 1.2, 0.2), expected: 1 }, // float noise: 1.0000000000000002
    { cores: 8, d: demand(50 / 1.2, 0.2), expected: 4 }, // float noise: 4.000000000000001
    { cores: 4, d: demand(0), expected: 1, formula: '⌈4 cores × 0 % / 100⌉ = ⌈0⌉ = 0 → minimum 1' },
    { cores: 4, d: demand(10), min: 2, expected: 2 },
    {
      cores: 4,
      d: demand(30, 0, 1.5),
      expected: 2,
      formula: '30 % × 1.5 peak = 45 %; ⌈4 cores × 45 % / 100⌉ = ⌈1.8⌉ = 2',
    },
    { cores: 32, d: demand(60), expected: 20 },
  ];
  for (const c of cases) {
    const r = sizeVcpu(c.d, c.cores, c.min ?? 1);
    assert.equal(r.result, c.expected, `${c.cores} × ${c.d.demand}`);
    if (c.formula) assert.equal(r.formula, c.formula);
  }
});

test('vCPU with clock normalisation scales by source GHz / target GHz (method §3.4)', () => {
  const cases: [number, number, number, number, number][] = [
    // cores, CPU %, source GHz, target GHz, vCPU
    [4, 50, 3.06, 2, 4], // 2 busy 3.06 GHz cores = 3.06 cores of 2 GHz
    [4, 50, 2, 2.66, 2], // 1.5 → 2
    [4, 31.69, 3.06, 2.66, 2], // 1.46
    [4, 40, 3, 2, 3], // 2.4
  ];
  for (const [cores, pct, src, dst, expected] of cases) {
    assert.equal(
      sizeVcpu(demand(pct), cores, 1, { sourceGhz: src, targetGhz: dst }).result,
      expected,
      `${cores} × ${pct} % × ${src}/${dst}`,
    );
  }
  assert.equal(
    sizeVcpu(demand(50), 4, 1, { sourceGhz: 3.06, targetGhz: 2 }).formula,
    '⌈4 cores × 50 % / 100 × 3.06 GHz / 2 GHz⌉ = ⌈3.06⌉ = 4',
  );
});

test('memory GB = ⌈MB / 1024⌉ then up to the step, never below the minimum', () => {
  const cases: { d: Demand; step?: number; min?: number; expected: number; formula?: string }[] = [
    { d: demand(3528.44), expected: 4, formula: '⌈3528.44 MB / 1024⌉ = ⌈3.45⌉ = 4 GB' },
    {
      d: demand(2352.2933333, 0.5),
      expected: 4,
      formula: '2352.29 MB × (1 + 0.5) = 3528.44 MB; ⌈3528.44 MB / 1024⌉ = ⌈3.45⌉ = 4 GB',
    },
    { d: demand(2048), expected: 2 }, // exact multiple
    { d: demand(2049), expected: 3 },
    { d: demand(5973.333333333334, 0.2), expected: 7 }, // float noise: 7168.000000000001 MB
    { d: demand(3000), step: 2, expected: 4, formula: '⌈3000 MB / 1024⌉ = ⌈2.93⌉ = 3 GB → multiple of 2 GB = 4 GB' },
    { d: demand(4096), step: 4, expected: 4 },
    { d: demand(100), expected: 1 },
    { d: demand(100), min: 2, expected: 2, formula: '⌈100 MB / 1024⌉ = ⌈0.1⌉ = 1 GB → minimum 2 GB' },
    { d: demand(0), expected: 1 },
  ];
  for (const c of cases) {
    const r = sizeMemoryGb(c.d, c.step ?? 1, c.min ?? 1);
    assert.equal(r.result, c.expected, `${c.d.demand} MB`);
    if (c.formula) assert.equal(r.formula, c.formula);
  }
});

test('disk GB rounds up to a multiple of the step', () => {
  const cases: { d: Demand; step?: number; expected: number; formula?: string }[] = [
    { d: demand(96.92), expected: 100, formula: '⌈96.92 GB / 5⌉ × 5 = 20 × 5 = 100 GB' },
    { d: demand(64.6133333, 0.5), expected: 100 },
    { d: demand(45), expected: 45 }, // exact multiple
    { d: demand(30, 0.5), expected: 45 },
    { d: demand(20.833333333333336, 0.2), expected: 25 }, // float noise: 25.000000000000004
    { d: demand(45.01), expected: 50 },
    { d: demand(33), step: 10, expected: 40 },
    { d: demand(0.3), step: 0.25, expected: 0.5 },
  ];
  for (const c of cases) {
    const r = sizeDiskGb(c.d, c.step ?? 5);
    assert.equal(r.result, c.expected, `${c.d.demand} GB`);
    if (c.formula) assert.equal(r.formula, c.formula);
  }
});

test('network MB/s is the demand, unrounded', () => {
  const r = sizeNetworkMBps(demand(228.77));
  assert.equal(r.result, 228.77);
  assert.equal(r.formula, '228.77 MB/s (not rounded)');
  assert.equal(sizeNetworkMBps(demand(100, 0.1, 2)).result, 220.00000000000003);
  assert.deepEqual(
    { ...sizeNetworkMBps(demand(1, 0, 1)), formula: '' },
    {
      statistic: 'avg',
      measured: 1,
      peakFactor: 1,
      growth: 0,
      demand: 1,
      result: 1,
      formula: '',
      formulaStep: { code: 'network', params: { measured: 1, peakFactor: 1, growth: 0, demand: 1 } },
    },
  );
});
