import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessAll, assessQuality, coversPeak } from '../../src/quality/assess-quality.ts';
import { defaultQualitySettings } from '../../src/domain/project-settings.ts';
import type { ServerUsage } from '../../src/domain/server.ts';

const stats = { samples: 1, avg: 1, min: 1, max: 1, percentiles: {} };
/** A server sampled every 5 minutes from `first` for `days` days, with cpu and memory. */
function usage(first: string, days: number, over: Partial<ServerUsage> = {}): ServerUsage {
  const samples = days * 288;
  const last = new Date(Date.parse(first) + (samples - 1) * 300_000).toISOString().replace('.000Z', 'Z');
  return {
    server: 's',
    samples,
    firstTimestamp: first,
    lastTimestamp: last,
    intervalSeconds: 300,
    longestGapSeconds: 300,
    gaps: 0,
    metrics: { cpuPct: stats, memoryUsedMb: stats, diskUsedGb: stats, networkMBps: stats },
    ...over,
  };
}

const cases: [string, ServerUsage | null, number, string, string[]][] = [
  ['two full weeks over a month end', usage('2010-03-22T00:00:00Z', 14), 100, 'good', []],
  ['two weeks mid-month', usage('2010-03-08T00:00:00Z', 14), 90, 'good', ['peak-not-covered']],
  ['three days over a month end', usage('2010-03-29T00:00:00Z', 3), 77, 'fair', ['short-window']],
  [
    'no memory metric',
    usage('2010-03-22T00:00:00Z', 14, { metrics: { cpuPct: stats, diskUsedGb: stats, networkMBps: stats } }),
    80,
    'good',
    ['missing-metric'],
  ],
  [
    'half the samples, a 30 h gap',
    usage('2010-03-22T00:00:00Z', 14, { samples: 14 * 144, longestGapSeconds: 30 * 3600 }),
    55,
    'fair',
    ['low-coverage', 'long-gap'],
  ],
  ['no data', null, 0, 'missing', ['missing-performance-data']],
];

for (const [what, u, score, verdict, issues] of cases) {
  test(`quality: ${what}`, () => {
    const { quality, findings } = assessQuality('s', u);
    assert.equal(quality.score, score);
    assert.equal(quality.verdict, verdict);
    assert.deepEqual(quality.issues, issues);
    assert.deepEqual(
      findings.map((f) => f.code),
      issues,
    );
  });
}

test('quality: fewer samples than the minimum is not sizable, with an error finding', () => {
  const u = { ...usage('2010-03-31T00:00:00Z', 1), samples: 5, lastTimestamp: '2010-03-31T00:20:00Z' };
  const { quality, findings } = assessQuality('s', u, { ...defaultQualitySettings(), minSamples: 12 });
  assert.equal(quality.sizable, false);
  assert.equal(quality.verdict, 'poor');
  assert.equal(findings[0]?.severity, 'error');
  assert.equal(findings[0]?.message, '5 samples, fewer than the minimum 12: flagged, not sized');
});

test('quality: figures of a verdict', () => {
  const { quality } = assessQuality('s', usage('2010-03-22T00:00:00Z', 14));
  assert.deepEqual(quality, {
    score: 100,
    verdict: 'good',
    sizable: true,
    samples: 4032,
    daysCovered: 14,
    coverage: 1,
    longestGapHours: 0.08,
    peakCovered: true,
    missingMetrics: [],
    issues: [],
  });
});

test('coversPeak: month end and quarter end', () => {
  const d = (s: string) => Date.parse(s);
  assert.equal(coversPeak(d('2010-03-30T10:00:00Z'), d('2010-03-30T12:00:00Z'), 'month-end'), true);
  assert.equal(coversPeak(d('2010-03-01T00:00:00Z'), d('2010-03-29T00:00:00Z'), 'month-end'), false);
  assert.equal(coversPeak(d('2010-04-29T00:00:00Z'), d('2010-05-02T00:00:00Z'), 'quarter-end'), false);
  assert.equal(coversPeak(d('2010-06-29T00:00:00Z'), d('2010-07-02T00:00:00Z'), 'quarter-end'), true);
  assert.equal(coversPeak(d('2010-02-27T00:00:00Z'), d('2010-02-27T23:00:00Z'), 'month-end'), true);
});

test('assessAll: inventory servers without data and monitored servers not in the inventory', () => {
  const { quality, findings } = assessAll(
    ['a', 'b'],
    [
      { ...usage('2010-03-22T00:00:00Z', 14), server: 'a' },
      { ...usage('2010-03-22T00:00:00Z', 14), server: 'zz' },
    ],
    defaultQualitySettings(),
  );
  assert.equal(quality.get('a')?.verdict, 'good');
  assert.equal(quality.get('b')?.verdict, 'missing');
  assert.deepEqual(
    findings.map((f) => `${f.server}:${f.code}`),
    ['b:missing-performance-data', 'zz:unknown-server'],
  );
});
