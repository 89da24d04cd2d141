// `sadf -dh` read from the bytes of a UTF-8 file, for the common export: one header, then data
// lines with `YYYY-MM-DD HH:MM:SS UTC` times, `.` decimals, LF ends. 200 hosts × 30 days × 10
// min (864,000 lines, 522 MB) took 6.8 s of CPU read as text, more than twice what DuckDB takes
// for the same statistics; decoding the text and finding 95 fields per line were most of it.
// Any line this reader does not take on (a restart or comment record, another header, a
// decimal comma, CRLF, another time format, anything it would report) makes it give the file
// back to the text reader (sysstat.ts), which reads it from the start: results are the same.
import { isUtf8 } from 'node:buffer';
import { IsoTimestampBytes } from '../../iso-timestamp-bytes.ts';
import { SampleMerger, type ReadContext } from './context.ts';
import { ByteFields } from './byte-fields.ts';
import { DhLayout } from './sadf-dh.ts';
import { DhLines, LineSample } from './sadf-d-tables.ts';

const NL = 0x0a;
const HASH = 0x23;
const SPACE = 0x20;
/** `YYYY-MM-DD HH:MM:SS UTC` */
const STAMP_BYTES = 23;

/** Reads the file into ctx and returns true, or returns false having changed nothing. */
export function readSadfDhBytes(bytes: Buffer, ctx: ReadContext, skip: (iface: string) => boolean): boolean {
  // Not UTF-16 (no NUL where decodeText sniffs for it), no BOM: a header first. No decimal
  // comma (nor any other comma), no CR.
  if (bytes[0] !== HASH || bytes.subarray(0, 512).includes(0) || !isUtf8(bytes)) return false;
  if (bytes.includes(0x2c) || bytes.includes(0x0d)) return false;
  const eol = bytes.indexOf(NL) < 0 ? bytes.length : bytes.indexOf(NL);
  const headerLine = bytes.toString('utf8', 0, eol);
  const header = headerLine.replace(/^#\s*/, '').split(';');
  const layout = DhLayout.of(header);
  if (headerLine.includes('\r') || !layout || header[0] !== 'hostname' || header[2] !== 'timestamp') return false;
  const merger = new SampleMerger();
  const sample = new LineSample(merger);
  const fields = new ByteFields();
  const dh = new DhLines(layout);
  const stamps = new StampBytes(bytes);
  try {
    let row = 1;
    for (let s = eol + 1; s < bytes.length; ) {
      row++;
      const nl = bytes.indexOf(NL, s);
      const e = nl < 0 ? bytes.length : nl;
      if (e === s || bytes[s] === HASH) return false;
      fields.reset(bytes, s, e);
      if (fields.count < 4 || fields.get(1) === '-1') return false;
      const ms = stamps.ms(fields.start(2), fields.start(3) - 1);
      if (ms === null) return false;
      sample.start(fields.get(0)!, ms);
      dh.apply(fields, sample, ctx, row, skip);
      s = e + 1;
    }
  } catch {
    return false; // the text reader says what is wrong, and where
  }
  ctx.notes.push("sadf -dh: all activities on one line, split by the header's [...] groups");
  merger.flush(ctx.store);
  return true;
}

/** Epoch ms of `YYYY-MM-DD HH:MM:SS UTC` at bytes[s, e), the day's reused; null for anything else. */
class StampBytes {
  private readonly iso = new IsoTimestampBytes();

  constructor(private readonly buf: Buffer) {}

  ms(s: number, e: number): number | null {
    const b = this.buf;
    if (e - s !== STAMP_BYTES || b[s + 10] !== SPACE) return null;
    if (b[s + 19] !== SPACE || b[s + 20] !== 0x55 || b[s + 21] !== 0x54 || b[s + 22] !== 0x43) return null; // ` UTC`
    return this.iso.wallMs(b, s) ?? null;
  }
}
