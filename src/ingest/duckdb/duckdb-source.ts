// Monitoring in Parquet or CSV files too big for memory, read by DuckDB (@duckdb/node-api):
// the statistics per server are SQL aggregates (count, avg, min, max, quantile_cont, the
// sample interval and gaps from lag()), so capplan receives one row per server. DuckDB runs
// under `memory_limit` and spills to a temporary folder of its own (docs/inputs.md, "DuckDB").
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../domain/errors.ts';
import type {
  MonitoringAnswer,
  MonitoringSource,
  SeriesRequest,
  ServerSeries,
  StatisticsRequest,
} from '../../domain/monitoring-source.ts';
import { durationMs, type DuckdbSettings } from '../../domain/monitoring-source-settings.ts';
import { METRIC_NAMES, type MetricName, type ServerUsage } from '../../domain/server.ts';
import { percentileSet } from '../monitoring/percentile.ts';
import { serverNameMatcher } from '../match-server-names.ts';
import { PushedDownStats } from '../pushed-down-stats.ts';
import { gapsSql, samplesSql, serverRanges, seriesSql, statisticsSql } from './duckdb-sql.ts';

type Row = Record<string, unknown>;
type Run = (sql: string, onRow: (row: Row) => void) => Promise<void>;

/**
 * Servers per batch of the per-server queries. Measured at 30,000 servers × 168 hourly
 * samples × 2 metrics, memory_limit 256MB (peak RSS of the statistics, 100 MB of it Node's):
 * one query over all of them 584 MB, batches of 10,000 520 MB, of 5,000 359 MB, of 2,000
 * 310 MB — exact quantiles are not bounded by memory_limit — and the series 457 MB → 320 MB
 * at 5,000, in about the same time (a scan of the files per batch).
 */
const BATCH_SERVERS = 5_000;

export class DuckdbMonitoringSource implements MonitoringSource {
  readonly label: string;
  private readonly files: string[];
  private readonly metrics: [MetricName, string][];

  constructor(
    private readonly settings: DuckdbSettings,
    dir: string,
    /** Servers per batch of the per-server queries (BATCH_SERVERS; a test cuts a small estate). */
    private readonly batchServers = BATCH_SERVERS,
  ) {
    const given = typeof settings.files === 'string' ? [settings.files] : settings.files;
    this.files = given.map((f) => path.resolve(dir, f));
    this.label = `duckdb ${given.join(', ')}`;
    this.metrics = METRIC_NAMES.flatMap((m) =>
      settings.columns[m] ? [[m, settings.columns[m]!] as [MetricName, string]] : [],
    );
    if (this.metrics.length === 0)
      throw new InputError('columns names no metric column (e.g. cpuPct: cpu)', { file: this.label });
  }

  async statistics(request: StatisticsRequest): Promise<MonitoringAnswer> {
    const percentiles = percentileSet(request.percentiles);
    const stats = new PushedDownStats(serverNameMatcher(request.servers));
    await this.session(async (run) => {
      for (const samples of await this.batches(run)) {
        await run(statisticsSql(samples, this.metrics, percentiles), (row) => {
          const value = String(row.server);
          this.metrics.forEach(([metric], i) => {
            const count = Number(row[`n${i}`]);
            if (!count) return;
            stats.add(value, metric, 0, 'count', count);
            for (const stat of ['avg', 'min', 'max'] as const)
              stats.add(value, metric, 0, stat, Number(row[`${stat}${i}`]));
            stats.add(value, metric, 0, 'first', Number(row.first_ms));
            stats.add(value, metric, 0, 'last', Number(row.last_ms));
            percentiles.forEach((p, k) => {
              stats.percentile(value, metric, p, Number(row[`q${i}_${k}`]));
            });
          });
        });
        await run(gapsSql(samples), (row) => {
          stats.timing(String(row.server), {
            ...(row.interval_s !== null ? { intervalSeconds: Number(row.interval_s) } : {}),
            ...(row.longest_s !== null ? { longestGapSeconds: Number(row.longest_s) } : {}),
            gaps: Number(row.gaps),
            duplicateTimestamps: Number(row.duplicates),
            samples: Number(row.rows),
          });
        });
      }
    });
    return { servers: stats.usage(0, percentiles), findings: stats.findings };
  }

  /**
   * The replay's slot: `replaySlot`, else the servers' median sampling interval (one sample a
   * slot, method §14.1), 300 s when none is known.
   */
  replaySlotSeconds(servers: readonly ServerUsage[]): number {
    if (this.settings.replaySlot) return durationMs(this.settings.replaySlot) / 1000;
    const steps = servers.flatMap((s) => (s.intervalSeconds ? [s.intervalSeconds] : [])).sort((a, b) => a - b);
    return steps.length ? Math.round(steps[(steps.length - 1) >> 1]!) : 300;
  }

  async series(request: SeriesRequest): Promise<ServerSeries[]> {
    const match = serverNameMatcher(request.servers);
    const wantedServers = new Set(request.servers);
    const wanted = this.metrics.filter(([m]) => request.metrics.includes(m));
    const slotMs = request.slotSeconds * 1000;
    // Rows arrive ordered by server and slot: one server's slots are gathered, then packed into
    // arrays over its first to last slot, so no object per slot outlives its server; asked to,
    // each server is handed over then, and none is kept here.
    const out: ServerSeries[] = [];
    const handedOver = new Set<string>();
    let current: { name: string; slots: number[]; values: (number | null)[][] } | null = null;
    const finish = () => {
      if (!current) return;
      const first = current.slots[0]!;
      const length = current.slots[current.slots.length - 1]! - first + 1;
      const slotStartsMs = Array.from({ length }, (_, i) => (first + i) * slotMs);
      const values: ServerSeries['values'] = {};
      wanted.forEach(([m], k) => {
        const column: (number | null)[] = new Array(length).fill(null);
        current!.slots.forEach((slot, j) => {
          column[slot - first] = current!.values[k]![j]!;
        });
        values[m] = column;
      });
      const series = { server: current.name, slotStartsMs, values };
      current = null;
      // Two spellings of one server (case, domain) are one series: the first in the store's order.
      if (!request.onServer) out.push(series);
      else if (!handedOver.has(series.server)) {
        handedOver.add(series.server);
        request.onServer(series);
      }
    };
    await this.session(async (run) => {
      for (const samples of await this.batches(run))
        await run(seriesSql(samples, wanted, slotMs, request.statistic), (row) => {
          const name = match(String(row.server));
          if (!wantedServers.has(name)) return;
          if (current?.name !== name) {
            finish();
            current = { name, slots: [], values: wanted.map(() => []) };
          }
          current!.slots.push(Number(row.slot));
          wanted.forEach((_, i) => {
            current!.values[i]!.push(row[`v${i}`] === null ? null : Number(row[`v${i}`]));
          });
        });
    });
    finish();
    // Two spellings of one server (case, domain) are one series: the first in name order is kept.
    const seen = new Set<string>();
    return out
      .sort((a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0))
      .filter((s) => !seen.has(s.server) && seen.add(s.server));
  }

  private samples(): string {
    return samplesSql(this.files, this.settings.columns.timestamp!, this.settings.columns.server!, this.metrics);
  }

  /**
   * The samples in consecutive ranges of server values, batchServers servers each, in the
   * store's server order: a per-server aggregate (exact quantiles hold every value of a group)
   * then needs DuckDB's memory for one range at a time, not for the estate, and the rows of
   * the ranges one after the other arrive in the order of one query over all of them.
   */
  private async batches(run: Run): Promise<string[]> {
    const samples = this.samples();
    const bounds: string[] = [];
    let n = 0;
    await run(`SELECT DISTINCT server FROM (${samples}) WHERE server IS NOT NULL ORDER BY server`, (row) => {
      if (n > 0 && n % this.batchServers === 0) bounds.push(String(row.server));
      n++;
    });
    return serverRanges(samples, bounds);
  }

  /** A DuckDB instance under memory_limit with its own spill folder, removed afterwards. */
  private async session(work: (run: Run) => Promise<void>): Promise<void> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const spill = await mkdtemp(path.join(tmpdir(), 'capplan-duckdb-'));
    const options: Record<string, string> = {
      memory_limit: this.settings.memoryLimit,
      temp_directory: spill,
    };
    if (this.settings.threads) options.threads = String(this.settings.threads);
    let instance: Awaited<ReturnType<typeof DuckDBInstance.create>> | undefined;
    try {
      instance = await DuckDBInstance.create(':memory:', options).catch((e: Error) => {
        throw new InputError(`cannot start DuckDB: ${e.message}`, { file: this.label });
      });
      const con = await instance.connect();
      await work(async (sql, onRow) => {
        try {
          // Streamed: rows arrive a chunk (2,048 rows) at a time, never all at once.
          const result = await con.stream(sql);
          const names = result.deduplicatedColumnNames();
          for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
            for (const row of chunk.getRowObjects(names)) onRow(row);
        } catch (e) {
          if (e instanceof InputError) throw e;
          throw new InputError(`query failed: ${(e as Error).message.split('\n')[0]}`, { file: this.label });
        }
      });
      con.closeSync();
    } finally {
      instance?.closeSync();
      await rm(spill, { recursive: true, force: true });
    }
  }
}
