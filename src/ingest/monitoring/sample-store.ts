// Memory-bounded storage of monitoring samples (docs/ingest.md, "Aggregation": no object per row).
// A store keeps its rows in blocks of 512 rows inside slabs (112 KiB growing to 3.5 MiB); each row is 7 words —
// the timestamp (Uint32 epoch seconds) and the six metrics (Float32, NaN = not measured). A server
// owns a list of blocks, filled in order. 10,000 servers × 4,032 samples = 40 M rows cost
// 40 M × 28 B ≈ 1.13 GB; float64 values would need 2.1 GB.
// Running accumulators (Neumaier-compensated sum, min, max per metric, first/last time, row
// count, current block) are one 224-byte record per server in a single Float64Array. A long
// CSV ordered by time touches a different server on every row, so adding a row costs its
// three record lines and one row line, no object on the way (measured at 10,000 servers,
// 8.6 M rows: 0.9 s of CPU instead of 1.8 s with per-server objects holding their own arrays).
// Slabs are SharedArrayBuffers: a helper thread reads a store without copying (helper-thread.ts).
// Avg/min/max are exact (float64); percentiles are exact order statistics of the float32
// samples (docs/ingest.md).
import { METRIC_NAMES } from '../../domain/server.ts';

export const METRICS = METRIC_NAMES.length;
/** Words per stored row: timestamp + metrics. */
export const ROW_WORDS = 1 + METRICS;
/** Rows per block; a server's blocks are full except its last. */
const BLOCK_ROWS = 512;
const BLOCK_WORDS = BLOCK_ROWS * ROW_WORDS;
/**
 * Blocks per slab: the first slab of a store holds 8 (112 KiB), each next one twice as many up
 * to 256 (3.5 MiB), so a store of a small file stays small. A block number is slab·2^16 + index.
 */
const FIRST_SLAB_BLOCKS = 8;
const MAX_SLAB_BLOCKS = 256;
const SLAB_SHIFT = 16;
const INDEX_MASK = (1 << SLAB_SHIFT) - 1;
/**
 * Per-server record: per metric m at m·ACC.width the compensated sum, its compensation, min
 * and max; then the first and last timestamp (ms), the row count and the current block.
 */
export const ACC = {
  sum: 0,
  comp: 1,
  min: 2,
  max: 3,
  width: 4,
  firstMs: METRICS * 4,
  lastMs: METRICS * 4 + 1,
  count: METRICS * 4 + 2,
  block: METRICS * 4 + 3,
  stride: METRICS * 4 + 4,
} as const;

/** A store as plain data another thread can rebuild it from (slabs shared, not copied). */
export interface SharedStore {
  names: string[];
  blocks: number[][];
  state: Float64Array;
  slabs: SharedArrayBuffer[];
}

/** One server of a store: its name, id, blocks and accumulators (read through the store). */
export class ServerSamples {
  /** Block numbers of this server's rows, in order. */
  readonly blocks: number[] = [];

  constructor(
    readonly store: SampleStore,
    readonly id: number,
    readonly name: string,
  ) {}

  get count(): number {
    return this.store.state[this.id * ACC.stride + ACC.count]!;
  }

  get firstMs(): number {
    return this.store.state[this.id * ACC.stride + ACC.firstMs]!;
  }

  get lastMs(): number {
    return this.store.state[this.id * ACC.stride + ACC.lastMs]!;
  }

  /** Accumulator `field` (ACC.sum, ACC.comp, ACC.min, ACC.max) of metric m. */
  acc(m: number, field: number): number {
    return this.store.state[this.id * ACC.stride + m * ACC.width + field]!;
  }

  /** Adds one sample; `values` holds the six metrics in METRIC_NAMES order (NaN = missing). */
  add(ms: number, values: Float64Array): void {
    this.store.add(this.id, ms, values);
  }

  /** Calls fn with each block's Uint32 and Float32 view, the word offset of its first row and its row count. */
  forEachBlock(fn: (u32: Uint32Array, f32: Float32Array, base: number, rows: number) => void): void {
    const { u32, f32 } = this.store;
    const count = this.count;
    this.blocks.forEach((b, i) => {
      fn(
        u32[b >>> SLAB_SHIFT]!,
        f32[b >>> SLAB_SHIFT]!,
        (b & INDEX_MASK) * BLOCK_WORDS,
        Math.min(BLOCK_ROWS, count - i * BLOCK_ROWS),
      );
    });
  }
}

/** Samples of one read (a file, or a part of one), keyed by server name. */
export class SampleStore {
  readonly servers = new Map<string, ServerSamples>();
  /** ACC.stride doubles per server id. */
  state: Float64Array = new Float64Array(64 * ACC.stride);
  readonly slabs: SharedArrayBuffer[] = [];
  readonly u32: Uint32Array[] = [];
  readonly f32: Float32Array[] = [];
  private readonly byId: ServerSamples[] = [];
  /** Blocks used in the last slab. */
  private lastSlabUsed = 0;

  server(name: string): ServerSamples {
    let s = this.servers.get(name);
    if (!s) {
      s = this.newServer(name);
      const r = s.id * ACC.stride;
      for (let m = 0; m < METRICS; m++) {
        this.state[r + m * ACC.width + ACC.min] = Infinity;
        this.state[r + m * ACC.width + ACC.max] = -Infinity;
      }
      this.state[r + ACC.firstMs] = Infinity;
      this.state[r + ACC.lastMs] = -Infinity;
    }
    return s;
  }

  get rows(): number {
    let n = 0;
    for (const s of this.servers.values()) n += s.count;
    return n;
  }

  /** Adds one sample to server `id` (the hot path of every reader). */
  add(id: number, ms: number, values: Float64Array): void {
    const st = this.state;
    const r = id * ACC.stride;
    const count = st[r + ACC.count]!;
    const slot = count % BLOCK_ROWS;
    const block = slot === 0 ? this.newBlock(id) : st[r + ACC.block]!;
    const vc = this.f32[block >>> SLAB_SHIFT]!;
    const base = (block & INDEX_MASK) * BLOCK_WORDS + slot * ROW_WORDS;
    this.u32[block >>> SLAB_SHIFT]![base] = Math.floor(ms / 1000);
    for (let m = 0; m < METRICS; m++) {
      const v = values[m]!;
      vc[base + 1 + m] = v;
      if (Number.isNaN(v)) continue; // not measured
      const a = r + m * ACC.width;
      // Neumaier's compensated summation: the average does not drift with 40 M terms.
      const sum = st[a + ACC.sum]!;
      const t = sum + v;
      st[a + ACC.comp]! += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      st[a + ACC.sum] = t;
      if (v < st[a + ACC.min]!) st[a + ACC.min] = v;
      if (v > st[a + ACC.max]!) st[a + ACC.max] = v;
    }
    st[r + ACC.count] = count + 1;
    if (ms < st[r + ACC.firstMs]!) st[r + ACC.firstMs] = ms;
    if (ms > st[r + ACC.lastMs]!) st[r + ACC.lastMs] = ms;
  }

  /** The store as plain data for another thread (the state is copied, ~200 B per server; slabs are shared). */
  share(): SharedStore {
    const names = this.byId.map((s) => s.name);
    return {
      names,
      blocks: this.byId.map((s) => s.blocks),
      state: this.state.slice(0, names.length * ACC.stride),
      slabs: this.slabs,
    };
  }

  /** Rebuilds a store shared by another thread; no rows are added to it afterwards. */
  static fromShared(shared: SharedStore): SampleStore {
    const store = new SampleStore();
    store.state = shared.state;
    for (const slab of shared.slabs) store.addSlab(slab);
    shared.names.forEach((name, id) => {
      store.newServer(name).blocks.push(...shared.blocks[id]!);
    });
    return store;
  }

  private newServer(name: string): ServerSamples {
    const id = this.byId.length;
    if ((id + 1) * ACC.stride > this.state.length) {
      const bigger = new Float64Array(this.state.length * 2);
      bigger.set(this.state);
      this.state = bigger;
    }
    const s = new ServerSamples(this, id, name);
    this.byId.push(s);
    this.servers.set(name, s);
    return s;
  }

  private newBlock(id: number): number {
    const last = this.f32.length - 1;
    if (last < 0 || this.lastSlabUsed * BLOCK_WORDS === this.f32[last]!.length) {
      const blocks =
        last < 0 ? FIRST_SLAB_BLOCKS : Math.min(MAX_SLAB_BLOCKS, (2 * this.f32[last]!.length) / BLOCK_WORDS);
      this.addSlab(new SharedArrayBuffer(blocks * BLOCK_WORDS * 4));
      this.lastSlabUsed = 0;
    }
    const block = (this.f32.length - 1) * (1 << SLAB_SHIFT) + this.lastSlabUsed++;
    this.state[id * ACC.stride + ACC.block] = block;
    this.byId[id]!.blocks.push(block);
    return block;
  }

  private addSlab(slab: SharedArrayBuffer): void {
    this.slabs.push(slab);
    this.u32.push(new Uint32Array(slab));
    this.f32.push(new Float32Array(slab));
  }
}
