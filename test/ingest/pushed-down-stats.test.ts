// Statistics a store computed, gathered per server: gaps from samples per hour (method §9.1),
// time pieces combined, store values matched to inventory names; the PromQL batching regex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PushedDownStats } from '../../src/ingest/pushed-down-stats.ts';
import { serverNameMatcher } from '../../src/ingest/match-server-names.ts';
import { statisticQuery, withServers } from '../../src/ingest/prometheus/promql.ts';

const STEP_MS = 300_000;
const HOUR_MS = 3_600_000;

function usageWithSlots(counts: number[]) {
  const stats = new PushedDownStats((v) => v);
  stats.add(
    'web',
    'cpuPct',
    0,
    'count',
    counts.reduce((a, b) => a + b, 0),
  );
  stats.add('web', 'cpuPct', 0, 'avg', 1);
  stats.add('web', 'cpuPct', 0, 'first', 0);
  stats.add('web', 'cpuPct', 0, 'last', HOUR_MS);
  stats.slotCounts('web', counts, HOUR_MS);
  return stats.usage(STEP_MS, [])[0]!;
}

// [case, samples per hour (5-minute step: 12 expected), gaps, longest gap s]
const gapCases: [string, number[], number, number][] = [
  ['gap-free', [12, 12, 12], 0, 300],
  ['method §9.1 example: 10:20–10:55 missing', [12, 4, 12], 1, 2700],
  ['one sample missing: twice the step, not a gap', [12, 11, 12], 0, 600],
  ['two whole hours missing', [12, 0, 0, 12], 1, 7500],
  ['two stretches', [12, 10, 12, 0, 12], 2, 3900],
  ['partial first and last hours are the window’s edges, not gaps', [3, 12, 12, 5], 0, 300],
  ['leading and trailing empty hours are outside the samples', [0, 0, 12, 12, 0], 0, 300],
];
for (const [name, counts, gaps, longest] of gapCases) {
  test(`gaps from samples per hour: ${name}`, () => {
    const u = usageWithSlots(counts);
    assert.deepEqual([u.gaps, u.longestGapSeconds, u.intervalSeconds], [gaps, longest, 300]);
  });
}

test('time pieces: counts add, the average is count-weighted, min/max/first/last take the extreme', () => {
  const stats = new PushedDownStats((v) => v);
  const pieces = [
    { count: 10, avg: 2, min: 1, max: 5, first: 1000, last: 2000 },
    { count: 30, avg: 6, min: 0.5, max: 4, first: 3000, last: 9000 },
  ];
  pieces.forEach((p, i) => {
    for (const [stat, v] of Object.entries(p)) stats.add('db', 'memoryUsedMb', i, stat as 'count', v);
  });
  stats.percentile('db', 'memoryUsedMb', 95, 5.5);
  const [u] = stats.usage(STEP_MS, [95]);
  assert.deepEqual(u!.metrics.memoryUsedMb, { samples: 40, avg: 5, min: 0.5, max: 5, percentiles: { p95: 5.5 } });
  assert.deepEqual(
    [u!.samples, u!.firstTimestamp, u!.lastTimestamp],
    [40, '1970-01-01T00:00:01Z', '1970-01-01T00:00:09Z'],
  );
});

test('two store values naming one server: the one with more samples, with a duplicate-series warning', () => {
  const stats = new PushedDownStats(serverNameMatcher(['web01']));
  for (const [value, n] of [
    ['web01:9100', 100],
    ['WEB01:9182', 200],
  ] as const) {
    for (const [stat, v] of Object.entries({ count: n, avg: n, min: 0, max: n, first: 0, last: 1000 }))
      stats.add(value, 'cpuPct', 0, stat as 'count', v);
  }
  const usage = stats.usage(STEP_MS, []);
  assert.deepEqual(
    usage.map((u) => [u.server, u.samples, u.metrics.cpuPct!.avg]),
    [['web01', 200, 200]],
  );
  assert.deepEqual(
    stats.findings.map((f) => [f.code, f.server]),
    [['duplicate-series', 'web01']],
  );
});

// [store value, inventory names, matched name]
const matchCases: [string, string[], string][] = [
  ['web01', ['web01'], 'web01'],
  ['WEB01', ['web01'], 'web01'],
  ['web01:9100', ['web01'], 'web01'],
  ['web01.example.com:9100', ['web01'], 'web01'],
  ['web01.example.com', ['web01.example.com'], 'web01.example.com'],
  ['Servidor Nómina', ['Servidor Nómina'], 'Servidor Nómina'],
  ['db07:9100', ['web01'], 'db07:9100'],
];
for (const [value, names, expected] of matchCases) {
  test(`server label ${value} → ${expected}`, () => {
    assert.equal(serverNameMatcher(names)(value), expected);
  });
}

test('$servers becomes an exact, escaped regex inside a PromQL string', () => {
  assert.equal(
    withServers('cpu{instance=~"$servers"}', ['a.b:9100', 'c"d', 'e\\f']),
    'cpu{instance=~"a\\\\.b:9100|c\\"d|e\\\\\\\\f"}',
  );
  assert.equal(
    statisticQuery('cpu', { quantile: 0.95 }, 1_209_600_000, 300_000),
    'quantile_over_time(0.95, (cpu)[1209600000ms:300000ms])',
  );
  assert.equal(
    statisticQuery('cpu', 'last', 3_600_000, 60_000),
    'max_over_time(timestamp((cpu) * 0)[3600000ms:60000ms])',
  );
});
