// The SQL the DuckDB source runs (docs/inputs.md, "DuckDB"). Identifiers and file names from
// the project are quoted, never pasted: "col" with " doubled, 'file' with ' doubled.
import { InputError } from '../../domain/errors.ts';
import type { MetricName } from '../../domain/server.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const list = (files: string[]) => `[${files.map(literal).join(', ')}]`;

/**
 * One row per sample: server (text), t (epoch ms, UTC) and m0… (the mapped metrics as DOUBLE),
 * from Parquet (read_parquet) and CSV (read_csv) files or globs, columns matched by name.
 */
export function samplesSql(
  files: string[],
  timestamp: string,
  server: string,
  metrics: [MetricName, string][],
): string {
  const parquet = files.filter((f) => /\.parquet$/i.test(f));
  const csv = files.filter((f) => /\.csv(\.gz)?$/i.test(f));
  const other = files.find((f) => !parquet.includes(f) && !csv.includes(f));
  if (other)
    throw new InputError('the DuckDB source reads .parquet and .csv files (or globs of them)', { file: other });
  const readers = [
    ...(parquet.length ? [`SELECT * FROM read_parquet(${list(parquet)}, union_by_name = true)`] : []),
    ...(csv.length ? [`SELECT * FROM read_csv(${list(csv)}, header = true, union_by_name = true)`] : []),
  ];
  const cols = metrics.map(([, col], i) => `CAST(${ident(col)} AS DOUBLE) AS m${i}`);
  return (
    `SELECT CAST(${ident(server)} AS VARCHAR) AS server, epoch_ms(CAST(${ident(timestamp)} AS TIMESTAMPTZ)) AS t, ` +
    `${cols.join(', ')} FROM (${readers.join(' UNION ALL BY NAME ')})`
  );
}

/**
 * The samples cut at `bounds` (server values, ascending in DuckDB's order): the rows of each
 * range [bound i−1, bound i), the first from the lowest server, the last to the highest and
 * the rows without a server (which sort last, as in one query over all of them).
 */
export function serverRanges(samples: string, bounds: string[]): string[] {
  if (bounds.length === 0) return [samples];
  const ranges = [undefined, ...bounds].map((lo, i) => {
    const hi = bounds[i];
    if (lo === undefined) return `server < ${literal(hi!)}`;
    return hi === undefined
      ? `(server >= ${literal(lo)} OR server IS NULL)`
      : `server >= ${literal(lo)} AND server < ${literal(hi)}`;
  });
  return ranges.map((where) => `SELECT * FROM (${samples}) WHERE ${where}`);
}

/**
 * Per server: first/last time and, per metric i, n_i = count, avg_i, min_i, max_i and q_i_k =
 * quantile_cont at each percentile (linear interpolation between closest ranks, the same
 * definition as capplan's store, docs/method.md §3.1). The mean is an exact sum (DECIMAL, to
 * 10⁻⁹) over the count: DuckDB's avg — and fsum — add a group's values in the order its threads
 * reach them, so two runs on the same files differed in the last digit, and the plans with them.
 */
export function statisticsSql(samples: string, metrics: [MetricName, string][], percentiles: number[]): string {
  const qs = `[${percentiles.map((p) => p / 100).join(', ')}]`;
  const aggs = metrics.map(
    (_, i) =>
      `count(m${i})::DOUBLE AS n${i}, sum(m${i}::DECIMAL(38, 9))::DOUBLE / count(m${i}) AS avg${i}, ` +
      `min(m${i}) AS min${i}, max(m${i}) AS max${i}, ` +
      `quantile_cont(m${i}, ${qs}) AS ql${i}`,
  );
  const picks = metrics.flatMap((_, i) => percentiles.map((_, k) => `ql${i}[${k + 1}] AS q${i}_${k}`));
  return (
    `WITH s AS (${samples}), a AS (SELECT server, min(t)::DOUBLE AS first_ms, max(t)::DOUBLE AS last_ms, ` +
    `${aggs.join(', ')} FROM s GROUP BY server) ` +
    `SELECT * EXCLUDE (${metrics.map((_, i) => `ql${i}`).join(', ')}), ${picks.join(', ')} FROM a ORDER BY server`
  );
}

/**
 * Per server: rows, the median interval between consecutive samples, the longest one,
 * intervals longer than twice the median (gaps) and repeated timestamps — the rules of
 * capplan's store (docs/ingest.md), from lag() over the samples in time order.
 */
export function gapsSql(samples: string): string {
  return (
    `WITH s AS (${samples}), ` +
    'd AS (SELECT server, t - lag(t) OVER (PARTITION BY server ORDER BY t) AS dt FROM s), ' +
    'm AS (SELECT server, count(*) AS rows, quantile_disc(dt, 0.5) FILTER (WHERE dt > 0) AS interval_ms, ' +
    'max(dt) AS longest_ms, count(*) FILTER (WHERE dt = 0) AS duplicates FROM d GROUP BY server) ' +
    'SELECT m.server, m.rows::DOUBLE AS rows, m.interval_ms / 1000.0 AS interval_s, ' +
    'm.longest_ms / 1000.0 AS longest_s, m.duplicates::DOUBLE AS duplicates, ' +
    'count(*) FILTER (WHERE d.dt > 2 * m.interval_ms)::DOUBLE AS gaps FROM m JOIN d USING (server) ' +
    'GROUP BY m.server, m.rows, m.interval_ms, m.longest_ms, m.duplicates ORDER BY m.server'
  );
}

/** Per server and slot (epoch-aligned, `slotMs` wide): the average or maximum of each metric. */
export function seriesSql(
  samples: string,
  metrics: [MetricName, string][],
  slotMs: number,
  statistic: 'avg' | 'max',
): string {
  const values = metrics.map((_, i) => `${statistic}(m${i}) AS v${i}`);
  return (
    `WITH s AS (${samples}) SELECT server, floor(t / ${slotMs})::DOUBLE AS slot, ${values.join(', ')} ` +
    'FROM s GROUP BY server, slot ORDER BY server, slot'
  );
}
