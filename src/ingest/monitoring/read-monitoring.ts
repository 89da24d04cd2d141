// readMonitoring: monitoring files → per-server usage + findings. Each file goes into its own
// SampleStore (so a reader can restart a file with a slower parser without undoing anything),
// then every server is summarised once from its parts across files.
import type { ServerUsage } from '../../domain/types.ts';
import { sortFindings, type Finding } from '../../validate/findings.ts';
import { percentileSet } from './percentile.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore } from './sample-store.ts';
import { summariseServer } from './summarise.ts';
import { readLongCsvGeneral } from './long-csv.ts';
import { readLongCsvFast } from './fast-long-csv.ts';

export interface MonitoringOptions {
  /** Percentiles to compute besides p50, p95, p99 (0–100, e.g. [90]). */
  percentiles: number[];
  /** Statistic of the hour-of-week profile (`avg`, `max`, `p95` …); no profile when absent. */
  profile?: string;
}

export interface MonitoringResult {
  /** One entry per server seen, sorted by server name. */
  servers: ServerUsage[];
  findings: Finding[];
}

export async function readMonitoring(files: string[], opts: MonitoringOptions): Promise<MonitoringResult> {
  const percentiles = percentileSet(opts.percentiles);
  const stores: SampleStore[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    let store = new SampleStore();
    let issues = new RowIssues();
    if (!(await readLongCsvFast(file, store, issues))) {
      store = new SampleStore();
      issues = new RowIssues();
      await readLongCsvGeneral(file, store, issues);
    }
    stores.push(store);
    findings.push(...issues.findings());
  }
  return summariseStores(stores, findings, { percentiles, ...(opts.profile ? { profile: opts.profile } : {}) });
}

/** Summarises every server of `stores`, in name order, and releases the samples as it goes. */
export function summariseStores(stores: SampleStore[], findings: Finding[], opts: { percentiles: number[]; profile?: string }): MonitoringResult {
  const names = [...new Set(stores.flatMap((s) => [...s.servers.keys()]))].sort(byCodePoint);
  const servers: ServerUsage[] = [];
  const all = [...findings];
  for (const name of names) {
    const parts = stores.flatMap((s) => {
      const p = s.servers.get(name);
      return p ? [p] : [];
    });
    const usage = summariseServer(parts, opts);
    for (const s of stores) s.servers.delete(name); // free the samples of this server
    if (usage.duplicateTimestamps) {
      all.push({ severity: 'warning', code: 'duplicate-timestamps', server: name, message: `${usage.duplicateTimestamps} samples repeat an earlier timestamp (overlapping exports?)` });
    }
    servers.push(usage);
  }
  return { servers, findings: sortFindings(all) };
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
