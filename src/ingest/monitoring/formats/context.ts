// What every monitoring format reader receives and reports.
import type { Finding } from '../../../domain/finding.ts';
import type { ColumnsSettings, CsvSettings } from '../../../domain/input-settings.ts';
import type { RowIssues } from '../row-issues.ts';
import type { MonitoredInventory } from '../../monitoring-inventory.ts';
import { METRICS, type SampleStore } from '../sample-store.ts';

export type MonitoringFormat = 'long' | 'wide' | 'perfmon' | 'sadf-d' | 'sadf-j' | 'nmon' | 'bitbrains' | 'vrops';
export const MONITORING_FORMATS: readonly MonitoringFormat[] = [
  'long',
  'wide',
  'perfmon',
  'sadf-d',
  'sadf-j',
  'nmon',
  'bitbrains',
  'vrops',
];

export interface ReadOptions {
  /** Text encoding override (`--encoding`), else BOM/NUL sniffing, UTF-8, Windows-1252. */
  encoding?: string;
  /** UTC offset of local timestamps when the file does not say (minutes east of UTC, +05:30 = 330). */
  utcOffsetMinutes?: number;
  /** Interface name patterns that are not physical NICs (inputs.skipInterfaces). */
  skipInterfaces?: readonly string[];
  /** IANA time zone of local timestamps without offset (`inputs.timezone`); `utcOffsetMinutes` wins over it. */
  timezone?: string;
  /** How delimited text is written, where detection should not decide (`inputs.csv`). */
  csv?: CsvSettings;
  /** capplan monitoring column ← client header (`inputs.columns.monitoring`). */
  columns?: ColumnsSettings['monitoring'];
  /** Installed memory by inventory name, MB (perfmon: used = installed − `Available MBytes`). */
  installedMemoryMb?: Record<string, number>;
}

export interface ReadContext {
  file: string;
  store: SampleStore;
  issues: RowIssues;
  opts: ReadOptions;
  /** What the reader understood, for `capplan ingest` to print (time zone, conversions …). */
  notes: string[];
  /** Findings about the file as a whole (not per row). */
  findings: Finding[];
  /** What the file says about the machines it measured (Bitbrains, nmon), when it says anything. */
  inventory: MonitoredInventory[];
}

/**
 * Combines metric values that arrive separately (sadf tables, nmon sections) into one
 * sample per (server, time), then hands them to the store in time order.
 */
export class SampleMerger {
  private readonly byServer = new Map<string, Series>();
  private lastServer: string | undefined;
  private lastSeries: Series | undefined;

  set(server: string, ms: number, metric: number, value: number, mode: 'set' | 'add' = 'set'): void {
    const row = this.row(server, ms);
    if (Number.isNaN(value)) return;
    row[metric] = mode === 'add' && !Number.isNaN(row[metric]!) ? row[metric]! + value : value;
  }

  /** The values of one sample (NaN = not given yet), created when first asked for. */
  row(server: string, ms: number): Float64Array {
    // Lines of one server come in runs: its series is looked up once per run.
    let series = server === this.lastServer ? this.lastSeries : this.byServer.get(server);
    if (!series) {
      series = { ms: [], rows: [], byMs: null };
      this.byServer.set(server, series);
    }
    this.lastServer = server;
    this.lastSeries = series;
    // Samples in time order (a sadf -dh or nmon file) are appended; the first one out of
    // order (sadf -d: table after table) indexes them by time.
    const n = series.ms.length;
    if (!series.byMs) {
      if (n > 0 && ms === series.ms[n - 1]) return series.rows[n - 1]!;
      if (n > 0 && ms < series.ms[n - 1]!) series.byMs = new Map(series.ms.map((t, i) => [t, series.rows[i]!]));
    }
    let row = series.byMs?.get(ms);
    if (!row) {
      row = new Float64Array(METRICS).fill(Number.NaN);
      series.ms.push(ms);
      series.rows.push(row);
      series.byMs?.set(ms, row);
    }
    return row;
  }

  /** Makes sure a sample exists even if it has no value (counts as a sample time). */
  touch(server: string, ms: number): void {
    this.set(server, ms, 0, Number.NaN);
  }

  flush(store: SampleStore): void {
    for (const [server, series] of [...this.byServer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const s = store.server(server);
      const order = series.ms.map((_, i) => i);
      if (series.byMs) order.sort((a, b) => series.ms[a]! - series.ms[b]!);
      for (const i of order) s.add(series.ms[i]!, series.rows[i]!);
    }
    this.byServer.clear();
    this.lastServer = undefined;
    this.lastSeries = undefined;
  }
}

/** One server's samples: times and values in arrival order, indexed by time once out of order. */
interface Series {
  ms: number[];
  rows: Float64Array[];
  byMs: Map<number, Float64Array> | null;
}

/** Metric index in METRIC_NAMES order. */
export const M = { cpuPct: 0, memoryUsedMb: 1, diskUsedGb: 2, networkMBps: 3, iops: 4, cpuMhz: 5 } as const;

/** 1 MB = 2^20 bytes, as memory_mb in the inventory (RVTools and perfmon "MBytes" are binary too). */
export const BYTES_PER_MB = 1_048_576;
export const KB_PER_MB = 1024;

export function describeOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
