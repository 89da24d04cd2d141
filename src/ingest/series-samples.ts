// A store's demand series seen as samples for the replay (method §14.1): each slot with a
// value becomes one row at the slot's start, its sampling interval the slot width. A slot with
// no value in any metric is no row, so the replay sees a gap where the store has none. Rows
// are packed like capplan's own store (epoch seconds, then metrics as float32, NaN = no
// sample), one buffer per server, but with only the metrics the server has a value of: an
// estate measuring cpu and memory takes 3 words a row, not 6 — 100,000 servers × 168 hourly
// slots are 200 MB, not 400.
import type { ServerSeries } from '../domain/monitoring-source.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { METRIC_NAMES } from '../domain/server.ts';

interface Packed {
  times: Uint32Array;
  values: Float32Array;
  rows: number;
  rowWords: number;
  /** Word of each METRIC_NAMES metric in a row, −1 when the server has none of it. */
  metricWords: number[];
}

/** Packs each server's series as it is handed over, so the unpacked estate is never held whole. */
export class SeriesSamples {
  private readonly servers = new Map<string, Packed>();

  constructor(private readonly slotSeconds: number) {}

  /** A server's series; a second one of the same name (another spelling in the store) is ignored. */
  add(s: ServerSeries): void {
    if (this.servers.has(s.server)) return;
    const columns = METRIC_NAMES.map((m) => s.values[m]);
    const measured = columns.map((c) => c?.some((v) => v !== null) ?? false);
    const slots = s.slotStartsMs.filter((_, i) => columns.some((c, m) => measured[m] && c![i] !== null)).length;
    if (slots === 0) return;
    let words = 1;
    const metricWords = measured.map((has) => (has ? words++ : -1));
    const buffer = new ArrayBuffer(slots * words * 4);
    const times = new Uint32Array(buffer);
    const values = new Float32Array(buffer);
    let row = 0;
    s.slotStartsMs.forEach((startMs, i) => {
      if (!columns.some((c, m) => measured[m] && c![i] !== null)) return;
      const at = row++ * words;
      times[at] = Math.floor(startMs / 1000);
      columns.forEach((c, m) => {
        if (!measured[m]) return;
        const v = c![i];
        values[at + metricWords[m]!] = v === undefined || v === null ? Number.NaN : v;
      });
    });
    this.servers.set(s.server, { times, values, rows: row, rowWords: words, metricWords });
  }

  samples(): MonitoringSamples {
    const { servers, slotSeconds } = this;
    return {
      visit(server, fn) {
        const p = servers.get(server);
        if (!p) return false;
        fn(p.times, p.values, 0, p.rows, p.rowWords, p.metricWords);
        return true;
      },
      span(server) {
        const p = servers.get(server);
        return p && { firstSec: p.times[0]!, lastSec: p.times[(p.rows - 1) * p.rowWords]! };
      },
      intervalSeconds: (server) => (servers.has(server) ? slotSeconds : undefined),
    };
  }
}
