// monitoring.csv, long format (docs/inputs.md): timestamp,server,cpu_pct,memory_used_mb,
// disk_used_gb,network_mb_per_s,iops — one row per sample per server. This is the general
// reader (csv-parse, streaming, any quoting); fast-long-csv.ts handles the plain layout faster.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../../domain/errors.ts';
import { METRICS, type SampleStore } from './sample-store.ts';
import type { RowIssues } from './row-issues.ts';
import { parseIsoTimestamp } from '../timestamps.ts';

/** Header names of the long format, in METRIC_NAMES order after timestamp and server. */
export const LONG_METRIC_COLUMNS = ['cpu_pct', 'memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'] as const;

export interface LongLayout {
  timestamp: number;
  server: number;
  /** Column index of each metric (METRIC_NAMES order), -1 when the file lacks it. */
  metrics: number[];
  width: number;
  header: string[];
}

export function isLongHeader(header: string[]): boolean {
  const h = header.map((c) => c.trim().toLowerCase());
  return h.includes('server') && LONG_METRIC_COLUMNS.some((c) => h.includes(c));
}

export function longLayout(header: string[], file: string): LongLayout {
  const h = header.map((c) =>
    c
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase(),
  );
  const need = (name: string) => {
    const i = h.indexOf(name);
    if (i < 0)
      throw new InputError(
        `long monitoring CSV: missing column "${name}" (expected timestamp,server,${LONG_METRIC_COLUMNS.join(',')})`,
        { file, row: 1 },
      );
    return i;
  };
  const metrics = LONG_METRIC_COLUMNS.map((c) => h.indexOf(c));
  if (metrics.every((i) => i < 0))
    throw new InputError(`long monitoring CSV: no metric column (expected any of ${LONG_METRIC_COLUMNS.join(', ')})`, {
      file,
      row: 1,
    });
  return {
    timestamp: need('timestamp'),
    server: need('server'),
    metrics,
    width: h.length,
    header: header.map((c) => c.trim()),
  };
}

/** Reads a long CSV with csv-parse into `store`; errors are located InputErrors. */
export async function readLongCsvGeneral(
  file: string,
  store: SampleStore,
  issues: RowIssues,
  text?: string,
): Promise<void> {
  const source = text !== undefined ? Readable.from([text]) : createReadStream(file);
  const parser = source.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  let layout: LongLayout | undefined;
  const values = new Float64Array(METRICS);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!layout) {
        layout = longLayout(record, file);
        continue;
      }
      addLongRecord(record, info.lines, layout, file, store, issues, values);
    }
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}`, {
        file,
        row: (err as CsvError & { lines?: number }).lines,
      });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR')
      throw new InputError(`cannot read file: ${(err as NodeJS.ErrnoException).code}`, { file });
    throw err;
  }
  if (!layout) throw new InputError('empty file: expected a header line', { file, row: 1 });
}

export function addLongRecord(
  record: string[],
  row: number,
  layout: LongLayout,
  file: string,
  store: SampleStore,
  issues: RowIssues,
  values: Float64Array,
): void {
  const tsText = record[layout.timestamp] ?? '';
  const ms = parseIsoTimestamp(tsText);
  if (ms === null)
    throw new InputError(
      `expected an ISO-8601 timestamp with offset or Z (e.g. 2010-03-22T00:00:00Z), got ${JSON.stringify(tsText)}`,
      { file, row, column: 'timestamp' },
    );
  const server = (record[layout.server] ?? '').trim();
  if (server === '') throw new InputError('server name is empty', { file, row, column: 'server' });
  for (let m = 0; m < METRICS; m++) {
    const col = layout.metrics[m]!;
    values[m] =
      col < 0
        ? Number.NaN
        : metricValue(record[col] ?? '', m, { file, row, column: layout.header[col]! }, server, issues);
  }
  store.server(server).add(ms, values);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One metric cell: empty = not measured (NaN); negative or non-numeric = InputError; CPU % above 100 is clamped with a
 * finding.
 */
function metricValue(
  text: string,
  m: number,
  loc: { file: string; row: number; column: string },
  server: string,
  issues: RowIssues,
): number {
  const s = text.trim();
  if (s === '') return Number.NaN;
  if (!DECIMAL.test(s))
    throw new InputError(`expected a number, got ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}`, loc);
  const v = Number(s);
  if (!Number.isFinite(v) || v < 0) throw new InputError(`expected a number ≥ 0, got ${JSON.stringify(s)}`, loc);
  if (m === 0 && v > 100) {
    issues.note('cpu-above-100', server, loc, `CPU % above 100 (first ${s}); clamped to 100`);
    return 100;
  }
  return v;
}
