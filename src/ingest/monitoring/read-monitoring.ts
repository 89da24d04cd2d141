// readMonitoring: monitoring files → per-server usage + findings. Each file goes into its own
// SampleStore (so a reader can restart a file with a slower parser without undoing anything),
// then every server is summarised once from its parts across files.
import type { ServerUsage } from '../../domain/types.ts';
import { sortFindings, type Finding } from '../../validate/findings.ts';
import { readTextFile } from '../read-text.ts';
import { isoUtc } from '../timestamps.ts';
import { percentileSet } from './percentile.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore } from './sample-store.ts';
import { summariseServer } from './summarise.ts';
import { readLongCsvGeneral } from './long-csv.ts';
import { readLongCsvFast } from './fast-long-csv.ts';
import { detectMonitoringFormat } from './formats/detect.ts';
import type { MonitoringFormat, ReadContext, ReadOptions } from './formats/context.ts';
import { readPerfmon } from './formats/perfmon.ts';
import { readSadfD, readSadfJ } from './formats/sysstat.ts';
import { readNmon } from './formats/nmon.ts';
import { readBitbrains } from './formats/bitbrains.ts';
import { readWideCsv } from './formats/wide-csv.ts';

export interface MonitoringOptions extends ReadOptions {
  /** Percentiles to compute besides p50, p95, p99 (0–100, e.g. [90]). */
  percentiles: number[];
  /** Statistic of the hour-of-week profile (`avg`, `max`, `p95` …); no profile when absent. */
  profile?: string;
  /** Force a format instead of detecting it from the first line. */
  format?: MonitoringFormat;
  /** Called with bytes read of the long CSV (for a progress display). */
  progress?: (file: string, bytesRead: number) => void;
}

/** What was understood from one file (printed by `capplan ingest`). */
export interface MonitoringFileReport {
  file: string;
  format: MonitoringFormat;
  servers: string[];
  samples: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  notes: string[];
}

export interface MonitoringResult {
  /** One entry per server seen, sorted by server name. */
  servers: ServerUsage[];
  findings: Finding[];
  files?: MonitoringFileReport[];
}

export async function readMonitoring(files: string[], opts: MonitoringOptions): Promise<MonitoringResult> {
  const percentiles = percentileSet(opts.percentiles);
  const stores: SampleStore[] = [];
  const findings: Finding[] = [];
  const reports: MonitoringFileReport[] = [];
  for (const file of files) {
    const format = opts.format ?? (await detectMonitoringFormat(file, opts.encoding));
    const ctx: ReadContext = { file, store: new SampleStore(), issues: new RowIssues(), opts, notes: [], findings: [] };
    await readOneFile(format, ctx, opts);
    stores.push(ctx.store);
    findings.push(...ctx.issues.findings(), ...ctx.findings);
    reports.push(fileReport(file, format, ctx));
  }
  const result = summariseStores(stores, findings, { percentiles, ...(opts.profile ? { profile: opts.profile } : {}) });
  return { ...result, files: reports };
}

async function readOneFile(format: MonitoringFormat, ctx: ReadContext, opts: MonitoringOptions): Promise<void> {
  switch (format) {
    case 'long': {
      if (opts.encoding && !/^utf-?8$/i.test(opts.encoding)) {
        const { text } = await readTextFile(ctx.file, opts.encoding);
        return readLongCsvGeneral(ctx.file, ctx.store, ctx.issues, text);
      }
      const progress = opts.progress ? (n: number) => opts.progress!(ctx.file, n) : undefined;
      if (await readLongCsvFast(ctx.file, ctx.store, ctx.issues, progress)) return;
      ctx.store = new SampleStore();
      ctx.issues = new RowIssues();
      ctx.notes.push('irregular CSV: read with the general parser');
      return readLongCsvGeneral(ctx.file, ctx.store, ctx.issues);
    }
    default:
      return READERS[format](ctx);
  }
}

/** The reader of every format but the long CSV (which has a fast path). */
const READERS: Record<Exclude<MonitoringFormat, 'long'>, (ctx: ReadContext) => Promise<void>> = {
  wide: readWideCsv,
  perfmon: readPerfmon,
  'sadf-d': readSadfD,
  'sadf-j': readSadfJ,
  nmon: readNmon,
  bitbrains: readBitbrains,
};

function fileReport(file: string, format: MonitoringFormat, ctx: ReadContext): MonitoringFileReport {
  let first = Infinity;
  let last = -Infinity;
  let samples = 0;
  for (const s of ctx.store.servers.values()) {
    samples += s.count;
    first = Math.min(first, s.firstMs);
    last = Math.max(last, s.lastMs);
  }
  return {
    file,
    format,
    servers: [...ctx.store.servers.keys()].sort(byCodePoint),
    samples,
    firstTimestamp: samples ? isoUtc(first) : null,
    lastTimestamp: samples ? isoUtc(last) : null,
    notes: ctx.notes,
  };
}

/** Summarises every server of `stores`, in name order, and releases the samples as it goes. */
export function summariseStores(stores: SampleStore[], findings: Finding[], opts: { percentiles: number[]; profile?: string }): MonitoringResult {
  const names = [...new Set(stores.flatMap((s) => [...s.servers.keys()]))].sort(byCodePoint);
  const servers: ServerUsage[] = [];
  const all = [...findings];
  for (const name of names) {
    const parts = stores.flatMap((s) => {
      const p = s.servers.get(name);
      return p && p.count > 0 ? [p] : [];
    });
    if (parts.length === 0) continue;
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
