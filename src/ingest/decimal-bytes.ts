// Decimals of up to 19 significant digits read from bytes to the double `Number()` gives (the
// correctly rounded one). Traces written by Python or Java print doubles with 16 or 17 digits
// (`0.26666666666666666`): Clinger's fast path (an integer < 2^53 over 10^k) does not take
// them, and decoding each to a string for `Number()` cost a third of reading the 100 Bitbrains
// files. For those, the quotient is computed in floating point and then checked exactly: the
// residual N − x·10^k, from Dekker's exact product (Dekker 1971, "A floating-point technique
// for extending the available precision"), says whether x is the nearest double or which
// neighbour is. Too close to a midpoint to tell (a tie), or out of range: undefined, and the
// caller asks `Number()`.

/**
 * 10^k for exact decimal conversion: an integer < 2^53 divided by 10^k (k ≤ 22) is correctly rounded (Clinger 1990).
 */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits held exactly in `hi` (10^15 < 2^53). */
const HI_DIGITS = 15;
/** Digits after the 15th held in `lo`: 19 in all keeps N < 10^19, so hi·10^r + lo stays far from overflow. */
const LO_DIGITS = 4;
const TWO_53 = 2 ** 53;
/** Residual error bound: its terms are below 10^4·2 in magnitude, so rounding errs by less than 10^-11. */
const MARGIN = 1e-9;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Veltkamp's splitter for 53-bit doubles: 2^27 + 1. */
const SPLIT = 134_217_729;
let productLow = 0;

/** a·b rounded; the exact rest a·b − fl(a·b) is left in productLow (Dekker's TwoProduct, no FMA needed). */
function twoProduct(a: number, b: number): number {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  productLow = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** Which 32-bit word of a double holds its low mantissa bits (0 on little-endian machines). */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;

/** The next double after a finite x > 0 towards +∞ (step 1) or towards 0 (step −1): its bits ± 1. */
function neighbour(x: number, step: 1 | -1): number {
  f64[0] = x;
  if (step > 0) {
    if (u32[LOW_WORD] === 0xffffffff) u32[HIGH_WORD]!++;
    u32[LOW_WORD]!++;
  } else {
    if (u32[LOW_WORD] === 0) u32[HIGH_WORD]!--;
    u32[LOW_WORD]!--;
  }
  return f64[0]!;
}

/**
 * The correctly rounded double of (hi·10^r + lo) / 10^k, for hi < 10^15, r ≤ 4, lo < 10^r,
 * k ≤ 22; undefined when it cannot be told cheaply (the caller then asks `Number()`).
 */
function decimalToDouble(hi: number, r: number, lo: number, k: number): number | undefined {
  if (k > 22 || r > LO_DIGITS) return undefined;
  const t = POW10[r]!;
  const p10 = POW10[k]!;
  const approx = hi * t + lo;
  if (approx < TWO_53) return approx / p10; // exact integer: Clinger's fast path
  // N = hi·t + lo exactly, as a + b + lo (a + b = hi·t by TwoProduct).
  const a = twoProduct(hi, t);
  const b = productLow;
  let x = approx / p10;
  // x is within two ulps of N / 10^k (two roundings); each pass moves it one step towards it.
  for (let pass = 0; pass < 4; pass++) {
    const p = twoProduct(x, p10);
    // a − p is exact (Sterbenz: both are N to within a few ulps); the rest are small.
    const residual = a - p + (b - productLow) + lo;
    const up = (neighbour(x, 1) - x) * 0.5 * p10;
    const down = (x - neighbour(x, -1)) * 0.5 * p10;
    if (residual < up - MARGIN && residual > -down + MARGIN) return x;
    if (residual > up + MARGIN) x = neighbour(x, 1);
    else if (residual < -down - MARGIN) x = neighbour(x, -1);
    else return undefined; // at a midpoint (a tie, or too close to tell)
  }
  return undefined;
}

/**
 * The number in buf[s, e) when it is plain digits with at most one `.` (no sign, no exponent):
 * the double `Number()` gives, or undefined (more than 19 significant digits, anything else).
 */
export function parseDecimalBytes(buf: Uint8Array, s: number, e: number): number | undefined {
  let hi = 0;
  let sig = 0;
  let lo = 0;
  let r = 0;
  let frac = -1;
  let digits = 0;
  for (let j = s; j < e; j++) {
    const c = buf[j]!;
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      if (frac >= 0) frac++;
      if (sig < HI_DIGITS) {
        hi = hi * 10 + (c - 0x30);
        if (hi > 0) sig++;
      } else {
        if (++r > LO_DIGITS) return undefined;
        lo = lo * 10 + (c - 0x30);
      }
    } else if (c === 0x2e && frac < 0) frac = 0;
    else return undefined;
  }
  if (digits === 0) return undefined;
  return decimalToDouble(hi, r, lo, Math.max(frac, 0));
}
