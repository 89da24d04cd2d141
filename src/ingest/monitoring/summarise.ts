// From stored samples to a ServerUsage: avg/min/max (exact, float64), percentiles (sorted
// float32 copy), time range, sampling interval, gaps and the hour-of-week profile.
import { METRIC_NAMES, type MetricName, type MetricStats, type ServerUsage } from '../../domain/server.ts';
import { hourOfWeek, isoUtc } from '../timestamps.ts';
import { percentileKey, percentileOfSorted, percentilesInPlace } from './percentile.ts';
import { select } from './select.ts';
import { ACC, METRICS, ROW_WORDS, type SampleStore, type ServerSamples } from './sample-store.ts';

export interface SummaryOptions {
  /** Percentiles (0–100) to compute; p50/p95/p99 are always included by the caller. */
  percentiles: number[];
  /** Statistic of the hour-of-week profile (`avg`, `max`, `pNN`); none when absent. */
  profile?: string;
  /** Keep the samples in the stores (for the replay, method §14) instead of releasing them. */
  keepSamples?: boolean;
}

/** Summarises servers `names` of `stores`, each from its parts in store order; drops them unless kept. */
export function summariseNames(stores: SampleStore[], names: string[], opts: SummaryOptions): ServerUsage[] {
  const servers: ServerUsage[] = [];
  for (const name of names) {
    const parts = stores.flatMap((s) => {
      const p = s.servers.get(name);
      return p && p.count > 0 ? [p] : [];
    });
    if (parts.length === 0) continue;
    servers.push(summariseServer(parts, opts));
    if (!opts.keepSamples) for (const s of stores) s.servers.delete(name);
  }
  return servers;
}

/** Summarises one server from its parts (one per file it appeared in). */
function summariseServer(parts: ServerSamples[], opts: SummaryOptions): ServerUsage {
  const n = parts.reduce((a, p) => a + p.count, 0);
  const times = new Uint32Array(n);
  const columns = METRIC_NAMES.map(() => new Float32Array(n));
  gather(parts, times, columns);
  const first = Math.min(...parts.map((p) => p.firstMs));
  const last = Math.max(...parts.map((p) => p.lastMs));
  // The profile reads the columns in sample order; metricStats then reorders them.
  const profile = opts.profile
    ? { statistic: opts.profile, hours: hourlyProfile(times, columns, opts.profile) }
    : undefined;
  const metrics: Partial<Record<MetricName, MetricStats>> = {};
  METRIC_NAMES.forEach((name, m) => {
    const stats = metricStats(parts, m, columns[m]!, opts.percentiles);
    if (stats) metrics[name] = stats;
  });
  const usage: ServerUsage = {
    server: parts[0]!.name,
    samples: n,
    firstTimestamp: isoUtc(first),
    lastTimestamp: isoUtc(last),
    metrics,
    ...timing(times),
  };
  if (profile) usage.profile = profile;
  return usage;
}

function gather(parts: ServerSamples[], times: Uint32Array, columns: Float32Array[]): void {
  let at = 0;
  for (const part of parts) {
    part.forEachBlock((u32, f32, base, rows) => {
      for (let i = 0; i < rows; i++) times[at + i] = u32[base + i * ROW_WORDS]!;
      for (let m = 0; m < METRICS; m++) {
        const col = columns[m]!;
        for (let i = 0; i < rows; i++) col[at + i] = f32[base + i * ROW_WORDS + 1 + m]!;
      }
      at += rows;
    });
  }
}

function metricStats(
  parts: ServerSamples[],
  m: number,
  column: Float32Array,
  percentiles: number[],
): MetricStats | undefined {
  let sum = 0;
  let comp = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    sum += p.acc(m, ACC.sum);
    comp += p.acc(m, ACC.comp);
    min = Math.min(min, p.acc(m, ACC.min));
    max = Math.max(max, p.acc(m, ACC.max));
  }
  // The values present: NaN (not measured) is stored exactly for the missing ones, and only for them.
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (!Number.isNaN(v)) column[n++] = v; // drop NaN; the column is not needed afterwards
  }
  if (n === 0) return undefined;
  const values = percentilesInPlace(column, n, percentiles);
  const result: Record<string, number> = {};
  percentiles.forEach((p, i) => {
    result[percentileKey(p)] = values[i]!;
  });
  return { samples: n, avg: (sum + comp) / n, min, max, percentiles: result };
}

/** Median interval, longest gap and gap count from the sample times (any order). */
function timing(
  times: Uint32Array,
): Pick<ServerUsage, 'intervalSeconds' | 'longestGapSeconds' | 'gaps' | 'duplicateTimestamps'> {
  if (times.length < 2) return { duplicateTimestamps: 0 };
  let sorted = times;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) {
      sorted = times.slice().sort(); // rare: exports are usually in time order
      break;
    }
  }
  // Float32 holds whole seconds exactly up to 2^24 s (194 days): enough for a sampling interval.
  const diffs = new Float32Array(sorted.length - 1);
  let duplicates = 0;
  let k = 0;
  let longest = 0;
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i]! - sorted[i - 1]!;
    if (d === 0) duplicates++;
    else {
      diffs[k++] = d;
      if (d > longest) longest = d;
    }
  }
  if (k === 0) return { duplicateTimestamps: duplicates };
  select(diffs, 0, k - 1, k >> 1);
  const interval = diffs[k >> 1]!;
  let gaps = 0;
  for (let i = 0; i < k; i++) if (diffs[i]! > 2 * interval) gaps++;
  return { intervalSeconds: interval, longestGapSeconds: longest, gaps, duplicateTimestamps: duplicates };
}

/** Per metric, 168 hour-of-week buckets (UTC) at `statistic`. */
function hourlyProfile(
  times: Uint32Array,
  columns: Float32Array[],
  statistic: string,
): Partial<Record<MetricName, (number | null)[]>> {
  const n = times.length;
  const hour = new Uint8Array(n);
  const start = new Uint32Array(169);
  for (let i = 0; i < n; i++) {
    hour[i] = hourOfWeek(times[i]!);
    start[hour[i]! + 1]!++;
  }
  for (let h = 0; h < 168; h++) start[h + 1]! += start[h]!;
  const out: Partial<Record<MetricName, (number | null)[]>> = {};
  const bucketed = new Float32Array(n);
  METRIC_NAMES.forEach((name, m) => {
    const col = columns[m]!;
    const fill = start.slice(0, 168);
    for (let i = 0; i < n; i++) bucketed[fill[hour[i]!]!++] = col[i]!;
    const hours: (number | null)[] = [];
    let any = false;
    for (let h = 0; h < 168; h++) {
      const v = bucketStatistic(bucketed.subarray(start[h]!, start[h + 1]!), statistic);
      if (v !== null) any = true;
      hours.push(v);
    }
    if (any) out[name] = hours;
  });
  return out;
}

function bucketStatistic(values: Float32Array, statistic: string): number | null {
  const sorted = values.sort();
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1]!)) n--;
  if (n === 0) return null;
  if (statistic === 'max') return sorted[n - 1]!;
  if (statistic === 'avg') {
    let s = 0;
    for (let i = 0; i < n; i++) s += sorted[i]!;
    return s / n;
  }
  return percentileOfSorted(sorted, n, Number(statistic.slice(1)));
}
