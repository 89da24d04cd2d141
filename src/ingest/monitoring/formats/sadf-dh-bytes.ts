// `sadf -dh` read from the bytes of a UTF-8 file, for the common export: one header, then data
// lines with `YYYY-MM-DD HH:MM:SS UTC` times, `.` decimals, LF ends. 200 hosts × 30 days × 10
// min (864,000 lines, 522 MB) took 6.8 s of CPU read as text, more than twice what DuckDB takes
// for the same statistics; decoding the text and finding 95 fields per line were most of it.
// Any line this reader does not take on (a restart or comment record, another header, a
// decimal comma, CRLF, another time format, anything it would report) makes it give the file
// back to the text reader (sysstat.ts), which reads it from the start: results are the same.
import { isUtf8 } from 'node:buffer';
import { utcMs } from '../../timestamps.ts';
import { SampleMerger, type ReadContext } from './context.ts';
import { ByteFields } from './byte-fields.ts';
import { DhLayout } from './sadf-dh.ts';
import { DhLines, LineSample } from './sadf-d-tables.ts';

const NL = 0x0a;
const HASH = 0x23;
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

/** Epoch ms of `YYYY-MM-DD HH:MM:SS UTC` in bytes, the day's computed once; null for anything else. */
class StampBytes {
  private readonly days = new Map<number, number | null>();

  constructor(private readonly buf: Buffer) {}

  ms(s: number, e: number): number | null {
    const b = this.buf;
    if (e - s !== STAMP_BYTES || b[s + 4] !== 0x2d || b[s + 7] !== 0x2d || b[s + 10] !== 0x20) return null;
    if (b[s + 13] !== 0x3a || b[s + 16] !== 0x3a || b.toString('latin1', s + 19, e) !== ' UTC') return null;
    const century = this.digits(s);
    const year = this.digits(s + 2);
    const mo = this.digits(s + 5);
    const d = this.digits(s + 8);
    if (century < 0 || year < 0 || mo < 0 || d < 0) return null;
    const y = century * 100 + year;
    const key = y * 10_000 + mo * 100 + d;
    let day = this.days.get(key);
    if (day === undefined) {
      day = utcMs(y, mo, d, 0, 0, 0);
      this.days.set(key, day);
    }
    const h = this.digits(s + 11);
    const mi = this.digits(s + 14);
    const sec = this.digits(s + 17);
    // Hour 24 and leap seconds: the text reader (utcMs) decides.
    if (day === null || h < 0 || mi < 0 || sec < 0 || h > 23 || mi > 59 || sec > 59) return null;
    return day + ((h * 60 + mi) * 60 + sec) * 1000;
  }

  /** Two ASCII digits at i as a number, or -1. */
  private digits(i: number): number {
    const a = this.buf[i]! - 0x30;
    const c = this.buf[i + 1]! - 0x30;
    return a >= 0 && a <= 9 && c >= 0 && c <= 9 ? a * 10 + c : -1;
  }
}
