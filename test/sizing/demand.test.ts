import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPeakAndGrowth, pickStatistic, resourceDemand } from '../../src/sizing/demand.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { InternalError } from '../../src/domain/errors.ts';
import { stats, usage } from './builders.ts';

test('pickStatistic picks avg, max or a percentile', () => {
  const s = stats(10, { max: 40, percentiles: { p95: 30, p99: 35, 'p99.9': 39 } });
  const cases: [string, number][] = [
    ['avg', 10],
    ['max', 40],
    ['p95', 30],
    ['p99', 35],
    ['p99.9', 39],
  ];
  for (const [statistic, expected] of cases) assert.equal(pickStatistic(s, statistic), expected, statistic);
});

test('pickStatistic: a percentile the readers did not compute is an internal error', () => {
  assert.throws(
    () => pickStatistic(stats(10, { percentiles: { p95: 1 } }), 'p90'),
    (e: unknown) => e instanceof InternalError && /p90.*p95/.test(e.message),
  );
});

test('applyPeakAndGrowth = measured × peak × (1 + growth)', () => {
  const cases: [number, number, number, number][] = [
    [31.69, 1, 0, 31.69],
    [2352.29, 1, 0.5, 3528.435],
    [100, 1.2, 0, 120],
    [100, 1.2, 0.5, 180],
    [0, 2, 1, 0],
  ];
  for (const [measured, peak, growth, expected] of cases) {
    assert.ok(
      Math.abs(applyPeakAndGrowth(measured, peak, growth) - expected) < 1e-9,
      `${measured} × ${peak} × (1 + ${growth})`,
    );
  }
});

test('resourceDemand uses the per-resource statistic, peak and growth of the settings', () => {
  const settings = defaultSettings({
    sizing: { statistic: { cpu: 'p95', memory: 'max' }, peakFactor: { cpu: 1.1 }, growth: { memory: 0.25 } },
  });
  const u = usage({ cpuPct: 20, memoryUsedMb: 1000 });
  const cpu = resourceDemand(u, 'cpu', settings.sizing);
  assert.deepEqual(cpu, { statistic: 'p95', measured: 30, peakFactor: 1.1, growth: 0, demand: 30 * 1.1 });
  const memory = resourceDemand(u, 'memory', settings.sizing);
  assert.deepEqual(memory, { statistic: 'max', measured: 2000, peakFactor: 1, growth: 0.25, demand: 2500 });
});

test('resourceDemand is null without usage, without the metric or with zero samples of it', () => {
  const sizing = defaultSettings().sizing;
  assert.equal(resourceDemand(null, 'cpu', sizing), null);
  assert.equal(resourceDemand(usage({ memoryUsedMb: 1 }), 'cpu', sizing), null);
  const zero = usage({ diskUsedGb: 5 });
  zero.metrics.diskUsedGb!.samples = 0;
  assert.equal(resourceDemand(zero, 'disk', sizing), null);
});
