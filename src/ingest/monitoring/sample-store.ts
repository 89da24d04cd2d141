// Memory-bounded storage of monitoring samples (issue 4 §3: no object per row).
// Per server: chunks of 512 rows, each row 6 words — the timestamp (Uint32 epoch seconds) and
// the five metrics (Float32, NaN = not measured) — plus a running float64 sum per metric.
// 10,000 servers × 4,032 samples = 40 M rows cost 40 M × 24 B ≈ 970 MB; float64 values would
// need 1.8 GB. One row is one cache line and the accumulators are one contiguous array: a
// long CSV ordered by time touches a different server on every row, so scattered per-metric
// arrays cost a cache miss each (measured: 3× slower at 10,000 servers than at 1,000).
// The average is exact (float64 sum of the parsed values, Neumaier-compensated); count, min,
// max and percentiles are exact order statistics of the float32 samples (docs/ingest.md).
import { METRIC_NAMES } from '../../domain/types.ts';

export const METRICS = METRIC_NAMES.length;
/** Words per stored row: timestamp + metrics. */
export const ROW_WORDS = 1 + METRICS;
const CHUNK = 512;

export class ServerSamples {
  count = 0;
  /** Row chunks; the same bytes seen as Uint32 (timestamps, word 0) and Float32 (metrics, words 1–5). */
  readonly timeChunks: Uint32Array[] = [];
  readonly valueChunks: Float32Array[] = [];
  /** Per metric m: the sum of its values at 2m and the Neumaier compensation at 2m + 1. */
  readonly sums = new Float64Array(METRICS * 2);
  firstMs = Infinity;
  lastMs = -Infinity;
  private curTimes: Uint32Array | undefined;
  private curValues: Float32Array | undefined;
  /** Fast-path parser cache: this server's name bytes, and the server that followed it last time. */
  nameBytes: Uint8Array | undefined;
  parseNext: ServerSamples | undefined;

  constructor(readonly name: string) {}

  /** The samples as transferable parts (another thread's store); the last chunk trimmed to its rows. */
  toTransfer(): TransferredSamples {
    const buffers = this.timeChunks.map((c) => c.buffer as ArrayBuffer);
    const rest = this.count % CHUNK;
    if (rest > 0 && buffers.length > 0) buffers[buffers.length - 1] = buffers[buffers.length - 1]!.slice(0, rest * ROW_WORDS * 4);
    return { name: this.name, count: this.count, sums: this.sums, firstMs: this.firstMs, lastMs: this.lastMs, buffers };
  }

  static fromTransfer(t: TransferredSamples): ServerSamples {
    const s = new ServerSamples(t.name);
    s.count = t.count;
    s.sums.set(t.sums);
    s.firstMs = t.firstMs;
    s.lastMs = t.lastMs;
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
    const sums = this.sums;
    for (let m = 0; m < METRICS; m++) {
      const v = values[m]!;
      vc[base + 1 + m] = v;
      if (v !== v) continue; // NaN: not measured
      // Neumaier's compensated summation: the average does not depend on the sample order.
      const sum = sums[2 * m]!;
      const t = sum + v;
      sums[2 * m + 1]! += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sums[2 * m] = t;
    }
    this.count++;
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
  }
}

export interface TransferredSamples {
  name: string;
  count: number;
  sums: Float64Array;
  firstMs: number;
  lastMs: number;
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
