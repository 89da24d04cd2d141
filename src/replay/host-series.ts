// The hot loop of the replay (method §14.1): a VM's samples, in physical units, added into its
// host's per-interval series. One pass over the VM's rows, no object per row: rows are copied
// into scratch arrays reused from VM to VM, grouped by interval (several samples in one
// interval: their mean), and each value is held over the intervals until the VM's next sample,
// at most the VM's own sampling interval (a longer gap is missing data, not demand).
import type { MonitoringSamples } from '../domain/samples.ts';

/** Replayed resources, in series order. */
const RESOURCES = 4;
export const R_CPU = 0;
export const R_MEMORY = 1;
export const R_NETWORK = 2;
export const R_IOPS = 3;
/** Index in METRIC_NAMES of each replayed resource (cpuPct, memoryUsedMb, networkMBps, iops). */
const METRIC = [0, 1, 3, 4];
/** Index in METRIC_NAMES of cpuMhz: CPU demand in MHz, GHz = MHz / 1000 with no clock (method §14.1). */
const CPU_MHZ = 5;

/** The time grid of a window: interval i starts at fromSec + i·stepSec. */
export interface Grid {
  fromSec: number;
  stepSec: number;
  intervals: number;
}

/** Demand of every interval of one host: resource r, interval i at r·intervals + i. */
export interface HostSeries {
  values: Float64Array;
  /** 1 where at least one VM measured resource r in interval i. */
  covered: Uint8Array;
  /** 1 where at least one VM has a sample in interval i. */
  any: Uint8Array;
}

export function emptySeries(grid: Grid): HostSeries {
  return {
    values: new Float64Array(RESOURCES * grid.intervals),
    covered: new Uint8Array(RESOURCES * grid.intervals),
    any: new Uint8Array(grid.intervals),
  };
}

export function copySeries(s: HostSeries): HostSeries {
  return { values: s.values.slice(), covered: s.covered.slice(), any: s.any.slice() };
}

/** How one VM's metrics become physical units. */
export interface VmSource {
  /** Source server: the key of its samples. */
  server: string;
  /** GHz per CPU % point: source cores × clock / 100 (method §14.1); null: CPU cannot be replayed. */
  ghzPerCpuPct: number | null;
}

/** Scratch arrays reused across VMs (grown, never shrunk). */
export class Scratch {
  times = new Float64Array(1024);
  values = new Float64Array(1024 * RESOURCES);
  order = new Uint32Array(0);

  ensure(rows: number): void {
    if (rows <= this.times.length) return;
    const n = Math.max(rows, this.times.length * 2);
    const times = new Float64Array(n);
    times.set(this.times);
    const values = new Float64Array(n * RESOURCES);
    values.set(this.values);
    this.times = times;
    this.values = values;
  }
}

/** Adds VM `vm`'s samples into `into`; false when the window holds none of it. */
export function addVm(
  into: HostSeries,
  vm: VmSource,
  samples: MonitoringSamples,
  grid: Grid,
  scratch: Scratch,
): boolean {
  const rows = gather(vm, samples, scratch);
  if (rows === 0) return false;
  const order = timeOrder(scratch, rows);
  const own = samples.intervalSeconds(vm.server) ?? grid.stepSec;
  const hold = Math.max(1, Math.round(own / grid.stepSec));
  const { times, values } = scratch;
  const sum = [0, 0, 0, 0];
  const count = [0, 0, 0, 0];
  let k = 0;
  while (k < rows) {
    const idx = intervalOf(times[order ? order[k]! : k]!, grid);
    sum.fill(0);
    count.fill(0);
    // Every sample of this interval.
    for (; k < rows; k++) {
      const row = order ? order[k]! : k;
      if (intervalOf(times[row]!, grid) !== idx) break;
      for (let r = 0; r < RESOURCES; r++) {
        const v = values[row * RESOURCES + r]!;
        if (Number.isNaN(v)) continue;
        sum[r]! += v;
        count[r]!++;
      }
    }
    const next = k < rows ? intervalOf(times[order ? order[k]! : k]!, grid) : grid.intervals;
    const end = Math.min(idx + hold, next, grid.intervals);
    if (idx < 0 || idx >= grid.intervals) continue;
    for (let i = idx; i < end; i++) into.any[i] = 1;
    for (let r = 0; r < RESOURCES; r++) {
      if (count[r] === 0) continue;
      const mean = sum[r]! / count[r]!;
      const base = r * grid.intervals;
      for (let i = idx; i < end; i++) {
        into.values[base + i]! += mean;
        into.covered[base + i] = 1;
      }
    }
  }
  return true;
}

function intervalOf(tSec: number, grid: Grid): number {
  return Math.floor((tSec - grid.fromSec) / grid.stepSec);
}

/**
 * Copies the VM's rows into scratch, in physical units: GHz, GB, MB/s, IOPS (NaN = not measured).
 * CPU GHz is a row's MHz / 1000 when it has them, else its CPU % × source cores × clock / 100.
 */
function gather(vm: VmSource, samples: MonitoringSamples, scratch: Scratch): number {
  let n = 0;
  const cpuScale = vm.ghzPerCpuPct ?? Number.NaN;
  samples.visit(vm.server, (times, values, base, rows, rowWords, metricWords, timeBase, timeStride) => {
    scratch.ensure(n + rows);
    const t = scratch.times;
    const out = scratch.values;
    const [cpu, memory, network, iops] = METRIC.map((m) => metricWords[m]!) as [number, number, number, number];
    const mhz = metricWords[CPU_MHZ] ?? -1;
    // A metric the rows do not hold (word −1) is not measured: NaN.
    const at = (row: number, word: number) => (word < 0 ? Number.NaN : values[row + word]!);
    for (let i = 0; i < rows; i++) {
      const row = base + i * rowWords;
      t[n] = times[timeBase + i * timeStride]!;
      const o = n * RESOURCES;
      const cpuMhz = at(row, mhz);
      out[o + R_CPU] = Number.isNaN(cpuMhz) ? at(row, cpu) * cpuScale : cpuMhz / 1000;
      out[o + R_MEMORY] = at(row, memory) / 1024;
      out[o + R_NETWORK] = at(row, network);
      out[o + R_IOPS] = at(row, iops);
      n++;
    }
  });
  return n;
}

/** null when the rows are in time order (exports usually are), else their order by time. */
function timeOrder(scratch: Scratch, rows: number): Uint32Array | null {
  const t = scratch.times;
  let sorted = true;
  for (let i = 1; i < rows && sorted; i++) if (t[i]! < t[i - 1]!) sorted = false;
  if (sorted) return null;
  if (scratch.order.length < rows) scratch.order = new Uint32Array(Math.max(rows, scratch.order.length * 2));
  const order = scratch.order.subarray(0, rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  order.sort((a, b) => t[a]! - t[b]! || a - b);
  return order;
}
