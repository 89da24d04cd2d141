// ISO-8601 timestamps read from bytes, for the long CSV's fast path (fast-long-csv.ts). A
// file whose rows are grouped by server has a new timestamp on every row; decoding each one
// to a string and matching the ISO regex cost half of its read (4 M rows: 6 s of 12 s), most
// of it in the per-day range check. The common shape is read here digit by digit, and the
// day's epoch milliseconds are computed once per day and reused. Anything else (fractions of a
// second, a lower-case `t`, spaces, hour 24, a leap second, an impossible date) is left to
// parseIsoTimestamp, which gives the answer or the error of every other path.
import { utcMs } from './timestamps.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const ZERO = 0x30;

/** Reads `YYYY-MM-DD[T ]HH:MM:SS` followed by `Z`, `±HH:MM` or `±HHMM`; remembers the last day. */
export class IsoTimestampBytes {
  private dayKey = -1;
  private dayMs = 0;

  /**
   * Epoch ms of buf[s, e) — the value parseIsoTimestamp gives for the same text — or undefined
   * when the text is not of the shape above (or not a valid instant): parse it as text then.
   */
  ms(buf: Uint8Array, s: number, e: number): number | undefined {
    const len = e - s;
    if (len !== 20 && len !== 24 && len !== 25) return undefined;
    const wall = this.wallMs(buf, s);
    if (wall === undefined) return undefined;
    const offset = offsetMinutes(buf, s + 19, len - 19);
    return offset === undefined ? undefined : wall - offset * MS_PER_MINUTE;
  }

  /**
   * Epoch ms of the 19 bytes `YYYY-MM-DD[T ]HH:MM:SS` at buf[s] read as UTC, or undefined when
   * they are not of that shape or not a valid instant (hour 24, a leap second: the text parser's).
   */
  wallMs(buf: Uint8Array, s: number): number | undefined {
    if (buf[s + 4] !== 0x2d || buf[s + 7] !== 0x2d || buf[s + 13] !== 0x3a || buf[s + 16] !== 0x3a) return undefined;
    const sep = buf[s + 10];
    if (sep !== 0x54 && sep !== 0x20) return undefined; // `T` or a space
    const y = digits(buf, s, 4);
    const mo = digits(buf, s + 5, 2);
    const d = digits(buf, s + 8, 2);
    const h = digits(buf, s + 11, 2);
    const mi = digits(buf, s + 14, 2);
    const sec = digits(buf, s + 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
    // Hour 24 and a leap second have their own rules in utcMs: left to the text parser.
    if (h > 23 || mi > 59 || sec > 59) return undefined;
    const key = (y * 100 + mo) * 100 + d;
    if (key !== this.dayKey) {
      const day = utcMs(y, mo, d, 0, 0, 0);
      if (day === null) return undefined;
      this.dayKey = key;
      this.dayMs = day;
    }
    // Date.UTC(y, mo − 1, d, h, mi, s) is the day's ms plus the time of day, in exact integers (ECMA-262 MakeDate).
    return this.dayMs + h * MS_PER_HOUR + mi * MS_PER_MINUTE + sec * 1000;
  }
}

/** The value of `n` decimal digits at buf[at], or −1 when one is not a digit. */
function digits(buf: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = buf[i]! - ZERO;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Minutes east of UTC of `Z` (1 byte), `±HHMM` (5) or `±HH:MM` (6) at buf[at]; undefined for anything else. */
function offsetMinutes(buf: Uint8Array, at: number, len: number): number | undefined {
  const c = buf[at];
  if (len === 1) return c === 0x5a || c === 0x7a ? 0 : undefined; // `Z`, `z`
  if (c !== 0x2b && c !== 0x2d) return undefined;
  const hh = digits(buf, at + 1, 2);
  if (len === 6 && buf[at + 3] !== 0x3a) return undefined;
  const mm = digits(buf, at + len - 2, 2);
  if (hh < 0 || mm < 0) return undefined;
  return (c === 0x2d ? -1 : 1) * (hh * 60 + mm);
}
