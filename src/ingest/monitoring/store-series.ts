// Series at a slot width from samples in capplan's store: per server and metric, the average
// or the maximum of the samples in each slot. Slots are aligned to the epoch (an hourly slot
// starts on the hour, UTC), as Prometheus aligns query_range steps and DuckDB's time_bucket.
import type { SeriesRequest, ServerSeries } from '../../domain/monitoring-source.ts';
import { METRIC_NAMES } from '../../domain/server.ts';
import { ROW_WORDS, type SampleStore, type ServerSamples } from './sample-store.ts';

export function seriesFromStores(stores: SampleStore[], request: SeriesRequest): ServerSeries[] {
  const slotMs = request.slotSeconds * 1000;
  const out: ServerSeries[] = [];
  for (const server of [...request.servers].sort()) {
    const parts = stores.flatMap((s) => {
      const p = s.servers.get(server);
      return p && p.count > 0 ? [p] : [];
    });
    if (parts.length) out.push(serverSeries(server, parts, slotMs, request));
  }
  return out;
}

function serverSeries(server: string, parts: ServerSamples[], slotMs: number, request: SeriesRequest): ServerSeries {
  const firstSlot = Math.floor(Math.min(...parts.map((p) => p.firstMs)) / slotMs);
  const slots = Math.floor(Math.max(...parts.map((p) => p.lastMs)) / slotMs) - firstSlot + 1;
  const wanted = request.metrics.map((name) => METRIC_NAMES.indexOf(name));
  const acc = wanted.map(() => new Float64Array(slots).fill(request.statistic === 'max' ? -Infinity : 0));
  const counts = wanted.map(() => new Uint32Array(slots));
  for (const part of parts) {
    part.forEachBlock((u32, f32, base, rows) => {
      for (let i = 0; i < rows; i++) {
        const at = base + i * ROW_WORDS;
        const slot = Math.floor((u32[at]! * 1000) / slotMs) - firstSlot;
        wanted.forEach((m, k) => {
          const v = f32[at + 1 + m]!;
          if (Number.isNaN(v)) return;
          counts[k]![slot]!++;
          if (request.statistic === 'max') acc[k]![slot] = Math.max(acc[k]![slot]!, v);
          else acc[k]![slot]! += v;
        });
      }
    });
  }
  const values: ServerSeries['values'] = {};
  request.metrics.forEach((name, k) => {
    const c = counts[k]!;
    const a = acc[k]!;
    values[name] = Array.from(a, (v, s) => (c[s] ? (request.statistic === 'max' ? v : v / c[s]!) : null));
  });
  return { server, slotStartsMs: Array.from({ length: slots }, (_, s) => (firstSlot + s) * slotMs), values };
}
