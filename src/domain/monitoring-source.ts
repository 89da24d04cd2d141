// Where monitoring samples live, as the pipeline sees it: a source answers, per server and
// metric, the statistics sizing and the data-quality verdict need (count, avg, min, max, the
// requested percentiles, first/last time, gaps) and, when asked, a series at a slot width
// for replay and time-aware placement. Files read into capplan's own store, a Prometheus HTTP
// API and DuckDB over Parquet are the implementations (docs/inputs.md); none of the callers
// knows which one it talks to.
import type { Finding } from './finding.ts';
import type { MetricName, ServerUsage } from './server.ts';
import type { MonitoringSamples } from './samples.ts';

export interface StatisticsRequest {
  /** Percentiles (0–100) besides p50, p95 and p99. */
  percentiles: number[];
  /** Inventory names: a source that maps its own server labels matches them to these. */
  servers: string[];
  /** Keep the samples themselves for the replay (method §14); only a file source can. */
  keepSamples?: boolean;
  /**
   * Installed memory of inventory servers, MB, by inventory name: a source that measures free
   * memory (perfmon `Available MBytes`) gives used = installed − available.
   */
  installedMemoryMb?: Record<string, number>;
}

export interface SeriesRequest {
  servers: string[];
  metrics: MetricName[];
  /** Slot width, seconds (3600 = hourly). */
  slotSeconds: number;
  /** Statistic of the samples inside a slot. */
  statistic: 'avg' | 'max';
  /**
   * Each server's series handed over as soon as the source has it whole, instead of returned
   * (the answer is then empty), so a store's 100,000 servers are never held unpacked at once.
   */
  onServer?: (series: ServerSeries) => void;
}

/** One server's series: slot start times (ms, ascending) and per metric one value per slot (null = no sample). */
export interface ServerSeries {
  server: string;
  slotStartsMs: number[];
  values: Partial<Record<MetricName, (number | null)[]>>;
}

/** A source's series as the request asks: returned, or handed over one by one and none returned. */
export function handOver(series: ServerSeries[], request: SeriesRequest): ServerSeries[] {
  if (!request.onServer) return series;
  for (const s of series) request.onServer(s);
  return [];
}

export interface MonitoringAnswer {
  /** One entry per server with samples, sorted by name. */
  servers: ServerUsage[];
  findings: Finding[];
  /** The samples, when asked to keep them and the source holds them (files read into capplan's store). */
  samples?: MonitoringSamples;
  /** The kept samples of some of the files only (e.g. a newer window). */
  samplesOfFiles?: (files: string[]) => MonitoringSamples;
}

export interface MonitoringSource {
  /** How messages name the source, e.g. `prometheus http://127.0.0.1:9090`. */
  readonly label: string;
  statistics(request: StatisticsRequest): Promise<MonitoringAnswer>;
  series(request: SeriesRequest): Promise<ServerSeries[]>;
  /**
   * A store that keeps no samples for capplan: the slot width (seconds) of the demand series
   * the replay reads instead (method §14.1), given the statistics it answered. Absent: the
   * source's answer carries the samples themselves (files).
   */
  replaySlotSeconds?(servers: readonly ServerUsage[]): number;
}
