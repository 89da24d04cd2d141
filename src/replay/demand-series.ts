// Each VM's demand series for time-aware placement (method §14.4): per slot of
// placement.series.slotMinutes, the VM's CPU GHz and memory GB at the slot statistic (max or
// mean) of its interval values — the very values the replay (§14.1) sums per host, on the
// same grid, so a host whose summed slot demand stays under a ceiling replays under it too.
import type { MonitoringSamples } from '../domain/samples.ts';
import { addVm, emptySeries, type Grid, R_CPU, R_MEMORY, Scratch, type VmSource } from './host-series.ts';
import { windowGrid } from './replay-window.ts';

export interface DemandSeries {
  /** Start of each slot, epoch seconds. */
  slotStartSec: number[];
  /** VM name → CPU GHz and memory GB per slot. */
  vms: Map<string, { cpuGhz: Float64Array; memoryGb: Float64Array }>;
}

export function demandSeries(
  vms: { name: string; source: VmSource }[],
  samples: MonitoringSamples,
  opts: { slotMinutes: number; statistic: string },
): DemandSeries {
  const grid = windowGrid(
    vms.map((v) => v.source.server),
    samples,
  );
  const per = Math.max(1, Math.round((opts.slotMinutes * 60) / grid.stepSec));
  const slots = Math.ceil(grid.intervals / per);
  const series = emptySeries(grid);
  const scratch = new Scratch();
  const out = new Map<string, { cpuGhz: Float64Array; memoryGb: Float64Array }>();
  for (const vm of vms) {
    series.values.fill(0);
    series.covered.fill(0);
    series.any.fill(0);
    addVm(series, vm.source, samples, grid, scratch);
    out.set(vm.name, {
      cpuGhz: slotValues(series.values, series.covered, R_CPU, grid, per, slots, opts.statistic),
      memoryGb: slotValues(series.values, series.covered, R_MEMORY, grid, per, slots, opts.statistic),
    });
  }
  return {
    slotStartSec: Array.from({ length: slots }, (_, s) => grid.fromSec + s * per * grid.stepSec),
    vms: out,
  };
}

function slotValues(
  values: Float64Array,
  covered: Uint8Array,
  r: number,
  grid: Grid,
  per: number,
  slots: number,
  statistic: string,
): Float64Array {
  const out = new Float64Array(slots);
  const base = r * grid.intervals;
  const inSlot = new Float64Array(per);
  for (let s = 0; s < slots; s++) {
    let n = 0;
    for (let i = s * per; i < Math.min(grid.intervals, (s + 1) * per); i++)
      if (covered[base + i]) inSlot[n++] = values[base + i]!;
    out[s] = n === 0 ? 0 : slotStatistic(inSlot.subarray(0, n), statistic);
  }
  return out;
}

/** max, avg or pNN (Hyndman & Fan definition 7, as method §3.1) of one slot's interval values. */
function slotStatistic(v: Float64Array, statistic: string): number {
  if (statistic === 'avg') {
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += v[i]!;
    return sum / v.length;
  }
  v.sort();
  if (statistic === 'max') return v[v.length - 1]!;
  const h = ((v.length - 1) * Number(statistic.slice(1))) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, v.length - 1);
  return v[lo]! + (h - lo) * (v[hi]! - v[lo]!);
}
