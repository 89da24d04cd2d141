// Statistics a store computed (Prometheus, DuckDB), gathered into the ServerUsage the rest of
// capplan reads. A store may answer a statistic in time chunks: counts add up, the average is
// the count-weighted mean of the chunks' averages, min/max and first/last take the extreme.
// Gaps are estimated from samples per slot (docs/method.md §9.1).
import type { Finding } from '../domain/finding.ts';
import type { MetricName, MetricStats, ServerUsage } from '../domain/server.ts';
import { isoUtc } from './timestamps.ts';
import { getOrAdd } from '../util/get-or-add.ts';
import { percentileKey } from './monitoring/percentile.ts';
import { byCodePoint } from './monitoring/read-monitoring.ts';

type Additive = 'count' | 'avg' | 'min' | 'max' | 'first' | 'last';

interface MetricAnswer {
  /** Per time chunk. */
  chunks: Map<number, Partial<Record<Additive, number>>>;
  percentiles: Map<number, number>;
}

type Timing = Pick<ServerUsage, 'intervalSeconds' | 'longestGapSeconds' | 'gaps' | 'duplicateTimestamps'>;

interface ServerAnswer {
  metrics: Map<MetricName, MetricAnswer>;
  slots?: { counts: number[]; slotMs: number };
  /** Timing the store computed from the sample times themselves, and its row count. */
  timing?: Timing & { samples: number };
}

export class PushedDownStats {
  /** By the store's server value (label or column), before matching to inventory names. */
  private readonly byValue = new Map<string, ServerAnswer>();
  readonly findings: Finding[] = [];

  constructor(private readonly match: (value: string) => string) {}

  /** `first`/`last` in epoch ms. */
  add(value: string, metric: MetricName, chunk: number, stat: Additive, v: number): void {
    getOrAdd(this.metric(value, metric).chunks, chunk, (): Partial<Record<Additive, number>> => ({}))[stat] = v;
  }

  percentile(value: string, metric: MetricName, p: number, v: number): void {
    this.metric(value, metric).percentiles.set(p, v);
  }

  /** Samples per consecutive slot of `slotMs` from the window's start. */
  slotCounts(value: string, counts: number[], slotMs: number): void {
    this.server(value).slots = { counts, slotMs };
  }

  timing(value: string, timing: Timing & { samples: number }): void {
    this.server(value).timing = timing;
  }

  /** One ServerUsage per inventory name, sorted; a name two store values map to keeps the one with more samples. */
  /** `stepMs`: the interval of a store that samples on a grid (0: the timing comes from timing()). */
  usage(stepMs: number, percentiles: number[]): ServerUsage[] {
    const byName = new Map<string, { value: string; usage: ServerUsage }>();
    for (const value of [...this.byValue.keys()].sort()) {
      const usage = this.serverUsage(this.match(value), this.byValue.get(value)!, stepMs, percentiles);
      if (!usage) continue;
      const seen = byName.get(usage.server);
      if (seen) {
        const keep = usage.samples > seen.usage.samples ? { value, usage } : seen;
        this.findings.push({
          severity: 'warning',
          code: 'duplicate-series',
          server: usage.server,
          message: `series "${seen.value}" and "${value}" both name this server: "${keep.value}" (more samples) used`,
          params: { first: seen.value, second: value, kept: keep.value },
        });
        byName.set(usage.server, keep);
      } else byName.set(usage.server, { value, usage });
    }
    return [...byName.keys()].sort(byCodePoint).map((n) => byName.get(n)!.usage);
  }

  private serverUsage(name: string, a: ServerAnswer, stepMs: number, percentiles: number[]): ServerUsage | null {
    const metrics: Partial<Record<MetricName, MetricStats>> = {};
    let samples = 0;
    let first = Infinity;
    let last = -Infinity;
    for (const [metric, m] of a.metrics) {
      const s = metricStats(m, percentiles);
      if (!s) continue;
      metrics[metric] = s.stats;
      samples = Math.max(samples, s.stats.samples);
      first = Math.min(first, s.firstMs);
      last = Math.max(last, s.lastMs);
    }
    if (samples === 0) return null;
    const usage: ServerUsage = {
      server: name,
      samples,
      firstTimestamp: isoUtc(first),
      lastTimestamp: isoUtc(last),
      metrics,
    };
    if (stepMs > 0) usage.intervalSeconds = stepMs / 1000;
    if (a.slots) Object.assign(usage, gapsFromSlots(a.slots.counts, a.slots.slotMs, stepMs));
    if (a.timing) {
      const { samples: rows, ...timing } = a.timing;
      Object.assign(usage, { samples: rows }, timing);
    }
    return usage;
  }

  private server(value: string): ServerAnswer {
    return getOrAdd(this.byValue, value, () => ({ metrics: new Map() }));
  }

  private metric(value: string, metric: MetricName): MetricAnswer {
    return getOrAdd(this.server(value).metrics, metric, () => ({ chunks: new Map(), percentiles: new Map() }));
  }
}

function metricStats(m: MetricAnswer, percentiles: number[]) {
  let count = 0;
  let weighted = 0;
  let min = Infinity;
  let max = -Infinity;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const c of m.chunks.values()) {
    if (!c.count) continue;
    count += c.count;
    weighted += (c.avg ?? 0) * c.count;
    min = Math.min(min, c.min ?? Infinity);
    max = Math.max(max, c.max ?? -Infinity);
    firstMs = Math.min(firstMs, c.first ?? Infinity);
    lastMs = Math.max(lastMs, c.last ?? -Infinity);
  }
  if (count === 0) return null;
  const result: Record<string, number> = {};
  for (const p of percentiles) {
    const v = m.percentiles.get(p);
    if (v !== undefined) result[percentileKey(p)] = v;
  }
  const single = m.chunks.size === 1 ? [...m.chunks.values()][0]!.avg : undefined;
  return {
    stats: { samples: count, avg: single ?? weighted / count, min, max, percentiles: result },
    firstMs,
    lastMs,
  };
}

/**
 * Gaps from samples per slot (docs/method.md §9.1): between the first and the last slot with
 * samples, each run of slots short of samples (slot / step expected) is one missing stretch;
 * m missing samples are a gap of (m + 1) steps, counted when longer than twice the step.
 */
function gapsFromSlots(
  counts: number[],
  slotMs: number,
  stepMs: number,
): Pick<ServerUsage, 'gaps' | 'longestGapSeconds'> {
  const expected = slotMs / stepMs;
  const firstSlot = counts.findIndex((c) => c > 0);
  let lastSlot = counts.length - 1;
  while (lastSlot > 0 && !(counts[lastSlot]! > 0)) lastSlot--;
  let gaps = 0;
  let longest = stepMs;
  let missing = 0;
  const close = () => {
    const gapMs = (missing + 1) * stepMs;
    if (gapMs > 2 * stepMs) gaps++;
    longest = Math.max(longest, gapMs);
    missing = 0;
  };
  for (let i = firstSlot + 1; i < lastSlot; i++) {
    const short = Math.max(0, expected - counts[i]!);
    if (short > 0) missing += short;
    else if (missing > 0) close();
  }
  if (missing > 0) close();
  return { gaps, longestGapSeconds: longest / 1000 };
}
