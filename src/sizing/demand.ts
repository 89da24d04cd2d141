// Demand of one resource of one server: the configured statistic of the monitoring data,
// times the peak allowance, times (1 + growth). Method §3.2: the worked example
// uses the average, peak factor 1.0 (the client's figures already held the busy days) and
// growth +50 % on memory and storage only.
import type { MetricName, MetricStats, ServerUsage } from '../domain/server.ts';
import type { ResourceKey, SizingSettings } from '../domain/project.ts';
import { InternalError } from '../domain/errors.ts';

/** Monitoring metric behind each sized resource (docs/ingest.md, "Metrics and unit conversions"). */
const METRIC_OF: Record<ResourceKey, MetricName> = {
  cpu: 'cpuPct',
  memory: 'memoryUsedMb',
  disk: 'diskUsedGb',
  network: 'networkMBps',
};

/**
 * The value of `statistic` (avg, max or pNN) in `stats`. A percentile the readers did not
 * compute is a pipeline bug (they compute every percentile the settings name), not bad input.
 */
export function pickStatistic(stats: MetricStats, statistic: string): number {
  if (statistic === 'avg') return stats.avg;
  if (statistic === 'max') return stats.max;
  const value = stats.percentiles[statistic];
  if (value === undefined) {
    throw new InternalError(
      `percentile ${statistic} was not computed (have: ${Object.keys(stats.percentiles).join(', ') || 'none'})`,
    );
  }
  return value;
}

/** measured × peak × (1 + growth): method §3.2 (peak and growth allowances). */
export function applyPeakAndGrowth(measured: number, peakFactor: number, growth: number): number {
  return measured * peakFactor * (1 + growth);
}

/** Everything behind a demand figure, before the resource's own rounding. */
export interface Demand {
  statistic: string;
  measured: number;
  peakFactor: number;
  growth: number;
  demand: number;
}

/**
 * Demand of `resource` from the server's usage, or null when that metric was not measured
 * (no usage, or no samples of the metric). `metric` overrides the resource's usual metric
 * (CPU in MHz, method §3.7), with the resource's statistic, peak factor and growth.
 */
export function resourceDemand(
  usage: ServerUsage | null,
  resource: ResourceKey,
  sizing: SizingSettings,
  metric: MetricName = METRIC_OF[resource],
): Demand | null {
  const stats = usage?.metrics[metric];
  if (!stats || stats.samples === 0) return null;
  const statistic = sizing.statistic[resource];
  const measured = pickStatistic(stats, statistic);
  const peakFactor = sizing.peakFactor[resource];
  const growth = sizing.growth[resource];
  return { statistic, measured, peakFactor, growth, demand: applyPeakAndGrowth(measured, peakFactor, growth) };
}

/** CPU demand and its unit: MHz when measured — the measured quantity — else CPU % (method §3.7). */
export function cpuDemand(
  usage: ServerUsage | null,
  sizing: SizingSettings,
): { d: Demand; unit: 'mhz' | 'pct' } | null {
  const mhz = resourceDemand(usage, 'cpu', sizing, 'cpuMhz');
  if (mhz) return { d: mhz, unit: 'mhz' };
  const pct = resourceDemand(usage, 'cpu', sizing);
  return pct ? { d: pct, unit: 'pct' } : null;
}
