// Percentiles of monitoring samples.

/**
 * Percentile `p` (0–100) of an ascending array's first `n` values, by linear interpolation
 * between closest ranks: h = (n − 1)·p/100, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * This is Hyndman & Fan (1996) definition 7, numpy.percentile's default ('linear') and
 * DuckDB's quantile_cont, so results can be checked against either.
 * Example: [1, 2, 3, 4], p95 → h = 2.85 → 3 + 0.85·1 = 3.85.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n <= 0) return Number.NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** `p95`, `p99.9`: the key a percentile is stored under in MetricStats.percentiles. */
export function percentileKey(p: number): string {
  return `p${p}`;
}

/** p50, p95, p99 always, plus the requested ones; ascending, unique. Rejects p outside 0–100. */
export function percentileSet(requested: readonly number[]): number[] {
  const all = new Set<number>([50, 95, 99]);
  for (const p of requested) {
    if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be within 0–100, got ${p}`);
    all.add(p);
  }
  return [...all].sort((a, b) => a - b);
}
