// A host's load over time for the report's chart (method §14.2): at most 168 buckets over the
// window, each the highest interval load in it, % of the capacity (null: nothing measured).
import { round2 } from '../util/round.ts';
import { type Grid, type HostSeries, R_CPU, R_MEMORY, R_NETWORK } from './host-series.ts';

const MAX_BUCKETS = 168;

export function hostTimeline(series: HostSeries, capacity: number[], grid: Grid) {
  const per = Math.max(1, Math.ceil(grid.intervals / MAX_BUCKETS));
  const buckets = Math.ceil(grid.intervals / per);
  const line = (r: number): (number | null)[] => {
    const out: (number | null)[] = [];
    const cap = capacity[r]!;
    const base = r * grid.intervals;
    for (let b = 0; b < buckets; b++) {
      let worst = -Infinity;
      for (let i = b * per; i < Math.min(grid.intervals, (b + 1) * per); i++)
        if (series.covered[base + i] && series.values[base + i]! > worst) worst = series.values[base + i]!;
      out.push(cap > 0 && worst > -Infinity ? round2((worst / cap) * 100) : null);
    }
    return out;
  };
  return {
    bucketSeconds: per * grid.stepSec,
    cpuPct: line(R_CPU),
    memoryPct: line(R_MEMORY),
    networkPct: line(R_NETWORK),
  };
}
