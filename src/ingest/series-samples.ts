// A store's demand series seen as samples for the replay (method §14.1): each slot with a
// value becomes one row at the slot's start, its sampling interval the slot width. A slot with
// no value in any metric is no row, so the replay sees a gap where the store has none. Rows
// are packed like capplan's own store (epoch seconds, then METRIC_NAMES as float32, NaN = not
// measured), one buffer per server, so 100,000 servers × 168 hourly slots stay a few hundred MB.
import type { ServerSeries } from '../domain/monitoring-source.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { METRIC_NAMES } from '../domain/server.ts';

const ROW_WORDS = 1 + METRIC_NAMES.length;

interface Packed {
  times: Uint32Array;
  values: Float32Array;
  rows: number;
}

/**
 * Consumes `series` (it is empty afterwards): each server's slot arrays are released as soon as
 * they are packed, so the unpacked and the packed form of the estate are never held together.
 */
export function samplesFromSeries(series: ServerSeries[], slotSeconds: number): MonitoringSamples {
  const servers = new Map<string, Packed>();
  for (let s = series.pop(); s !== undefined; s = series.pop()) {
    const columns = METRIC_NAMES.map((m) => s.values[m]);
    const slots = s.slotStartsMs.filter((_, i) => columns.some((c) => c !== undefined && c[i] !== null));
    if (slots.length === 0) continue;
    const buffer = new ArrayBuffer(slots.length * ROW_WORDS * 4);
    const times = new Uint32Array(buffer);
    const values = new Float32Array(buffer);
    let row = 0;
    s.slotStartsMs.forEach((startMs, i) => {
      if (!columns.some((c) => c !== undefined && c[i] !== null)) return;
      const at = row++ * ROW_WORDS;
      times[at] = Math.floor(startMs / 1000);
      columns.forEach((c, m) => {
        const v = c?.[i];
        values[at + 1 + m] = v === undefined || v === null ? Number.NaN : v;
      });
    });
    servers.set(s.server, { times, values, rows: row });
  }
  return {
    visit(server, fn) {
      const p = servers.get(server);
      if (!p) return false;
      fn(p.times, p.values, 0, p.rows, ROW_WORDS);
      return true;
    },
    span(server) {
      const p = servers.get(server);
      return p && { firstSec: p.times[0]!, lastSec: p.times[(p.rows - 1) * ROW_WORDS]! };
    },
    intervalSeconds: (server) => (servers.has(server) ? slotSeconds : undefined),
  };
}
