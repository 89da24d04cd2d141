// Fast path for the plain long CSV layout (docs/inputs.md): big chunks, bytes parsed by hand,
// no string per cell. Anything unusual (a quote byte, a row with another column count) makes
// it give up and return false; the caller then re-reads the file with csv-parse
// (long-csv.ts). A malformed value is re-parsed by the general cell functions so the error
// message is the same on both paths. Measured in bench/ingest.bench.ts.
import { refuseControls } from '../cells.ts';
import { open } from 'node:fs/promises';
import { InputError } from '../../domain/errors.ts';
import { parseIsoTimestamp } from '../timestamps.ts';
import { IsoTimestampBytes } from '../iso-timestamp-bytes.ts';
import { addLongRecord, longLayout, type LongLayout } from './long-csv.ts';
import type { RowIssues } from './row-issues.ts';
import { METRICS, type SampleStore } from './sample-store.ts';

const CHUNK_BYTES = 8 << 20;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/**
 * 10^k for exact decimal conversion: an integer < 2^53 divided by 10^k (k ≤ 22) is correctly rounded (Clinger 1990).
 */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export class GiveUp extends Error {}

export type FastProgress = (bytesRead: number) => void;

/** Bytes [start, end) of a file, cut at line starts (long-csv-split.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Reads a whole long CSV on the fast path into one store; false = irregular, use csv-parse. */
export async function readLongCsvFast(
  file: string,
  store: SampleStore,
  issues: RowIssues,
  progress?: FastProgress,
): Promise<boolean> {
  try {
    await parseLongRange(file, { start: 0, end: Number.MAX_SAFE_INTEGER }, undefined, store, issues, progress);
    return true;
  } catch (err) {
    if (err instanceof GiveUp) return false;
    throw err;
  }
}

/**
 * Parses the lines of one byte range into `store` (throws GiveUp when it needs csv-parse).
 * Without `layout` the range's first line is the header. Rows are numbered from the range's
 * first line (1); a caller reading a later range adds the lines before it. Returns the
 * number of lines seen.
 */
export async function parseLongRange(
  file: string,
  range: ByteRange,
  layout: LongLayout | undefined,
  store: SampleStore,
  issues: RowIssues,
  progress?: FastProgress,
): Promise<number> {
  const fh = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read file: ${err.code ?? String(err)}`, { file });
  });
  try {
    const parser = new FastParser(file, store, issues, layout);
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = 0;
    let pos = range.start;
    for (;;) {
      if (carry === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the chunk
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const want = Math.min(buf.length - carry, range.end - pos);
      const { bytesRead } = want > 0 ? await fh.read(buf, carry, want, pos) : { bytesRead: 0 };
      pos += bytesRead;
      const end = carry + bytesRead;
      const eof = bytesRead === 0;
      const used = parser.lines(buf, end, eof);
      buf.copy(buf, 0, used, end);
      carry = end - used;
      progress?.(pos - range.start);
      if (eof) break;
    }
    if (!parser.layout) throw new InputError('empty file: expected a header line', { file, row: 1 });
    return parser.lineCount;
  } finally {
    await fh.close();
  }
}

class FastParser {
  layout: LongLayout | undefined;
  private line = 0;
  private readonly starts = new Int32Array(64);
  private readonly ends = new Int32Array(64);
  /** Column → metric index (METRIC_NAMES order), -1 for other columns. */
  private readonly metricOf = new Int32Array(64).fill(-1);
  private readonly values = new Float64Array(METRICS).fill(Number.NaN);
  private readonly prevTs = new Uint8Array(64);
  private prevTsLen = -1;
  private prevMs = 0;
  private readonly iso = new IsoTimestampBytes();
  private readonly known = new KnownServers();
  private prevId = -1;

  constructor(
    private readonly file: string,
    private readonly store: SampleStore,
    private readonly issues: RowIssues,
    layout?: LongLayout,
  ) {
    if (layout) this.setLayout(layout);
  }

  get lineCount(): number {
    return this.line;
  }

  /** Parses every complete line of buf[0, end) (all of it at EOF); returns the bytes used. */
  lines(buf: Buffer, end: number, eof: boolean): number {
    let pos = 0;
    for (;;) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= end) {
        if (!eof || pos >= end) return pos;
        nl = end;
      }
      this.line++;
      let lineEnd = nl;
      if (lineEnd > pos && buf[lineEnd - 1] === CR) lineEnd--;
      if (lineEnd > pos) this.row(buf, pos, lineEnd);
      pos = nl + 1;
      if (pos >= end) return end;
    }
  }

  private row(buf: Buffer, start: number, end: number): void {
    if (!this.layout) {
      this.header(buf, start, end);
      return;
    }
    const layout = this.layout;
    const starts = this.starts;
    const ends = this.ends;
    const metricOf = this.metricOf;
    // values: a metric the header lacks stays NaN from the constructor; every other is set below.
    const values = this.values;
    let plain = true;
    let n = 0;
    let i = start;
    // Most rows repeat the previous timestamp and hold the server that followed the previous
    // one last time: those cells are compared with the known bytes instead of scanned, then compared.
    const k = this.known;
    const guess = this.prevId >= 0 ? k.nextOf[this.prevId]! : -1;
    let sameTs = false;
    let sameServer = false;
    // One pass: split on commas and parse metric cells as their bytes go by.
    for (;;) {
      if (n >= layout.width) throw new GiveUp(); // more cells than the header
      starts[n] = i;
      const m = metricOf[n]!;
      if (m >= 0) {
        let mant = 0;
        let digits = 0;
        let frac = -1;
        let ok = true;
        for (; i < end; i++) {
          const c = buf[i]!;
          if (c === COMMA) break;
          if (c >= 0x30 && c <= 0x39) {
            mant = mant * 10 + (c - 0x30);
            digits++;
            if (frac >= 0) frac++;
          } else if (c === 0x2e && frac < 0) frac = 0;
          else if (c === QUOTE) throw new GiveUp();
          else ok = false;
        }
        if (i === starts[n]!)
          values[m] = Number.NaN; // empty cell: not measured
        else if (ok && digits > 0 && digits <= 15) values[m] = frac > 0 ? mant / POW10[frac]! : mant;
        else plain = false;
      } else if (n === layout.timestamp && isCell(this.prevTs, 0, this.prevTsLen, buf, i, end)) {
        i += this.prevTsLen;
        sameTs = true;
      } else if (
        n === layout.server &&
        guess >= 0 &&
        isCell(k.names, k.nameAt[guess]!, k.nameLen[guess]!, buf, i, end)
      ) {
        i += k.nameLen[guess]!;
        sameServer = true;
      } else {
        for (; i < end; i++) {
          const c = buf[i]!;
          if (c === COMMA) break;
          if (c === QUOTE) throw new GiveUp();
        }
      }
      ends[n++] = i;
      if (i >= end) break;
      i++;
    }
    if (n !== layout.width) throw new GiveUp();
    const ms = sameTs ? this.prevMs : this.timestamp(buf, starts[layout.timestamp]!, ends[layout.timestamp]!);
    // A timestamp that is not ISO with an offset: the general path reads (or rejects) the file's format.
    if (Number.isNaN(ms)) throw new GiveUp();
    if (!plain || (layout.metrics[0]! >= 0 && values[0]! > 100)) {
      // Unusual cell: let the general path parse this record (same messages, same clamping).
      const record = Array.from({ length: n }, (_, k) => buf.toString('utf8', starts[k]!, ends[k]!));
      addLongRecord(record, this.line, layout, this.file, this.store, this.issues, values);
      return;
    }
    if (sameServer) this.prevId = guess;
    this.store.add(
      sameServer ? k.storeId[guess]! : this.server(buf, starts[layout.server]!, ends[layout.server]!),
      ms,
      values,
    );
  }

  private header(buf: Buffer, start: number, end: number): void {
    if (buf.indexOf(QUOTE, start) >= 0 && buf.indexOf(QUOTE, start) < end) throw new GiveUp();
    let from = start;
    if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) from += 3;
    this.setLayout(longLayout(buf.toString('utf8', from, end).split(','), this.file));
  }

  private setLayout(layout: LongLayout): void {
    if (layout.width > 64) throw new GiveUp();
    this.layout = layout;
    this.metricOf.fill(-1);
    layout.metrics.forEach((col, m) => {
      if (col >= 0) this.metricOf[col] = m;
    });
  }

  private timestamp(buf: Buffer, s: number, e: number): number {
    const len = e - s;
    if (len === this.prevTsLen && sameBytes(this.prevTs, 0, buf, s, e)) return this.prevMs;
    if (len > 64) return Number.NaN;
    const ms = this.iso.ms(buf, s, e) ?? parseIsoTimestamp(buf.toString('latin1', s, e));
    if (ms === null) return Number.NaN;
    // A byte loop: Buffer#copy costs more than this for ~20 bytes (rows grouped by server copy one per row).
    const prev = this.prevTs;
    for (let i = s, j = 0; i < e; i++, j++) prev[j] = buf[i]!;
    this.prevTsLen = len;
    this.prevMs = ms;
    return ms;
  }

  /**
   * Server of a row; rows usually cycle through servers in a fixed order, so try the one that followed the previous
   * server last time.
   */
  private server(buf: Buffer, s: number, e: number): number {
    const k = this.known;
    const guess = this.prevId >= 0 ? k.nextOf[this.prevId]! : -1;
    if (guess >= 0 && k.nameLen[guess] === e - s && sameBytes(k.names, k.nameAt[guess]!, buf, s, e)) {
      this.prevId = guess;
      return k.storeId[guess]!;
    }
    const name = buf.toString('utf8', s, e).trim();
    if (name === '')
      throw new InputError('server name is empty', { file: this.file, row: this.line, column: 'server' });
    refuseControls(name, { file: this.file, row: this.line, column: 'server' });
    const id = k.id(name, this.store, buf, s, e);
    if (this.prevId >= 0) k.nextOf[this.prevId] = id;
    this.prevId = id;
    return k.storeId[id]!;
  }
}

/**
 * The servers one parser has seen, by dense id: the id that followed each one last time and
 * the bytes of its name and its id in the store, in small flat arrays rather than on objects,
 * so the guess in FastParser.server costs no cache miss at 10,000 servers.
 */
class KnownServers {
  /** Id in the store (SampleStore.add) of each parser id. */
  storeId = new Int32Array(1024);
  nextOf = new Int32Array(1024).fill(-1);
  nameAt = new Int32Array(1024);
  nameLen = new Int32Array(1024);
  names = new Uint8Array(16 << 10);
  private namesUsed = 0;
  private readonly ids = new Map<string, number>();

  /** The id of server `name` (trimmed); a new one remembers buf[s, e) as its name bytes. */
  id(name: string, store: SampleStore, buf: Buffer, s: number, e: number): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    // Not UTF-8 (a Windows-1252 `ó`): the general path decodes the whole file (read-text.ts).
    if (name.includes('\uFFFD')) throw new GiveUp();
    const id = this.ids.size;
    if (id === this.nextOf.length) {
      this.storeId = grow(this.storeId, 0);
      this.nextOf = grow(this.nextOf, -1);
      this.nameAt = grow(this.nameAt, 0);
      this.nameLen = grow(this.nameLen, 0);
    }
    while (this.namesUsed + (e - s) > this.names.length) this.names = grow(this.names, 0);
    this.names.set(buf.subarray(s, e), this.namesUsed);
    this.nameAt[id] = this.namesUsed;
    this.nameLen[id] = e - s;
    this.namesUsed += e - s;
    this.storeId[id] = store.server(name).id;
    this.ids.set(name, id);
    return id;
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T, fill: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  bigger.fill(fill, a.length);
  return bigger;
}

/** Is buf[s, …) a whole cell (up to a comma or `end`) equal to a[at, at + len)? */
function isCell(a: Uint8Array, at: number, len: number, buf: Buffer, s: number, end: number): boolean {
  const e = s + len;
  if (len < 0 || e > end || (e < end && buf[e] !== COMMA)) return false;
  return sameBytes(a, at, buf, s, e);
}

/** a[at, at + e − s) equals buf[s, e)? (Buffer#compare with offsets costs more than this loop for short keys.) */
function sameBytes(a: Uint8Array, at: number, buf: Buffer, s: number, e: number): boolean {
  for (let i = s, j = at; i < e; i++, j++) if (a[j] !== buf[i]) return false;
  return true;
}
