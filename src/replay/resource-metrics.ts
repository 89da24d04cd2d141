// What one resource of one host did over a window (method §14.2): intervals over the ceiling and
// over 100 % of the physical capacity, the worst interval, the 99th percentile and the factor by
// which the demand could not have grown without more than the allowed share of overloaded
// intervals. Shares are of the host's intervals (the contract's "% of host-intervals").
import type { ResourceReplay } from '../domain/plan-replay.ts';
import { exceeds } from '../util/tolerance.ts';
import { round2 } from '../util/round.ts';
import type { Grid, HostSeries } from './host-series.ts';

export interface ResourceOutcome {
  replay: ResourceReplay;
  overCeiling: number;
  over100: number;
  /**
   * Load ÷ capacity that at most `allowedPct` % of the host's intervals exceed: the capacity (or,
   * the same thing, the sizing) had to be this many times larger for the host to hold (method §14.3).
   */
  holdFactor: number;
}

export interface ResourceLimits {
  capacity: number;
  ceilingPct: number;
  /** replay.maxOverloadPct. */
  allowedPct: number;
}

/** null when the resource has no capacity or no measured interval. */
export function resourceOutcome(
  series: HostSeries,
  r: number,
  grid: Grid,
  hostIntervals: number,
  limits: ResourceLimits,
  scratch: Float64Array,
): ResourceOutcome | null {
  const { capacity, ceilingPct } = limits;
  if (!(capacity > 0)) return null;
  const base = r * grid.intervals;
  const ceiling = (capacity * ceilingPct) / 100;
  let n = 0;
  let overCeiling = 0;
  let over100 = 0;
  let worst = -Infinity;
  let worstAt = -1;
  let total = 0;
  for (let i = 0; i < grid.intervals; i++) {
    if (series.covered[base + i] === 0) continue;
    const v = series.values[base + i]!;
    scratch[n++] = v;
    total += v;
    if (exceeds(v, ceiling)) overCeiling++;
    if (exceeds(v, capacity)) over100++;
    if (v > worst) {
      worst = v;
      worstAt = i;
    }
  }
  if (n === 0) return null;
  const sorted = scratch.subarray(0, n).sort();
  const share = (k: number) => (hostIntervals > 0 ? round2((k / hostIntervals) * 100) : 0);
  const allowed = Math.floor((hostIntervals * limits.allowedPct) / 100);
  const holdAt = n - 1 - allowed;
  return {
    overCeiling,
    over100,
    holdFactor: holdAt >= 0 ? Math.max(1, sorted[holdAt]! / capacity) : 1,
    replay: {
      capacity: round2(capacity),
      ceilingPct,
      intervals: n,
      overCeilingPct: share(overCeiling),
      over100Pct: share(over100),
      worstPct: round2((worst / capacity) * 100),
      worstAt: new Date((grid.fromSec + worstAt * grid.stepSec) * 1000).toISOString().replace('.000Z', 'Z'),
      p99Pct: round2((percentile(sorted, 99) / capacity) * 100),
      avgPct: round2((total / n / capacity) * 100),
      peak: round2(worst),
      avg: round2(total / n),
    },
  };
}

/**
 * Percentile of ascending values by linear interpolation between closest ranks (Hyndman & Fan
 * 1996, definition 7: the definition the ingest's percentiles use, docs/ingest.md).
 */
function percentile(sorted: Float64Array, p: number): number {
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
