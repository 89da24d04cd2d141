// Memory-bounded storage of monitoring samples (issue 4 §3: no object per row).
// Per server: chunks of timestamps (Uint32 epoch seconds) and of values (Float32, the five
// metrics interleaved, NaN = not measured), plus running float64 sums/min/max per metric.
// 10,000 servers × 4,032 samples = 40 M rows cost 40 M × (4 + 5·4) B ≈ 970 MB; float64
// values would need 1.8 GB. Avg/min/max are exact (float64, Neumaier-compensated sum);
// percentiles are exact order statistics of the samples rounded to float32 (relative error
// ≤ 6e-8, far below any sizing step). See docs/ingest.md.
import { METRIC_NAMES } from '../../domain/types.ts';

export const METRICS = METRIC_NAMES.length;
const CHUNK = 512;

export class ServerSamples {
  count = 0;
  readonly timeChunks: Uint32Array[] = [];
  readonly valueChunks: Float32Array[] = [];
  /** Per metric: samples with a value, compensated sum, its compensation, min, max. */
  readonly n = new Float64Array(METRICS);
  readonly sum = new Float64Array(METRICS);
  readonly comp = new Float64Array(METRICS);
  readonly min = new Float64Array(METRICS).fill(Infinity);
  readonly max = new Float64Array(METRICS).fill(-Infinity);
  firstMs = Infinity;
  lastMs = -Infinity;
  /** Rows whose timestamp is earlier than the previous row's (the file is not time-sorted). */
  outOfOrder = 0;
  private prevMs = -Infinity;
  /** Fast-path parser cache: this server's name bytes, and the server that followed it last time. */
  nameBytes: Buffer | undefined;
  parseNext: ServerSamples | undefined;

  constructor(readonly name: string) {}

  /** Adds one sample; `values` holds the five metrics in METRIC_NAMES order (NaN = missing). */
  add(ms: number, values: Float64Array): void {
    const slot = this.count % CHUNK;
    if (slot === 0) {
      this.timeChunks.push(new Uint32Array(CHUNK));
      this.valueChunks.push(new Float32Array(CHUNK * METRICS));
    }
    const chunk = this.count >>> 9; // CHUNK = 2^9
    this.timeChunks[chunk]![slot] = Math.floor(ms / 1000);
    const vc = this.valueChunks[chunk]!;
    const base = slot * METRICS;
    for (let m = 0; m < METRICS; m++) {
      const v = values[m]!;
      vc[base + m] = v;
      if (v !== v) continue; // NaN: not measured
      // Neumaier's compensated summation: the average does not drift with 40 M terms.
      const sum = this.sum[m]!;
      const t = sum + v;
      this.comp[m]! += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      this.sum[m] = t;
      this.n[m]!++;
      if (v < this.min[m]!) this.min[m] = v;
      if (v > this.max[m]!) this.max[m] = v;
    }
    this.count++;
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
    if (ms < this.prevMs) this.outOfOrder++;
    this.prevMs = ms;
  }
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
