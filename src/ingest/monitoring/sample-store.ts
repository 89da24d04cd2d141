// Memory-bounded storage of monitoring samples (issue 4 §3: no object per row).
// Per server: chunks of 512 rows, each row 6 words — the timestamp (Uint32 epoch seconds) and
// the five metrics (Float32, NaN = not measured) — plus running float64 accumulators.
// 10,000 servers × 4,032 samples = 40 M rows cost 40 M × 24 B ≈ 970 MB; float64 values would
// need 1.8 GB. One row is one cache line and the accumulators are one contiguous array: a
// long CSV ordered by time touches a different server on every row, so scattered per-metric
// arrays cost a cache miss each (measured: 3× slower at 10,000 servers than at 1,000).
// Avg/min/max are exact (float64, Neumaier-compensated sum); percentiles are exact order
// statistics of the float32 samples (docs/ingest.md).
import { METRIC_NAMES } from '../../domain/types.ts';

export const METRICS = METRIC_NAMES.length;
/** Words per stored row: timestamp + metrics. */
export const ROW_WORDS = 1 + METRICS;
const CHUNK = 512;
/**
 * Accumulator layout: per metric m at m·ACC.width the compensated sum, its compensation, min
 * and max; then the first and last timestamp (ms). One array, so adding a row touches three
 * cache lines of it; the number of values per metric is counted when summarising.
 */
export const ACC = { sum: 0, comp: 1, min: 2, max: 3, width: 4, firstMs: METRICS * 4, lastMs: METRICS * 4 + 1, length: METRICS * 4 + 2 } as const;

export class ServerSamples {
  count = 0;
  /** Row chunks; the same bytes seen as Uint32 (timestamps, word 0) and Float32 (metrics, words 1–5). */
  readonly timeChunks: Uint32Array[] = [];
  readonly valueChunks: Float32Array[] = [];
  /** Running accumulators (ACC layout). */
  readonly acc = new Float64Array(ACC.length);
  private curTimes: Uint32Array | undefined;
  private curValues: Float32Array | undefined;

  constructor(readonly name: string) {
    for (let m = 0; m < METRICS; m++) {
      this.acc[m * ACC.width + ACC.min] = Infinity;
      this.acc[m * ACC.width + ACC.max] = -Infinity;
    }
    this.acc[ACC.firstMs] = Infinity;
    this.acc[ACC.lastMs] = -Infinity;
  }

  get firstMs(): number {
    return this.acc[ACC.firstMs]!;
  }

  get lastMs(): number {
    return this.acc[ACC.lastMs]!;
  }

  /** The samples as plain data whose chunk buffers can be transferred to another thread (not copied). */
  toTransfer(): TransferredSamples {
    return { name: this.name, count: this.count, acc: this.acc, buffers: this.timeChunks.map((c) => c.buffer as ArrayBuffer) };
  }

  /** A read-only copy of another thread's samples (no more rows are added to it). */
  static fromTransfer(t: TransferredSamples): ServerSamples {
    const s = new ServerSamples(t.name);
    s.count = t.count;
    s.acc.set(t.acc);
    for (const b of t.buffers) {
      s.timeChunks.push(new Uint32Array(b));
      s.valueChunks.push(new Float32Array(b));
    }
    return s;
  }

  /** Adds one sample; `values` holds the five metrics in METRIC_NAMES order (NaN = missing). */
  add(ms: number, values: Float64Array): void {
    const slot = this.count % CHUNK;
    if (slot === 0) {
      const buffer = new ArrayBuffer(CHUNK * ROW_WORDS * 4);
      this.curTimes = new Uint32Array(buffer);
      this.curValues = new Float32Array(buffer);
      this.timeChunks.push(this.curTimes);
      this.valueChunks.push(this.curValues);
    }
    const base = slot * ROW_WORDS;
    this.curTimes![base] = Math.floor(ms / 1000);
    const vc = this.curValues!;
    const acc = this.acc;
    for (let m = 0; m < METRICS; m++) {
      const v = values[m]!;
      vc[base + 1 + m] = v;
      if (v !== v) continue; // NaN: not measured
      const a = m * ACC.width;
      // Neumaier's compensated summation: the average does not drift with 40 M terms.
      const sum = acc[a + ACC.sum]!;
      const t = sum + v;
      acc[a + ACC.comp]! += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      acc[a + ACC.sum] = t;
      if (v < acc[a + ACC.min]!) acc[a + ACC.min] = v;
      if (v > acc[a + ACC.max]!) acc[a + ACC.max] = v;
    }
    this.count++;
    if (ms < acc[ACC.firstMs]!) acc[ACC.firstMs] = ms;
    if (ms > acc[ACC.lastMs]!) acc[ACC.lastMs] = ms;
  }
}

/** ServerSamples between threads: the fields summarise.ts reads, chunks as transferable buffers. */
export interface TransferredSamples {
  name: string;
  count: number;
  acc: Float64Array;
  buffers: ArrayBuffer[];
}

/** Samples of one read (a file, or a set of files), keyed by server name. */
export class SampleStore {
  readonly servers = new Map<string, ServerSamples>();

  server(name: string): ServerSamples {
    let s = this.servers.get(name);
    if (!s) {
      s = new ServerSamples(name);
      this.servers.set(name, s);
    }
    return s;
  }

  get rows(): number {
    let n = 0;
    for (const s of this.servers.values()) n += s.count;
    return n;
  }
}

export { CHUNK as SAMPLE_CHUNK };
