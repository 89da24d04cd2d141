// monitoring.csv, long format (docs/inputs.md): timestamp,server,cpu_pct,memory_used_mb,
// disk_used_gb,network_mb_per_s,iops[,cpu_mhz] — one row per sample per server. This is the general
// reader (csv-parse, streaming, any quoting); fast-long-csv.ts handles the plain layout faster.
import { refuseControls } from '../cells.ts';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../../domain/errors.ts';
import { METRICS, type SampleStore } from './sample-store.ts';
import type { RowIssues } from './row-issues.ts';
import { parseIsoTimestamp } from '../timestamps.ts';
import { readTextFile } from '../read-text.ts';
import { parseDelimitedTable } from '../table/read-table.ts';
import { parseLocaleNumber, type NumberFormat } from '../table/locale-number.ts';
import { detectDateFormat, parseTimestamp } from '../table/date-time.ts';
import { describeZone, type LocalZone } from '../table/local-time.ts';
import { describeMatch, matchColumns, type ColumnMatch } from '../columns/match-columns.ts';
import { MONITORING_SPECS } from '../columns/column-catalog.ts';
import type { ReadOptions } from './formats/context.ts';
import { LONG_METRIC_COLUMNS, MONITORING_COLUMNS } from '../../domain/input-settings.ts';

export interface LongLayout {
  timestamp: number;
  server: number;
  /** Column index of each metric (METRIC_NAMES order), -1 when the file lacks it. */
  metrics: number[];
  width: number;
  header: string[];
}

/** A long header: a server and a metric column, by name or synonym (docs/inputs.md). */
export function isLongHeader(header: string[], columns?: ReadOptions['columns']): boolean {
  let m: ColumnMatch;
  try {
    m = matchColumns(header, MONITORING_SPECS, '', columns);
  } catch {
    return false;
  }
  // The timestamp is not required here: without it, the long reader says what is missing.
  return m.columns.has('server') && LONG_METRIC_COLUMNS.some((c) => m.columns.has(c));
}

/**
 * Whether the fast path (fast-long-csv.ts) can read a file from its head: UTF-8, `,`, capplan's
 * own column names and ISO timestamps with an offset, nothing set otherwise.
 */
export function fastPathFits(head: string, opts: ReadOptions): boolean {
  if (opts.columns && Object.keys(opts.columns).length) return false;
  const csv = opts.csv ?? {};
  if ((csv.delimiter ?? ',') !== ',' || (csv.decimal ?? '.') !== '.' || (csv.thousands ?? 'none') !== 'none')
    return false;
  if (csv.dateFormat !== undefined && csv.dateFormat !== 'iso') return false;
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/, 3);
  const h = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  const known = (MONITORING_COLUMNS as readonly string[]).filter((c) => h.includes(c));
  if (!h.includes('timestamp') || !h.includes('server') || known.length < 3) return false;
  const first = lines[1];
  if (first === undefined || first.trim() === '') return true;
  return parseIsoTimestamp(first.split(',')[h.indexOf('timestamp')] ?? '') !== null;
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

/**
 * Reads a long CSV as clients save it, with csv-parse: any encoding, delimiter, quoting,
 * decimal and thousands separator, headers by meaning (English or Spanish, units converted),
 * timestamps in any format date-time.ts knows; local times take the zone of `opts`
 * (docs/inputs.md "Files as clients save them"). Errors are located InputErrors.
 */
export async function readLongCsvGeneral(ctx: GeneralContext): Promise<void> {
  const { file, opts } = ctx;
  const decoded = await readTextFile(file, opts.encoding ?? opts.csv?.encoding);
  const head = decoded.text.slice(0, HEAD_CHARS);
  const dialect = parseDelimitedTable({ ...decoded, text: head.slice(0, cutAtLine(head)) }, file, opts.csv);
  const layout = generalLayout(dialect.header, file, opts);
  const sample = dialect.rows.map((r) => r.cells[layout.timestamp] ?? '');
  const dates = detectDateFormat(sample, opts.csv?.dateFormat, dialect.dialect.decimal === ',');
  const zone: LocalZone | undefined =
    opts.utcOffsetMinutes !== undefined
      ? { offsetMinutes: opts.utcOffsetMinutes }
      : opts.timezone
        ? { zone: opts.timezone }
        : undefined;
  ctx.notes.push(
    dialect.description,
    ...describeMatch(layout.match),
    `timestamps: ${dates.format} (${DATE_HOW[dates.how]})` + (zone ? `, local times in ${describeZone(zone)}` : ''),
  );
  const parser = Readable.from([decoded.text]).pipe(
    parse({
      delimiter: dialect.dialect.delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  const values = new Float64Array(METRICS);
  let header = true;
  const cells = { ...dialect.dialect };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; raw: string };
    }>) {
      if (header) {
        header = false;
        continue;
      }
      const row = info.lines - (info.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      if (record.every((c) => c === '')) continue;
      addGeneralRecord(record, row, layout, ctx, values, (t) => parseTimestamp(t, dates.format, zone), cells);
    }
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}`, {
        file,
        row: (err as CsvError & { lines?: number }).lines,
      });
    throw err;
  }
}

const HEAD_CHARS = 1 << 20;

const DATE_HOW = {
  data: 'from the data',
  setting: 'set',
  assumed: 'assumed: the data allows either order; set inputs.csv.dateFormat',
} as const;

/** The length of `text` up to its last line end (all of it when there is none). */
function cutAtLine(text: string): number {
  const nl = text.lastIndexOf('\n');
  return text.length < HEAD_CHARS || nl < 0 ? text.length : nl + 1;
}

export interface GeneralContext {
  file: string;
  store: SampleStore;
  issues: RowIssues;
  opts: ReadOptions;
  notes: string[];
}

interface GeneralLayout {
  timestamp: number;
  server: number;
  /** Column and unit factor of each metric (METRIC_NAMES order); column -1 when absent. */
  metrics: { index: number; factor: number; header: string }[];
  width: number;
  header: string[];
  match: ColumnMatch;
}

function generalLayout(header: string[], file: string, opts: ReadOptions): GeneralLayout {
  const match = matchColumns(header, MONITORING_SPECS, file, opts.columns);
  const col = (name: string) => match.columns.get(name);
  const expected =
    `expected timestamp, server and any of ${LONG_METRIC_COLUMNS.join(', ')}, ` + 'or their synonyms (docs/inputs.md)';
  if (!col('timestamp'))
    throw new InputError(`long monitoring CSV: no timestamp column (${expected})`, { file, row: 1 });
  if (!col('server'))
    throw new InputError(
      `long monitoring CSV: no server column, so samples cannot be told apart by server (${expected}; ` +
        'map it with inputs.columns.monitoring.server)',
      { file, row: 1 },
    );
  const metrics = LONG_METRIC_COLUMNS.map((c) => {
    const m = col(c);
    return m ? { index: m.index, factor: m.factor, header: m.header } : { index: -1, factor: 1, header: c };
  });
  if (metrics.every((m) => m.index < 0))
    throw new InputError(`long monitoring CSV: no metric column (${expected})`, { file, row: 1 });
  return {
    timestamp: col('timestamp')!.index,
    server: col('server')!.index,
    metrics,
    width: header.length,
    header,
    match,
  };
}

function addGeneralRecord(
  record: string[],
  row: number,
  layout: GeneralLayout,
  ctx: GeneralContext,
  values: Float64Array,
  timestamp: (text: string) => ReturnType<typeof parseTimestamp>,
  format: NumberFormat,
): void {
  const { file } = ctx;
  if (record.length < layout.width)
    throw new InputError(`row has ${record.length} of the header's ${layout.width} fields (cut-off line?)`, {
      file,
      row,
    });
  const tsText = record[layout.timestamp] ?? '';
  const column = layout.header[layout.timestamp]!;
  const ms = timestamp(tsText);
  if (ms === 'needs-zone')
    throw new InputError(
      `local timestamp ${JSON.stringify(tsText)} has no UTC offset: set inputs.timezone (e.g. America/Mexico_City) ` +
        'or --utc-offset',
      { file, row, column },
    );
  if (ms === 'malformed')
    throw new InputError(`expected a timestamp (ISO-8601, dd/mm/yyyy hh:mm, epoch …), got ${show(tsText)}`, {
      file,
      row,
      column,
    });
  const server = (record[layout.server] ?? '').trim();
  if (server === '') throw new InputError('server name is empty', { file, row, column: layout.header[layout.server]! });
  refuseControls(server, { file, row, column: layout.header[layout.server]! });
  for (let m = 0; m < METRICS; m++) {
    const c = layout.metrics[m]!;
    values[m] =
      c.index < 0
        ? Number.NaN
        : metricValue(record[c.index] ?? '', m, { file, row, column: c.header }, server, ctx.issues, format, c.factor);
  }
  ctx.store.server(server).add(ms, values);
}

function show(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
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
  refuseControls(server, { file, row, column: 'server' });
  for (let m = 0; m < METRICS; m++) {
    const col = layout.metrics[m]!;
    values[m] =
      col < 0
        ? Number.NaN
        : metricValue(record[col] ?? '', m, { file, row, column: layout.header[col]! }, server, issues);
  }
  store.server(server).add(ms, values);
}

const PLAIN: NumberFormat = { decimal: '.', thousands: '' };

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
  format: NumberFormat = PLAIN,
  factor = 1,
): number {
  const s = text.trim();
  if (s === '') return Number.NaN;
  const parsed = parseLocaleNumber(s, format);
  if (parsed === null) throw new InputError(`expected a number, got ${show(s)}`, loc);
  const v = parsed * factor;
  if (!Number.isFinite(v) || v < 0) throw new InputError(`expected a number ≥ 0, got ${JSON.stringify(s)}`, loc);
  if (m === 0 && v > 100) {
    issues.note('cpu-above-100', server, loc, `CPU % above 100 (first ${s}); clamped to 100`, 'warning', {
      first: s,
    });
    return 100;
  }
  return v;
}
