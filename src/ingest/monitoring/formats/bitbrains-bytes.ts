// The rows of a per-VM trace parsed from its bytes: cells split on `;`, the wanted ones parsed
// as they go by, with no string per line or cell (100 Bitbrains files, 826,000 rows: the text
// reader spent most of its time decoding, splitting and trimming). A decimal of up to 19
// significant digits is read from its bytes to the double `Number()` gives (decimal-bytes.ts);
// longer ones and exponents go through `Number()` on their bytes. Anything else (an empty,
// negative or non-numeric cell, a missing column) returns false: the caller reads the file
// again as text, which names the cell.
import { parseDecimalBytes } from '../../decimal-bytes.ts';

/** Where the rows go: the column index of each wanted value, and one call per row. */
interface TraceRows {
  readonly cols: readonly number[];
  add(cell: (k: number) => number): void;
}

const SEMI = 0x3b;
const LF = 0x0a;

/** Parses rows from `start`; false when a row is not plain numbers (nothing is kept of the file then). */
export function parseTraceBytes(buf: Buffer, start: number, state: TraceRows): boolean {
  const cols = state.cols;
  // Column index → position in state.cols (-1: not read).
  const width = Math.max(...cols) + 1;
  const slot = new Int32Array(width).fill(-1);
  cols.forEach((c, k) => {
    if (c >= 0) slot[c] = k;
  });
  const cell = new Float64Array(cols.length);
  const get = (k: number) => cell[k]!;
  let i = start;
  const n = buf.length;
  while (i < n) {
    let end = buf.indexOf(LF, i);
    if (end < 0) end = n;
    const next = end + 1;
    if (isBlank(buf, i, end)) {
      i = next;
      continue;
    }
    let col = 0;
    let s = i;
    for (;;) {
      let e = s;
      while (e < end && buf[e] !== SEMI) e++;
      if (col < width) {
        const k = slot[col]!;
        if (k >= 0) {
          const v = parseCell(buf, s, e);
          if (v < 0) return false;
          cell[k] = v;
        }
      }
      col++;
      if (e >= end) break;
      s = e + 1;
    }
    if (col < width) return false; // a column the header promised is missing
    state.add(get);
    i = next;
  }
  return true;
}

function isBlank(buf: Buffer, s: number, e: number): boolean {
  for (let j = s; j < e; j++) {
    const c = buf[j]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** The number in bytes [s, e) (spaces, tabs and CR around it allowed), or −1 when it is not a number ≥ 0. */
function parseCell(buf: Buffer, s: number, e: number): number {
  while (s < e && (buf[s] === 0x20 || buf[s] === 0x09)) s++;
  while (e > s && (buf[e - 1] === 0x20 || buf[e - 1] === 0x09 || buf[e - 1] === 0x0d)) e--;
  if (s === e) return -1;
  return parseDecimalBytes(buf, s, e) ?? slow(buf, s, e);
}

function slow(buf: Buffer, s: number, e: number): number {
  const v = Number(buf.toString('latin1', s, e));
  return Number.isFinite(v) && v >= 0 ? v : -1;
}
