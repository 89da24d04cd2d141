// A store's demand series seen as samples for the replay (method §14.1): each slot with a
// value becomes one row at the slot's start, its sampling interval the slot width. A slot with
// no value in any metric is no row, so the replay sees a gap where the store has none. Rows
// are packed as float32 metrics (NaN = no sample), servers one after another in shared slabs,
// with only the metrics the server has a value of, and the row times apart: an estate
// measuring cpu and memory takes 2 words a row, not 7 — 100,000 servers × 168 hourly slots
// are 134 MB, not 470 — and the servers sampled on the same slots share one run of times.
import type { ServerSeries } from '../domain/monitoring-source.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { METRIC_NAMES } from '../domain/server.ts';

/**
 * Words of one slab. Servers' rows are packed one after another into shared slabs rather than a
 * buffer each: an ArrayBuffer with its two views and its backing store costs some 400 bytes
 * beside its data (40 MB at 100,000 servers), and each is freed only by a full collection.
 * 1 M words (4 MiB): 100,000 servers × 168 slots × 2 metrics fill 33 of them.
 */
const SLAB_WORDS = 1 << 20;

interface Slab {
  times: Uint32Array;
  values: Float32Array;
}

/** Packs each server's series as it is handed over, so the unpacked estate is never held whole. */
export class SeriesSamples {
  /** Index of each server's figures below. */
  private readonly index = new Map<string, number>();
  private readonly slabs: Slab[] = [];
  /** Per server: its slab, first word, rows, words a row and (shared) metric words. */
  private readonly slabOf: number[] = [];
  private readonly baseOf: number[] = [];
  private readonly rowsOf: number[] = [];
  private readonly wordsOf: number[] = [];
  private readonly metricWordsOf: number[][] = [];
  /** Per server: where its row times are (a shared grid of slot times, or its own in its slab). */
  private readonly timesOf: Uint32Array[] = [];
  private readonly timeBaseOf: number[] = [];
  /** One metric-words array per layout: an estate measuring the same metrics shares one. */
  private readonly layouts = new Map<string, number[]>();
  /**
   * Slot times from a first slot on, by that first slot's epoch seconds: every server with a
   * value in each of its slots reads its times from one of these (a third of the words of an
   * estate measuring cpu and memory, 65 MB at 100,000 servers × 168 slots).
   */
  private readonly grids = new Map<number, Uint32Array>();
  private used = SLAB_WORDS;

  constructor(private readonly slotSeconds: number) {}

  /** A server's series; a second one of the same name (another spelling in the store) is ignored. */
  add(s: ServerSeries): void {
    if (this.index.has(s.server)) return;
    const columns = METRIC_NAMES.map((m) => s.values[m]);
    const measured = columns.map((c) => c?.some((v) => v !== null) ?? false);
    const kept = s.slotStartsMs.flatMap((_, i) => (columns.some((c, m) => measured[m] && c![i] !== null) ? [i] : []));
    if (kept.length === 0) return;
    let words = 0;
    const layout = measured.map((has) => (has ? words++ : -1));
    const key = layout.join(',');
    const metricWords = this.layouts.get(key) ?? layout;
    this.layouts.set(key, metricWords);
    const seconds = kept.map((i) => Math.floor(s.slotStartsMs[i]! / 1000));
    const grid = this.grid(seconds);
    const { times, values, base, slab } = this.room(kept.length * words + (grid ? 0 : kept.length));
    kept.forEach((i, row) => {
      const at = base + row * words;
      columns.forEach((c, m) => {
        if (!measured[m]) return;
        const v = c![i];
        values[at + metricWords[m]!] = v === undefined || v === null ? Number.NaN : v;
      });
    });
    const timeBase = grid ? 0 : base + kept.length * words;
    if (!grid) times.set(seconds, timeBase);
    this.index.set(s.server, this.slabOf.length);
    this.slabOf.push(slab);
    this.baseOf.push(base);
    this.rowsOf.push(kept.length);
    this.wordsOf.push(words);
    this.metricWordsOf.push(metricWords);
    this.timesOf.push(grid ?? times);
    this.timeBaseOf.push(timeBase);
  }

  /** The shared run of slot times that starts as `seconds` and goes on slot by slot; null when they skip a slot. */
  private grid(seconds: number[]): Uint32Array | null {
    const first = seconds[0]!;
    if (seconds.some((t, i) => t !== first + i * this.slotSeconds)) return null;
    const known = this.grids.get(first);
    if (known && known.length >= seconds.length) return known;
    const grid = Uint32Array.from(seconds);
    this.grids.set(first, grid);
    return grid;
  }

  /** `words` free words in the current slab, or a new slab (one of its own when larger than a slab). */
  private room(words: number): Slab & { base: number; slab: number } {
    if (this.used + words > SLAB_WORDS) {
      const buffer = new ArrayBuffer(Math.max(words, SLAB_WORDS) * 4);
      this.slabs.push({ times: new Uint32Array(buffer), values: new Float32Array(buffer) });
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    const base = this.used;
    this.used += words;
    return { ...this.slabs[slab]!, base, slab };
  }

  samples(): MonitoringSamples {
    const { index, slabs, slabOf, baseOf, rowsOf, wordsOf, metricWordsOf, timesOf, timeBaseOf, slotSeconds } = this;
    return {
      visit(server, fn) {
        const i = index.get(server);
        if (i === undefined) return false;
        const values = slabs[slabOf[i]!]!.values;
        fn(timesOf[i]!, values, baseOf[i]!, rowsOf[i]!, wordsOf[i]!, metricWordsOf[i]!, timeBaseOf[i]!, 1);
        return true;
      },
      span(server) {
        const i = index.get(server);
        if (i === undefined) return undefined;
        const times = timesOf[i]!;
        return { firstSec: times[timeBaseOf[i]!]!, lastSec: times[timeBaseOf[i]! + rowsOf[i]! - 1]! };
      },
      intervalSeconds: (server) => (index.has(server) ? slotSeconds : undefined),
    };
  }
}
