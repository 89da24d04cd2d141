// Which monitoring format a file is, from its first bytes (docs/ingest.md, "Format detection": `--format`
// forces it).
import { headerShown } from '../../../escape/plain-text.ts';
import { open } from 'node:fs/promises';
import { InputError } from '../../../domain/errors.ts';
import { decodeText, type DecodedText } from '../../read-text.ts';
import { isLongHeader } from '../long-csv.ts';
import { isBitbrainsHeader } from './bitbrains.ts';
import { MONITORING_FORMATS, type MonitoringFormat, type ReadOptions } from './context.ts';
import { detectDelimiter } from '../../table/read-table.ts';
import { isWideHeader } from './wide-csv.ts';
import { findVropsHeader } from './vrops.ts';

const HEAD_BYTES = 64 * 1024;

export async function detectMonitoringFormat(
  file: string,
  encoding?: string,
  columns?: ReadOptions['columns'],
): Promise<MonitoringFormat> {
  return detectMonitoringFormatOfHead(await readHead(file, encoding), file, columns);
}

/** The first 64 KiB of a file, decoded (BOM/NUL sniffing or `encoding`). */
export async function readHead(file: string, encoding?: string): Promise<string> {
  return (await readHeadDecoded(file, encoding)).text;
}

/** The first 64 KiB of a file, decoded, with the encoding it was decoded with. */
export async function readHeadDecoded(file: string, encoding?: string): Promise<DecodedText> {
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new InputError(`cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  try {
    return decodeText(head, file, encoding);
  } catch {
    // The 64 KiB cut can split a multi-byte character: decode leniently just to look at it.
    return { text: new TextDecoder('utf-8').decode(head), encoding: 'utf-8', how: 'default' };
  }
}

/** The format of a file from its head as readHead decodes it (for a caller that has already read it). */
export function detectMonitoringFormatOfHead(
  text: string,
  file: string,
  columns?: ReadOptions['columns'],
): MonitoringFormat {
  if (text.trim() === '') throw new InputError('empty file: expected a header line', { file, row: 1 });
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trim() !== '');
  const first = (lines[index] ?? '').replace(/^\uFEFF/, '');
  if (/^"?\(PDH-CSV/.test(first)) return 'perfmon';
  if (/^#\s*hostname;interval;timestamp/.test(first)) return 'sadf-d';
  if (/^\s*\{/.test(first) && /"sysstat"/.test(text.slice(0, 4096))) return 'sadf-j';
  if (/^AAA,/.test(first)) return 'nmon';
  if (isBitbrainsHeader(first)) return 'bitbrains';
  // Before the long CSV: a vROps export's "Name" and "Time" would pass for its server and timestamp.
  if (findVropsHeader(lines.slice(index))) return 'vrops';
  const cells = first.split(detectDelimiter(first)).map((c) => c.replace(/^"|"$/g, '').trim());
  if (isLongHeader(cells, columns)) return 'long';
  if (isWideHeader(cells, file)) return 'wide';
  if (/^Linux \S+ \(.*\)\s/.test(first))
    throw new InputError(
      'sar text output is not read (column layout varies by locale): export with `sadf -d` or `sadf -j` instead',
      { file, row: index + 1 },
    );
  // The first line is quoted only when it is a table header (escape/plain-text.ts headerShown).
  throw new InputError(
    `cannot tell the monitoring format (${headerShown(cells)}); expected one ` +
      `of ${MONITORING_FORMATS.join(', ')} (see docs/ingest.md) or use --format`,
    { file, row: index + 1 },
  );
}
