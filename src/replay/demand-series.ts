// Each VM's demand series for time-aware placement (method §14.4): per slot of
// placement.series.slotMinutes, the VM's CPU GHz and memory GB at the slot statistic (max or
// mean) of its interval values — the very values the replay (§14.1) sums per host, on the
// same grid, so a host whose summed slot demand stays under a ceiling replays under it too.
// With placement.series.period `day` or `week` the window is folded onto one day's (week's)
// slots, each at the statistic over every day's (week's) intervals at that time — the
// characteristic profile of Speitkamp & Bichler 2010 and Gmach et al. 2009, which is what
// carries over to another window (a calendar slot of July never recurs in August).
import type { MonitoringSamples } from '../domain/samples.ts';
import { addVm, emptySeries, type Grid, R_CPU, R_MEMORY, Scratch, type VmSource } from './host-series.ts';
import { windowGrid } from './replay-window.ts';

export type SeriesPeriod = 'window' | 'day' | 'week';

export interface DemandSeries {
  /** Start of each slot, epoch seconds (its first occurrence in the window when folded). */
  slotStartSec: number[];
  /** Each slot's name: the ISO minute of its start; folded, `HH:MM` (day) or `Mon HH:MM` (week). */
  slotLabel: string[];
  /** VM name → CPU GHz and memory GB per slot. */
  vms: Map<string, { cpuGhz: Float64Array; memoryGb: Float64Array }>;
}

export function demandSeries(
  vms: { name: string; source: VmSource }[],
  samples: MonitoringSamples,
  opts: { slotMinutes: number; statistic: string; period?: SeriesPeriod },
): DemandSeries {
  const grid = windowGrid(
    vms.map((v) => v.source.server),
    samples,
  );
  const per = Math.max(1, Math.round((opts.slotMinutes * 60) / grid.stepSec));
  const { slotOf, slotStartSec, slotLabel } = slotting(grid, per, opts.period ?? 'window');
  const slots = slotStartSec.length;
  const series = emptySeries(grid);
  const scratch = new Scratch();
  const out = new Map<string, { cpuGhz: Float64Array; memoryGb: Float64Array }>();
  for (const vm of vms) {
    series.values.fill(0);
    series.covered.fill(0);
    series.any.fill(0);
    addVm(series, vm.source, samples, grid, scratch);
    out.set(vm.name, {
      cpuGhz: slotValues(series.values, series.covered, R_CPU, grid, slotOf, slots, opts.statistic),
      memoryGb: slotValues(series.values, series.covered, R_MEMORY, grid, slotOf, slots, opts.statistic),
    });
  }
  return { slotStartSec, slotLabel, vms: out };
}

const DAY_SEC = 86_400;
const WEEK_SEC = 7 * DAY_SEC;
/** Epoch 0 was a Thursday: shifting by 3 days puts Monday 00:00 UTC at the start of a week. */
const WEEK_SHIFT_SEC = 3 * DAY_SEC;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Which slot each interval of the grid falls in, and the slots that occur (in slot order). */
function slotting(
  grid: Grid,
  per: number,
  period: SeriesPeriod,
): { slotOf: Int32Array; slotStartSec: number[]; slotLabel: string[] } {
  const slotSec = per * grid.stepSec;
  const raw = new Int32Array(grid.intervals);
  for (let i = 0; i < grid.intervals; i++) {
    const t = grid.fromSec + i * grid.stepSec;
    raw[i] =
      period === 'window'
        ? Math.floor(i / per)
        : period === 'day'
          ? Math.floor((((t % DAY_SEC) + DAY_SEC) % DAY_SEC) / slotSec)
          : Math.floor(((((t + WEEK_SHIFT_SEC) % WEEK_SEC) + WEEK_SEC) % WEEK_SEC) / slotSec);
  }
  // Slots that no interval falls in (a window shorter than the period) are left out.
  const used = [...new Set(raw)].sort((a, b) => a - b);
  const index = new Map(used.map((s, j) => [s, j]));
  const slotOf = raw.map((s) => index.get(s)!);
  const first = used.map((s) => grid.fromSec + raw.indexOf(s) * grid.stepSec);
  const hhmm = (sec: number) => new Date(sec * 1000).toISOString().slice(11, 16);
  const slotLabel = used.map((s, j) =>
    period === 'window'
      ? new Date(first[j]! * 1000).toISOString().slice(0, 16)
      : period === 'day'
        ? hhmm(s * slotSec)
        : `${WEEKDAYS[Math.floor((s * slotSec) / DAY_SEC)]} ${hhmm(s * slotSec)}`,
  );
  return { slotOf, slotStartSec: first, slotLabel };
}

function slotValues(
  values: Float64Array,
  covered: Uint8Array,
  r: number,
  grid: Grid,
  slotOf: Int32Array,
  slots: number,
  statistic: string,
): Float64Array {
  const out = new Float64Array(slots);
  const base = r * grid.intervals;
  // The covered intervals of every slot, gathered slot by slot (counting sort on slotOf).
  const count = new Int32Array(slots + 1);
  for (let i = 0; i < grid.intervals; i++) if (covered[base + i]) count[slotOf[i]! + 1]!++;
  for (let s = 0; s < slots; s++) count[s + 1]! += count[s]!;
  const at = count.slice(0, slots);
  const inSlots = new Float64Array(count[slots]!);
  for (let i = 0; i < grid.intervals; i++) if (covered[base + i]) inSlots[at[slotOf[i]!]!++] = values[base + i]!;
  for (let s = 0; s < slots; s++) {
    const n = count[s + 1]! - count[s]!;
    out[s] = n === 0 ? 0 : slotStatistic(inSlots.subarray(count[s]!, count[s + 1]!), statistic);
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
