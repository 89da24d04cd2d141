// The samples of a read kept for the replay (method §14): the stores of every file, seen as one
// MonitoringSamples. A server's parts are visited in file order; nothing is copied.
import type { MonitoringSamples, SampleBlockVisitor } from '../../domain/samples.ts';
import { METRIC_NAMES, type ServerUsage } from '../../domain/server.ts';
import { ROW_WORDS, type SampleStore } from './sample-store.ts';

/** Every metric in every row, in METRIC_NAMES order after the time. */
const METRIC_WORDS: readonly number[] = METRIC_NAMES.map((_, m) => 1 + m);

export function storeSamples(stores: SampleStore[], usage: readonly ServerUsage[]): MonitoringSamples {
  const interval = new Map(usage.map((u) => [u.server, u.intervalSeconds]));
  const parts = (server: string) => stores.flatMap((s) => s.servers.get(server) ?? []).filter((p) => p.count > 0);
  return {
    visit(server: string, fn: SampleBlockVisitor): boolean {
      const mine = parts(server);
      for (const p of mine)
        p.forEachBlock((u32, f32, base, rows) => fn(u32, f32, base, rows, ROW_WORDS, METRIC_WORDS, base, ROW_WORDS));
      return mine.length > 0;
    },
    span(server: string) {
      const mine = parts(server);
      if (mine.length === 0) return undefined;
      return {
        firstSec: Math.floor(Math.min(...mine.map((p) => p.firstMs)) / 1000),
        lastSec: Math.floor(Math.max(...mine.map((p) => p.lastMs)) / 1000),
      };
    },
    intervalSeconds: (server: string) => interval.get(server),
  };
}
