// metrics-summary.csv: one row per monitored server — window, sampling, quality verdict and
// avg/max/percentiles per metric, in the internal units (column names carry them).
import { stringify } from 'csv-stringify/sync';
import { shownMetrics, type DataQuality, type MetricName, type ServerUsage } from '../../domain/server.ts';
import { percentileKey } from '../monitoring/percentile.ts';
import { csvValue } from './servers-csv.ts';
import { missingPerformanceReason } from '../../sizing/exclusion-rules.ts';

const METRIC_COLUMN: Record<MetricName, string> = {
  cpuPct: 'cpu_pct',
  memoryUsedMb: 'memory_used_mb',
  diskUsedGb: 'disk_used_gb',
  networkMBps: 'network_mb_per_s',
  iops: 'iops',
  cpuMhz: 'cpu_mhz',
};

/**
 * `sizable` is the plan's own rule (missing performance data, sizing/exclusion-rules.ts): enough
 * samples, a sizable quality verdict, and both CPU and memory measured.
 */
export function renderMetricsSummaryCsv(
  usage: ServerUsage[],
  quality: Map<string, DataQuality>,
  percentiles: number[],
  minSamples = 1,
): string {
  const stats = ['samples', 'avg', 'min', 'max', ...percentiles.map(percentileKey)];
  const metrics = shownMetrics(usage.map((u) => u.metrics));
  const header = [
    'server',
    'samples',
    'first_timestamp',
    'last_timestamp',
    'interval_s',
    'longest_gap_h',
    'days_covered',
    'quality_score',
    'quality_verdict',
    'sizable',
    ...metrics.flatMap((m) => stats.map((s) => `${METRIC_COLUMN[m]}_${s}`)),
  ];
  const rows = usage.map((u) => {
    const q = quality.get(u.server);
    const base = [
      u.server,
      u.samples,
      u.firstTimestamp,
      u.lastTimestamp,
      u.intervalSeconds ?? null,
      u.longestGapSeconds !== undefined ? round(u.longestGapSeconds / 3600, 2) : null,
      q?.daysCovered ?? null,
      q?.score ?? null,
      q?.verdict ?? null,
      q ? String(missingPerformanceReason({ ...u, quality: q }, minSamples) === null) : null,
    ];
    const values = metrics.flatMap((m) => {
      const st = u.metrics[m];
      if (!st) return stats.map(() => null);
      return [
        st.samples,
        round(st.avg, 6),
        round(st.min, 6),
        round(st.max, 6),
        ...percentiles.map((p) => round(st.percentiles[percentileKey(p)] ?? Number.NaN, 6)),
      ];
    });
    return [...base, ...values].map(csvValue);
  });
  return stringify([header, ...rows], { eof: true, record_delimiter: '\n' });
}

/** Fixed decimals for a summary meant to be read (the plan keeps full precision). */
export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
