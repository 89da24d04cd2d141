// The `;`-separated fields of one line of a UTF-8 file, read from its bytes: a `sadf -dh` file
// of 4,320 lines × 95 fields cost 8 ms to decode to a string, more than the rest of its reading;
// here only the fields a reader asks for become strings, and a field whose bytes are the ones
// it had on the previous line (host, device and interface names) is the same string again.
import { parseDecimalBytes } from '../../decimal-bytes.ts';
import type { Fields } from './line-fields.ts';

const SEMICOLON = 0x3b;
const MINUS = 0x2d;

export class ByteFields implements Fields {
  private starts = new Int32Array(128);
  private buf: Buffer = Buffer.alloc(0);
  /** The previous lines' strings by field index, with where their bytes were. */
  private strings: (string | undefined)[] = [];
  private stringAt = new Int32Array(128);
  private stringBytes = new Int32Array(128);
  count = 0;

  /** Takes the line buf[s, e) (without its `\n`). */
  reset(buf: Buffer, s: number, e: number): void {
    if (buf !== this.buf) this.strings = [];
    this.buf = buf;
    let n = 0;
    this.starts[n++] = s;
    for (let j = s; j < e; j++) {
      if (buf[j] === SEMICOLON) {
        if (n + 2 > this.starts.length) this.grow();
        this.starts[n++] = j + 1;
      }
    }
    this.starts[n] = e + 1;
    this.count = n;
  }

  private grow(): void {
    const more = new Int32Array(this.starts.length * 2);
    more.set(this.starts);
    this.starts = more;
    const at = new Int32Array(this.stringAt.length * 2);
    at.set(this.stringAt);
    this.stringAt = at;
    const bytes = new Int32Array(this.stringBytes.length * 2);
    bytes.set(this.stringBytes);
    this.stringBytes = bytes;
  }

  get(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const s = this.starts[i]!;
    const e = this.starts[i + 1]! - 1;
    const known = this.strings[i];
    if (known !== undefined && this.stringBytes[i] === e - s && this.sameBytes(this.stringAt[i]!, s, e - s))
      return known;
    const text = this.buf.toString('utf8', s, e);
    this.strings[i] = text;
    this.stringAt[i] = s;
    this.stringBytes[i] = e - s;
    return text;
  }

  private sameBytes(a: number, b: number, n: number): boolean {
    if (a === b) return true;
    for (let k = 0; k < n; k++) if (this.buf[a + k] !== this.buf[b + k]) return false;
    return true;
  }

  quick(i: number): number | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const s = this.starts[i]!;
    const e = this.starts[i + 1]! - 1;
    if (this.buf[s] !== MINUS) return parseDecimalBytes(this.buf, s, e);
    const v = parseDecimalBytes(this.buf, s + 1, e);
    return v === undefined ? undefined : -v;
  }

  /** Where field i starts in the buffer. */
  start(i: number): number {
    return this.starts[i]!;
  }
}
