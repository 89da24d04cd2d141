// `inputs.monitoring` when the samples stay where they live: a Prometheus-compatible HTTP API
// (Prometheus, Thanos, Cortex/Mimir, VictoriaMetrics) or Parquet/CSV files read by DuckDB. The
// store computes the statistics (docs/inputs.md, "Monitoring in a metrics store or a warehouse").
import { z } from 'zod';
import { METRIC_NAMES } from './server.ts';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A Prometheus-style duration (`5m`, `30d`, `1h`) in milliseconds. */
export function durationMs(text: string): number {
  const m = DURATION.exec(text);
  if (!m) throw new RangeError(`not a duration: ${text}`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

const duration = z
  .string()
  .regex(DURATION, 'a duration such as 30s, 5m, 1h, 30d')
  .refine((s) => durationMs(s) > 0, 'must be longer than 0');
const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 with a zone, e.g. 2010-03-22T00:00:00Z.');
const metricMap = z.partialRecord(z.enum(METRIC_NAMES), z.string().min(1));

const prometheusSchema = z
  .strictObject({
    url: z.url().describe('Base URL of the Prometheus HTTP API (the part before /api/v1), e.g. http://127.0.0.1:9090.'),
    window: z
      .strictObject({ from: instant, to: instant })
      .refine((w) => Date.parse(w.from) < Date.parse(w.to), '`from` must be before `to`')
      .optional()
      .describe('The monitoring window [from, to). Either this or `lookback`.'),
    lookback: duration.optional().describe('The window ending now, e.g. 30d. Either this or `window`.'),
    step: duration.default('5m').describe("The samples' interval; statistics are taken over samples this far apart."),
    serverLabel: z.string().min(1).default('instance').describe('Label holding the inventory name of a server.'),
    bearerTokenEnv: z.string().optional().describe('Environment variable holding a bearer token.'),
    headersEnv: z
      .record(z.string(), z.string())
      .default({})
      .describe('HTTP headers from environment variables: header name → variable (e.g. X-Scope-OrgID: MIMIR_TENANT).'),
    metrics: metricMap
      .optional()
      .describe(
        'capplan metric → PromQL giving one series per server (labelled by serverLabel). `$servers` in a query ' +
          'becomes a regex of one batch of label values. Omitted: node_exporter and windows_exporter defaults.',
      ),
    maxSeriesPerQuery: z.int().positive().default(500).describe('Servers per query (the store’s series limit).'),
    maxSamplesPerQuery: z.int().positive().default(20_000_000).describe('Samples one query may touch.'),
    timeoutSeconds: z.number().positive().default(120).describe('Time limit of one HTTP request.'),
    retries: z.int().nonnegative().default(3).describe('Retries of a request that failed for a transient reason.'),
    replaySlot: duration
      .optional()
      .describe(
        'Slot width of the demand series the replay reads (max_over_time per slot, method §14.1). ' +
          'Default: `step`, so the replay sees every sample.',
      ),
  })
  .refine((p) => (p.window ? 1 : 0) + (p.lookback ? 1 : 0) === 1, {
    message: 'give either `window` or `lookback`',
  });
export type PrometheusSettings = z.output<typeof prometheusSchema>;

const duckdbSchema = z.strictObject({
  files: z
    .union([z.string(), z.array(z.string()).min(1)])
    .describe('Parquet or CSV file(s) or globs, relative to capplan.yaml (e.g. exports/*.parquet).'),
  columns: z
    .strictObject({
      timestamp: z.string().min(1).describe('Column holding the sample time (a TIMESTAMP, or text DuckDB casts).'),
      server: z.string().min(1).describe('Column holding the inventory name.'),
      ...Object.fromEntries(METRIC_NAMES.map((m) => [m, z.string().min(1).optional()])),
    })
    .describe('Column of each field: timestamp, server and capplan metric names as keys.'),
  memoryLimit: z.string().default('512MB').describe("DuckDB's memory_limit, e.g. 512MB, 2GB."),
  threads: z.int().positive().optional().describe('DuckDB threads; default: its own (the cores).'),
  replaySlot: duration
    .optional()
    .describe(
      'Slot width of the demand series the replay reads (max per slot, method §14.1). ' +
        "Default: the servers' median sampling interval, so the replay sees every sample.",
    ),
});
export type DuckdbSettings = z.output<typeof duckdbSchema> & { columns: Record<string, string | undefined> };

export const monitoringSourceSchema = z.union([
  z.strictObject({ prometheus: prometheusSchema }),
  z.strictObject({ duckdb: duckdbSchema }),
]);
