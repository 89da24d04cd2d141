// Monitoring in a Prometheus-compatible store (Prometheus, Thanos, Cortex/Mimir,
// VictoriaMetrics): the store computes count, avg, min, max, percentiles and first/last time
// per server (promql.ts); capplan receives a few numbers per server and metric. Requests are
// split by label sets (batches of `maxSeriesPerQuery` servers through `$servers`) and, for the
// statistics that add up, by time, so no query touches more than `maxSamplesPerQuery` samples.
// Gaps come from an hourly count of samples (docs/method.md §9.1).
import {
  handOver,
  type MonitoringAnswer,
  type MonitoringSource,
  type SeriesRequest,
  type ServerSeries,
  type StatisticsRequest,
} from '../../domain/monitoring-source.ts';
import type { Finding } from '../../domain/finding.ts';
import { durationMs, type PrometheusSettings } from '../../domain/monitoring-source-settings.ts';
import type { MetricName } from '../../domain/server.ts';
import { percentileSet } from '../monitoring/percentile.ts';
import { serverNameMatcher } from '../match-server-names.ts';
import { PrometheusHttp, type PromSeries } from './prometheus-http.ts';
import { exporterMetrics, SERVERS, statisticQuery, withServers, type PromStatistic } from './promql.ts';
import { PushedDownStats } from '../pushed-down-stats.ts';
import { getOrAdd } from '../../util/get-or-add.ts';

const HOUR_MS = 3_600_000;
/** Points Prometheus returns per series of a range query at most. */
const MAX_RANGE_POINTS = 11_000;
const CONCURRENCY = 2;

interface Window {
  fromMs: number;
  toMs: number;
}

type Task = () => Promise<void>;

export class PrometheusMonitoringSource implements MonitoringSource {
  readonly label: string;
  readonly http: PrometheusHttp;
  private readonly stepMs: number;
  private readonly metrics: Partial<Record<MetricName, string>>;

  constructor(
    private readonly settings: PrometheusSettings,
    private readonly progress: (message: string) => void = () => {},
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.http = new PrometheusHttp(settings, env);
    this.label = this.http.label;
    this.stepMs = durationMs(settings.step);
    this.metrics = settings.metrics ?? exporterMetrics(settings.serverLabel, `${(2 * this.stepMs) / 1000}s`);
  }

  async statistics(request: StatisticsRequest): Promise<MonitoringAnswer> {
    const window = this.window();
    const match = serverNameMatcher(request.servers);
    const batches = await this.batches(window, request.servers, match);
    const stats = new PushedDownStats(match);
    const stepsInWindow = Math.ceil((window.toMs - window.fromMs) / this.stepMs);
    const percentiles = percentileSet(request.percentiles);
    const tasks: Task[] = [];
    for (const [metric, expr] of Object.entries(this.metrics) as [MetricName, string][]) {
      for (const batch of batches) {
        const q = batch ? withServers(expr, batch) : expr;
        const series = batch ? batch.length : Math.max(1, request.servers.length);
        const chunks = this.timeChunks(window, Math.max(1, Math.floor(this.settings.maxSamplesPerQuery / series)));
        for (const stat of ['count', 'avg', 'min', 'max', 'first', 'last'] as const)
          chunks.forEach((chunk, c) => {
            tasks.push(() => this.statistic(stats, metric, q, stat, chunk, c));
          });
        for (const p of percentiles)
          tasks.push(() => this.statistic(stats, metric, q, { quantile: p / 100 }, window, p));
        if (metric === Object.keys(this.metrics)[0]) tasks.push(() => this.hourlyCounts(stats, q, window));
      }
    }
    await this.run(tasks);
    const findings: Finding[] = [...stats.findings];
    if (stepsInWindow > this.settings.maxSamplesPerQuery)
      findings.push({
        severity: 'info',
        code: 'percentile-whole-window',
        message: `${this.label}: percentiles read ${stepsInWindow} samples a series in one query (they do not add up)`,
        params: { source: this.label, samples: stepsInWindow },
      });
    return { servers: stats.usage(this.stepMs, percentiles), findings };
  }

  /** The replay's slot: `replaySlot`, else the step (one sample a slot, method §14.1). */
  replaySlotSeconds(): number {
    return durationMs(this.settings.replaySlot ?? this.settings.step) / 1000;
  }

  async series(request: SeriesRequest): Promise<ServerSeries[]> {
    const window = this.window();
    const match = serverNameMatcher(request.servers);
    const slotMs = request.slotSeconds * 1000;
    const wantedServers = new Set(request.servers);
    const batches = await this.batches(window, request.servers, match);
    const out = new Map<string, ServerSeries>();
    const firstSlot = Math.floor(window.fromMs / slotMs);
    const lastSlot = Math.floor((window.toMs - 1) / slotMs);
    const slotStartsMs = Array.from({ length: lastSlot - firstSlot + 1 }, (_, i) => (firstSlot + i) * slotMs);
    const tasks: Task[] = [];
    for (const metric of request.metrics) {
      const expr = this.metrics[metric];
      if (!expr) continue;
      for (const batch of batches) {
        const q = statisticQuery(batch ? withServers(expr, batch) : expr, request.statistic, slotMs, this.stepMs);
        // Split by time as well: at most MAX_RANGE_POINTS points a series, and no query touching
        // more than maxSamplesPerQuery samples (series × slots × steps a slot).
        const samplesPerSlot =
          Math.max(1, batch ? batch.length : request.servers.length) * Math.ceil(slotMs / this.stepMs);
        const perQuery = Math.max(
          1,
          Math.min(MAX_RANGE_POINTS, Math.floor(this.settings.maxSamplesPerQuery / samplesPerSlot)),
        );
        for (let s = firstSlot; s <= lastSlot; s += perQuery) {
          const end = Math.min(lastSlot, s + perQuery - 1);
          tasks.push(async () => {
            // A point at a slot's end − 1 ms covers exactly [slot start, slot end).
            const answer = await this.http.queryRange(
              q,
              ((s + 1) * slotMs - 1) / 1000,
              ((end + 1) * slotMs - 1) / 1000,
              slotMs / 1000,
            );
            for (const series of answer) {
              const name = match(this.serverOf(series));
              if (!wantedServers.has(name)) continue;
              const entry = getOrAdd(out, name, (): ServerSeries => ({ server: name, slotStartsMs, values: {} }));
              const values = entry.values[metric] ?? slotStartsMs.map(() => null);
              entry.values[metric] = values;
              for (const [t, v] of series.points) values[Math.round((t * 1000 + 1) / slotMs) - 1 - firstSlot] = v;
            }
          });
        }
      }
    }
    await this.run(tasks);
    return handOver(
      [...out.values()].sort((a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0)),
      request,
    );
  }

  /** [from, to) of the settings: the window given, or the lookback ending at the last whole step. */
  private window(): Window {
    const w = this.settings.window;
    if (w) return { fromMs: Date.parse(w.from), toMs: Date.parse(w.to) };
    const toMs = Math.floor(Date.now() / this.stepMs) * this.stepMs;
    return { fromMs: toMs - durationMs(this.settings.lookback!), toMs };
  }

  /**
   * Label-value batches of the inventory's servers (only when an expression has `$servers`), or
   * one `null` batch: every expression as written, one query for all servers.
   */
  private async batches(
    window: Window,
    inventory: string[],
    match: (v: string) => string,
  ): Promise<(string[] | null)[]> {
    if (!Object.values(this.metrics).some((e) => e.includes(SERVERS))) return [null];
    const known = new Set(inventory);
    const values = await this.http.labelValues(this.settings.serverLabel, window.fromMs / 1000, window.toMs / 1000);
    const wanted = values.filter((v) => known.has(match(v))).sort();
    const steps = Math.ceil((window.toMs - window.fromMs) / this.stepMs);
    const size = Math.max(
      1,
      Math.min(this.settings.maxSeriesPerQuery, Math.floor(this.settings.maxSamplesPerQuery / steps)),
    );
    const out: string[][] = [];
    for (let i = 0; i < wanted.length; i += size) out.push(wanted.slice(i, i + size));
    return out;
  }

  /** The window cut into pieces of at most `maxSteps` steps (statistics that add up over time). */
  private timeChunks(window: Window, maxSteps: number): Window[] {
    const span = maxSteps * this.stepMs;
    const out: Window[] = [];
    for (let from = window.fromMs; from < window.toMs; from += span)
      out.push({ fromMs: from, toMs: Math.min(window.toMs, from + span) });
    return out;
  }

  private async statistic(
    stats: PushedDownStats,
    metric: MetricName,
    expr: string,
    stat: PromStatistic,
    chunk: Window,
    /** The time chunk's index, or the percentile (0–100) of a quantile. */
    at: number,
  ): Promise<void> {
    const q = statisticQuery(expr, stat, chunk.toMs - chunk.fromMs, this.stepMs);
    // Evaluated 1 ms before the end, the subquery's steps are exactly those in [from, to).
    for (const s of await this.http.query(q, (chunk.toMs - 1) / 1000)) {
      const v = s.points[0]![1];
      if (typeof stat === 'object') stats.percentile(this.serverOf(s), metric, at, v);
      else if (stat === 'first' || stat === 'last') stats.add(this.serverOf(s), metric, at, stat, v * 1000);
      else stats.add(this.serverOf(s), metric, at, stat, v);
    }
  }

  /** Samples per hour of the first metric: empty hours between samples are gaps. */
  private async hourlyCounts(stats: PushedDownStats, expr: string, window: Window): Promise<void> {
    const hours = Math.ceil((window.toMs - window.fromMs) / HOUR_MS);
    const slotMs = HOUR_MS * Math.ceil(hours / MAX_RANGE_POINTS);
    const q = statisticQuery(expr, 'count', slotMs, this.stepMs);
    const answer = await this.http.queryRange(
      q,
      (window.fromMs + slotMs - 1) / 1000,
      (window.toMs - 1) / 1000,
      slotMs / 1000,
    );
    for (const s of answer) {
      const counts = new Map(s.points.map(([t, v]) => [Math.round(t * 1000 + 1) - slotMs, v]));
      const slots: number[] = [];
      for (let t = window.fromMs; t < window.toMs; t += slotMs) slots.push(counts.get(t) ?? 0);
      stats.slotCounts(this.serverOf(s), slots, slotMs);
    }
  }

  private serverOf(s: PromSeries): string {
    return s.labels[this.settings.serverLabel] ?? '';
  }

  /** Runs the tasks CONCURRENCY at a time, with a progress line. */
  private async run(tasks: Task[]): Promise<void> {
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < tasks.length) {
        await tasks[next++]!();
        this.progress(
          `${this.label}: ${++done}/${tasks.length} queries, ${(this.http.stats.bytes / 1e6).toFixed(1)} MB`,
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }
}
