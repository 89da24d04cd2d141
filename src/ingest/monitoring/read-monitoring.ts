// readMonitoring: monitoring files → per-server usage + findings. Each file goes into its own
// SampleStore (so a reader can restart a file with a slower parser without undoing anything),
// then every server is summarised once from its parts across files.
import { availableParallelism } from 'node:os';
import type { ServerUsage } from '../../domain/server.ts';
import type { MonitoredInventory } from '../monitoring-inventory.ts';
import { sortFindings, type Finding } from '../../domain/finding.ts';
import { isoUtc } from '../timestamps.ts';
import { percentileSet } from './percentile.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore } from './sample-store.ts';
import { storeSamples } from './store-samples.ts';
import type { MonitoringSamples } from '../../domain/samples.ts';
import { summariseNames, type SummaryOptions } from './summarise.ts';
import { fastPathFits, readLongCsvGeneral } from './long-csv.ts';
import { readLongCsvSplit, splitSettings } from './long-csv-split.ts';
import { HelperThread } from './helper-thread.ts';
import { detectMonitoringFormat, readHeadDecoded } from './formats/detect.ts';
import type { MonitoringFormat, ReadContext, ReadOptions } from './formats/context.ts';
import { readPerfmon } from './formats/perfmon.ts';
import { readSadfD, readSadfJ } from './formats/sysstat.ts';
import { readNmon } from './formats/nmon.ts';
import { readBitbrains } from './formats/bitbrains.ts';
import { readWideCsv } from './formats/wide-csv.ts';
import { readVrops } from './formats/vrops.ts';

export interface MonitoringOptions extends ReadOptions {
  /** Percentiles to compute besides p50, p95, p99 (0–100, e.g. [90]). */
  percentiles: number[];
  /** Statistic of the hour-of-week profile (`avg`, `max`, `p95` …); no profile when absent. */
  profile?: string;
  /** Force a format instead of detecting it from the first line. */
  format?: MonitoringFormat;
  /** Keep the samples and return them (the replay, method §14). */
  keepSamples?: boolean;
  /** Called with bytes read of the long CSV (for a progress display). */
  progress?: (file: string, bytesRead: number) => void;
}

/** What was understood from one file (printed by `capplan ingest`). */
interface MonitoringFileReport {
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
  /** The samples themselves, when asked to keep them. */
  samples?: MonitoringSamples;
  /** The kept samples of some of the files only (e.g. a newer window). */
  samplesOfFiles?: (files: string[]) => MonitoringSamples;
  /** Inventory the files carry (ingest/monitoring-inventory.ts). */
  inventory?: MonitoredInventory[];
}

export async function readMonitoring(files: string[], opts: MonitoringOptions): Promise<MonitoringResult> {
  const percentiles = percentileSet(opts.percentiles);
  const stores: SampleStore[] = [];
  const storeFile: string[] = [];
  const findings: Finding[] = [];
  const reports: MonitoringFileReport[] = [];
  const inventory: MonitoredInventory[] = [];
  // Started only when a big long CSV is read with a core idle, then also used to summarise (helper-thread.ts).
  const helper = splitSettings.threads !== 1 && availableParallelism() > 1 ? new HelperThread() : undefined;
  try {
    for (const file of files) {
      const { format, ctx } = await openFile(file, opts);
      const fileStores = await readOneFile(format, ctx, opts, helper);
      stores.push(...fileStores);
      for (const _ of fileStores) storeFile.push(file);
      findings.push(...ctx.issues.findings(), ...ctx.findings);
      inventory.push(...ctx.inventory);
      reports.push(fileReport(file, format, fileStores, ctx.notes));
    }
    const summary = {
      percentiles,
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.keepSamples ? { keepSamples: true } : {}),
    };
    const result = helper?.used
      ? await summariseInTwoThreads(stores, findings, summary, helper)
      : summariseStores(stores, findings, summary);
    const samples = opts.keepSamples
      ? {
          samples: storeSamples(stores, result.servers),
          samplesOfFiles: (only: string[]) =>
            storeSamples(
              stores.filter((_, i) => only.includes(storeFile[i]!)),
              result.servers,
            ),
        }
      : {};
    return { ...result, files: reports, inventory, ...samples };
  } finally {
    await helper?.close();
  }
}

/** The stores of one file, in file order (a big long CSV is read in two parts). */
async function readOneFile(
  format: MonitoringFormat,
  ctx: ReadContext,
  opts: MonitoringOptions,
  helper: HelperThread | undefined,
): Promise<SampleStore[]> {
  if (format !== 'long') {
    await READERS[format](ctx);
    return [ctx.store];
  }
  // The fast path reads UTF-8 bytes of capplan's own layout; anything else (another encoding,
  // delimiter, decimal comma, Spanish headers, local timestamps) is read by the general parser.
  const head = await readHeadDecoded(ctx.file, opts.encoding ?? opts.csv?.encoding);
  if (head.encoding !== 'utf-8' || !fastPathFits(head.text, opts)) {
    await readLongCsvGeneral(ctx);
    return [ctx.store];
  }
  const progress = opts.progress ? (n: number) => opts.progress!(ctx.file, n) : undefined;
  const stores = await readLongCsvSplit(ctx.file, ctx.issues, helper, progress);
  if (stores) {
    ctx.notes.push('utf-8, ","-delimited, decimal ".", ISO-8601 timestamps with offsets');
    return stores;
  }
  ctx.issues = new RowIssues();
  ctx.notes.push('irregular CSV: read with the general parser');
  await readLongCsvGeneral(ctx);
  return [ctx.store];
}

/** The reader of every format but the long CSV (which has a fast path). */
const READERS: Record<Exclude<MonitoringFormat, 'long'>, (ctx: ReadContext) => Promise<void>> = {
  wide: readWideCsv,
  perfmon: readPerfmon,
  'sadf-d': readSadfD,
  'sadf-j': readSadfJ,
  nmon: readNmon,
  bitbrains: readBitbrains,
  vrops: readVrops,
};

function fileReport(
  file: string,
  format: MonitoringFormat,
  stores: SampleStore[],
  notes: string[],
): MonitoringFileReport {
  let first = Infinity;
  let last = -Infinity;
  let samples = 0;
  const names = new Set<string>();
  for (const store of stores) {
    for (const s of store.servers.values()) {
      names.add(s.name);
      samples += s.count;
      first = Math.min(first, s.firstMs);
      last = Math.max(last, s.lastMs);
    }
  }
  return {
    file,
    format,
    servers: [...names].sort(byCodePoint),
    samples,
    firstTimestamp: samples ? isoUtc(first) : null,
    lastTimestamp: samples ? isoUtc(last) : null,
    notes,
  };
}

/** Summarises every server of `stores`, in name order, and releases the samples as it goes. */
function summariseStores(stores: SampleStore[], findings: Finding[], opts: SummaryOptions): MonitoringResult {
  return withFindings(summariseNames(stores, serverNames(stores), opts), findings);
}

/**
 * The same result as summariseStores, with the servers after the middle (by samples)
 * summarised by the helper thread meanwhile, reading the same shared slabs.
 */
async function summariseInTwoThreads(
  stores: SampleStore[],
  findings: Finding[],
  opts: SummaryOptions,
  helper: HelperThread,
): Promise<MonitoringResult> {
  const names = serverNames(stores);
  const total = stores.reduce((a, s) => a + s.rows, 0);
  let mine = 0;
  for (let rows = 0; mine < names.length && rows < total / 2; mine++)
    rows += stores.reduce((a, s) => a + (s.servers.get(names[mine]!)?.count ?? 0), 0);
  const pending = helper.summarise(
    stores.map((s) => s.share()),
    names.slice(mine),
    opts,
  );
  const first = summariseNames(stores, names.slice(0, mine), opts);
  return withFindings([...first, ...(await pending)], findings);
}

function serverNames(stores: SampleStore[]): string[] {
  return [...new Set(stores.flatMap((s) => [...s.servers.keys()]))].sort(byCodePoint);
}

function withFindings(servers: ServerUsage[], findings: Finding[]): MonitoringResult {
  const all = [...findings];
  for (const usage of servers) {
    if (usage.duplicateTimestamps) {
      all.push({
        severity: 'warning',
        code: 'duplicate-timestamps',
        server: usage.server,
        message: `${usage.duplicateTimestamps} samples repeat an earlier timestamp (overlapping exports?)`,
        params: { samples: usage.duplicateTimestamps },
      });
    }
  }
  return { servers, findings: sortFindings(all) };
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The samples of `files` as read, not summarised: one store or more per file, in file order (for series). */
export async function readMonitoringStores(files: string[], opts: MonitoringOptions): Promise<SampleStore[]> {
  const stores: SampleStore[] = [];
  for (const file of files) {
    const { format, ctx } = await openFile(file, opts);
    stores.push(...(await readOneFile(format, ctx, opts, undefined)));
  }
  return stores;
}

/** A file's format (as given, or detected) and a fresh context to read it into. */
async function openFile(
  file: string,
  opts: MonitoringOptions,
): Promise<{ format: MonitoringFormat; ctx: ReadContext }> {
  const format = opts.format ?? (await detectMonitoringFormat(file, opts.encoding ?? opts.csv?.encoding, opts.columns));
  const ctx: ReadContext = {
    file,
    store: new SampleStore(),
    issues: new RowIssues(),
    opts,
    notes: [],
    findings: [],
    inventory: [],
  };
  return { format, ctx };
}
