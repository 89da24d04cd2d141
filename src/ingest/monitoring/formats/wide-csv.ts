// Wide monitoring CSV: one row per timestamp, one column per metric, per server or both.
//   timestamp,cpu_pct,memory_used_mb,…        one server: the file name (web01.csv → web01)
//   timestamp,web01:cpu_pct,db01:cpu_pct,…   server:metric columns
//   timestamp,web01,db01,…                   one metric: the file name (cpu_pct.csv)
// Metric names as in the long format (cpu_pct …) or internal (cpuPct …). `,` or `;`
// (then a decimal comma is accepted). Timestamps as in the long format.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { InputError } from '../../../domain/errors.ts';
import { METRIC_NAMES } from '../../../domain/server.ts';
import { readTextFile } from '../../read-text.ts';
import { detectDateFormat, parseTimestamp } from '../../table/date-time.ts';
import { describeZone, type LocalZone } from '../../table/local-time.ts';
import { LONG_METRIC_COLUMNS } from '../../../domain/input-settings.ts';
import { METRICS, type ServerSamples } from '../sample-store.ts';
import type { ReadContext } from './context.ts';

const TIME_COLUMNS = ['timestamp', 'time', 'datetime', 'date'];

function metricIndex(name: string): number {
  const n = name.trim();
  const i = (LONG_METRIC_COLUMNS as readonly string[]).indexOf(n.toLowerCase());
  return i >= 0 ? i : (METRIC_NAMES as readonly string[]).indexOf(n);
}

export function isWideHeader(cells: string[], file: string): boolean {
  if (!TIME_COLUMNS.includes((cells[0] ?? '').trim().toLowerCase()) || cells.length < 2) return false;
  const rest = cells.slice(1);
  return (
    rest.every((c) => metricIndex(c) >= 0 || metricIndex(c.split(':').pop() ?? '') >= 0) || metricIndex(stem(file)) >= 0
  );
}

function stem(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}

export async function readWideCsv(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: WideRecord[];
  try {
    records =
      unquotedRecords(text, delimiter) ??
      (parse(text, {
        delimiter,
        info: true,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      }) as unknown as typeof records);
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`wide CSV: ${err.message}`, {
        file: ctx.file,
        row: (err as CsvError & { lines?: number }).lines,
      });
    throw err;
  }
  const header = records[0]?.record ?? [];
  const columns = header.slice(1).map((h, i) => ({ index: i + 1, header: h.trim(), ...wideColumn(h, ctx.file) }));
  const bad = columns.find((c) => c.metric < 0);
  if (bad)
    throw new InputError(
      `wide CSV: column "${bad.header}" is neither a metric (${LONG_METRIC_COLUMNS.join(', ')}) nor server:metric`,
      { file: ctx.file, row: 1, column: bad.header },
    );
  const servers = [...new Set(columns.map((c) => c.server))];
  const byServer = new Map(servers.map((server, i) => [server, i]));
  const cells = columns.map((c) => ({ ...c, serverIndex: byServer.get(c.server)! }));
  const rows = servers.map(() => new Float64Array(METRICS));
  let samples: ServerSamples[] | undefined;
  ctx.notes.push(`wide layout: ${servers.length} server(s), ${columns.length} column(s), delimiter "${delimiter}"`);
  // Local times (no offset in the text) take --utc-offset, else inputs.timezone (DST-aware).
  const { utcOffsetMinutes, timezone } = ctx.opts;
  const zone: LocalZone | undefined =
    utcOffsetMinutes !== undefined ? { offsetMinutes: utcOffsetMinutes } : timezone ? { zone: timezone } : undefined;
  const dates = detectDateFormat(
    records.slice(1, 200).map((r) => r.record[0] ?? ''),
    ctx.opts.csv?.dateFormat,
    delimiter === ';',
  );
  if (zone) ctx.notes.push(`local times in ${describeZone(zone)}`);
  // One server named after the file has one row per time; repeated times mean several servers
  // in one file, i.e. a long CSV whose server column is missing.
  const byFileName = columns.every((c) => metricIndex(c.header) >= 0);
  const seenAt = new Map<number, number>();
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    const tsText = (record[0] ?? '').trim();
    const ms = parseTimestamp(tsText, dates.format, zone);
    if (ms === 'needs-zone')
      throw new InputError(
        `local timestamp ${JSON.stringify(tsText)} has no UTC offset: set inputs.timezone (e.g. America/Mexico_City) ` +
          'or --utc-offset',
        { file: ctx.file, row, column: header[0] ?? 1 },
      );
    if (ms === 'malformed')
      throw new InputError(
        `expected a timestamp (ISO-8601, dd/mm/yyyy hh:mm, epoch …), got ${JSON.stringify(tsText)}`,
        {
          file: ctx.file,
          row,
          column: header[0] ?? 1,
        },
      );
    const first = seenAt.get(ms);
    if (byFileName && first !== undefined)
      throw new InputError(
        `timestamp ${JSON.stringify(tsText)} repeats line ${first}: the file holds several servers but no server ` +
          `column (a long CSV needs timestamp,server,…; map it with inputs.columns.monitoring.server)`,
        { file: ctx.file, row, column: header[0] ?? 1 },
      );
    if (byFileName) seenAt.set(ms, row);
    // One row of values per server, reused: store.add copies them (a Map of 200 arrays per row cost 2 s of GC).
    for (const values of rows) values.fill(Number.NaN);
    for (const c of cells) {
      const raw = (record[c.index] ?? '').trim();
      const cell = delimiter === ';' ? raw.replace(/^(\d+),(\d+)$/, '$1.$2') : raw;
      if (cell === '') continue;
      const v = Number(cell);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) || v < 0)
        throw new InputError(`expected a number ≥ 0, got ${JSON.stringify(cell)}`, {
          file: ctx.file,
          row,
          column: c.header,
        });
      rows[c.serverIndex]![c.metric] = c.metric === 0 ? Math.min(v, 100) : v;
    }
    // Servers are created with their first row, in column order (a file with no rows adds none).
    samples ??= servers.map((server) => ctx.store.server(server));
    for (let i = 0; i < samples.length; i++) samples[i]!.add(ms, rows[i]!);
  }
}

type WideRecord = { record: string[]; info: { lines: number } };

/**
 * The records of a text without a quote, split on its line ends and `delimiter`: what csv-parse
 * gives for it (empty lines skipped, each record numbered by its line) at a fraction of the cost.
 * Null when it has a quote, or line ends other than all `\n` or all `\r\n` (csv-parse reads it then).
 */
function unquotedRecords(text: string, delimiter: string): WideRecord[] | null {
  if (text.includes('"')) return null;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  const crlf = body.includes('\r');
  const records: WideRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (crlf) {
      // Every line but the last (the text after the final line end) ends in CR and holds no other.
      const last = i === lines.length - 1;
      if (last === line.endsWith('\r')) return null;
      if (!last) line = line.slice(0, -1);
      if (line.includes('\r')) return null;
    }
    if (line !== '') records.push({ record: line.split(delimiter), info: { lines: i + 1 } });
  }
  return records;
}

function wideColumn(h: string, file: string): { server: string; metric: number } {
  const name = h.trim();
  if (metricIndex(name) >= 0) return { server: stem(file), metric: metricIndex(name) };
  const colon = name.lastIndexOf(':');
  if (colon > 0 && metricIndex(name.slice(colon + 1)) >= 0)
    return { server: name.slice(0, colon), metric: metricIndex(name.slice(colon + 1)) };
  return { server: name, metric: metricIndex(stem(file)) };
}
