// A client's delimited text file → header + located rows + the dialect it was written in:
// encoding (read-text.ts), delimiter (from the header line), quoting (csv-parse), decimal and
// thousands separators (from the values). Each detection can be overridden (`inputs.csv`) and
// is described for the ingest summary (docs/inputs.md "Files as clients save them").
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { InputError } from '../../domain/errors.ts';
import type { CsvSettings } from '../../domain/input-settings.ts';
import type { DecodedText } from '../read-text.ts';
import { detectNumberFormat, type NumberFormat } from './locale-number.ts';

export interface CsvTable {
  header: string[];
  /** Data records with the line number each starts on (1 = header line, counting blank lines before it). */
  rows: { cells: string[]; line: number }[];
}

interface Dialect extends NumberFormat {
  delimiter: string;
  encoding: string;
  /** Line ends seen: CRLF or LF. */
  lineEnd: 'CRLF' | 'LF';
}

export interface DelimitedTable extends CsvTable {
  dialect: Dialect;
  /** One line for the ingest summary: what was detected and what was set. */
  description: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter of a header line: the candidate that occurs most outside quotes (ties: `,`). */
export function detectDelimiter(line: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function firstLine(text: string): string {
  const lines = text.split(/\r?\n/);
  return (lines.find((l) => l.trim() !== '') ?? '').replace(/^\uFEFF/, '');
}

export function parseDelimitedTable(decoded: DecodedText, file: string, csv: CsvSettings = {}): DelimitedTable {
  const { text } = decoded;
  const setDelimiter = csv.delimiter === 'tab' ? '\t' : csv.delimiter;
  const delimiter = setDelimiter ?? detectDelimiter(firstLine(text));
  const table = parseCsvTable(text, file, delimiter);
  const sample = table.rows.slice(0, 5000).flatMap((r) => r.cells);
  const detected = detectNumberFormat(sample, delimiter);
  const decimal = csv.decimal ?? detected.decimal;
  const thousands =
    csv.thousands !== undefined ? (csv.thousands === 'none' ? '' : csv.thousands) : detectThousands(detected, decimal);
  const lineEnd = /\r\n/.test(text.slice(0, 65536)) ? 'CRLF' : 'LF';
  const dialect: Dialect = { delimiter, decimal, thousands, encoding: decoded.encoding, lineEnd };
  const set = (v: unknown) => (v !== undefined ? ' (set)' : '');
  const description =
    `${decoded.encoding}${decoded.how === 'bom' ? ' with BOM' : ''}${set(csv.encoding)}, ` +
    `${showChar(delimiter)}-delimited${set(setDelimiter)}, decimal ${showChar(decimal)}${set(csv.decimal)}, ` +
    `${thousands ? `thousands ${showChar(thousands)}` : 'no thousands separator'}${set(csv.thousands)}, ${lineEnd}`;
  return { ...table, dialect, description };
}

/** A thousands separator must differ from the decimal one. */
function detectThousands(detected: NumberFormat, decimal: '.' | ','): NumberFormat['thousands'] {
  if (detected.thousands === decimal) return '';
  return detected.thousands;
}

function showChar(c: string): string {
  return c === '\t' ? 'tab' : c === ' ' ? 'space' : `"${c}"`;
}

/** Parses RFC-4180 text into a header and located rows; a broken record is an InputError. */
export function parseCsvTable(text: string, file: string, delimiter = ','): CsvTable {
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}`, {
        file,
        row: (err as CsvError & { lines?: number }).lines,
      });
    throw err;
  }
  const first = records[0];
  if (!first) throw new InputError('empty file: expected a header line', { file, row: 1 });
  const header = first.record.map((h) => h.trim());
  const rows = records.slice(1).map((r) => ({ cells: r.record, line: startLine(r.info) }));
  return { header, rows };
}

/** csv-parse reports the line a record *ends* on; subtract embedded newlines to get its first line. */
function startLine(info: { lines: number; raw?: string }): number {
  const raw = (info.raw ?? '').replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  const inner = raw.match(/\n/g)?.length ?? 0;
  return info.lines - inner;
}
