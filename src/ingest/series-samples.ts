// A store's demand series seen as samples for the replay (method §14.1): each slot with a
// value becomes one row at the slot's start, its sampling interval the slot width. A slot with
// no value in any metric is no row, so the replay sees a gap where the store has none. Rows
// are packed like capplan's own store (epoch seconds, then metrics as float32, NaN = no
// sample), servers one after another in shared slabs, but with only the metrics the server
// has a value of: an estate measuring cpu and memory takes 3 words a row, not 6 — 100,000
// servers × 168 hourly slots are 200 MB, not 400.
import type { ServerSeries } from '../domain/monitoring-source.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { METRIC_NAMES } from '../domain/server.ts';

/**
 * Words of one slab. Servers' rows are packed one after another into shared slabs rather than a
 * buffer each: an ArrayBuffer with its two views and its backing store costs some 400 bytes
 * beside its data (40 MB at 100,000 servers), and each is freed only by a full collection.
 * 1 M words (4 MiB): 100,000 servers × 168 slots × 3 words fill 49 of them.
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
  /** One metric-words array per layout: an estate measuring the same metrics shares one. */
  private readonly layouts = new Map<string, number[]>();
  private used = SLAB_WORDS;

  constructor(private readonly slotSeconds: number) {}

  /** A server's series; a second one of the same name (another spelling in the store) is ignored. */
  add(s: ServerSeries): void {
    if (this.index.has(s.server)) return;
    const columns = METRIC_NAMES.map((m) => s.values[m]);
    const measured = columns.map((c) => c?.some((v) => v !== null) ?? false);
    const slots = s.slotStartsMs.filter((_, i) => columns.some((c, m) => measured[m] && c![i] !== null)).length;
    if (slots === 0) return;
    let words = 1;
    const layout = measured.map((has) => (has ? words++ : -1));
    const key = layout.join(',');
    const metricWords = this.layouts.get(key) ?? layout;
    this.layouts.set(key, metricWords);
    const { times, values, base, slab } = this.room(slots * words);
    let row = 0;
    s.slotStartsMs.forEach((startMs, i) => {
      if (!columns.some((c, m) => measured[m] && c![i] !== null)) return;
      const at = base + row++ * words;
      times[at] = Math.floor(startMs / 1000);
      columns.forEach((c, m) => {
        if (!measured[m]) return;
        const v = c![i];
        values[at + metricWords[m]!] = v === undefined || v === null ? Number.NaN : v;
      });
    });
    this.index.set(s.server, this.slabOf.length);
    this.slabOf.push(slab);
    this.baseOf.push(base);
    this.rowsOf.push(row);
    this.wordsOf.push(words);
    this.metricWordsOf.push(metricWords);
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
    const { index, slabs, slabOf, baseOf, rowsOf, wordsOf, metricWordsOf, slotSeconds } = this;
    return {
      visit(server, fn) {
        const i = index.get(server);
        if (i === undefined) return false;
        const slab = slabs[slabOf[i]!]!;
        fn(slab.times, slab.values, baseOf[i]!, rowsOf[i]!, wordsOf[i]!, metricWordsOf[i]!);
        return true;
      },
      span(server) {
        const i = index.get(server);
        if (i === undefined) return undefined;
        const times = slabs[slabOf[i]!]!.times;
        return { firstSec: times[baseOf[i]!]!, lastSec: times[baseOf[i]! + (rowsOf[i]! - 1) * wordsOf[i]!]! };
      },
      intervalSeconds: (server) => (index.has(server) ? slotSeconds : undefined),
    };
  }
}
