// Decimals read from bytes (src/ingest/decimal-bytes.ts) are the doubles Number() gives, 16–19
// significant digits included; a tie or anything else is left to Number().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDecimalBytes } from '../../src/ingest/decimal-bytes.ts';

const SEED = 20261203;

function parse(s: string): number | undefined {
  const buf = Buffer.from(`;${s};`, 'latin1');
  return parseDecimalBytes(buf, 1, 1 + s.length);
}

test('16 and 17 significant digits, as Python and Java print doubles, read to the same double', () => {
  for (const s of [
    '160.86666666666667',
    '0.26666666666666666',
    '1.4666666666666666',
    '21.733333333333334',
    '29.259994499999998',
    '458575.4666666667',
    '0.000123456789012345678',
    '9007199254740991',
    '9007199254740992',
    '9007199254740994',
    '18446744073709551',
    '1234567890123456789',
    '1234567890123456.0',
    '0.1000000000000000055',
    '5851.9989',
    '0',
    '0.0',
    '7.',
    '.5',
  ]) {
    assert.notEqual(parse(s), undefined, s);
    assert.equal(parse(s), Number(s), s);
  }
});

test('a tie, more than 19 significant digits and anything but digits and one point are left to Number()', () => {
  // 2^53 + 1 lies halfway between two doubles: Number() rounds it to even, here it is not decided.
  for (const s of [
    '9007199254740993',
    '12345678901234567890',
    '1.0e6',
    '-1',
    '1.2.3',
    '',
    '.',
    '1 2',
    '0.100000000000000000000',
  ])
    assert.equal(parse(s), undefined, s);
});

test(`random decimals of 1 to 19 significant digits read as Number() reads them (seed ${SEED})`, () => {
  let seed = SEED;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return Math.floor((seed / 4294967296) * n);
  };
  let decided = 0;
  let short = 0;
  for (let i = 0; i < 200_000; i++) {
    const n = 1 + rnd(19);
    let digits = String(1 + rnd(9));
    for (let j = 1; j < n; j++) digits += String(rnd(10));
    const zeros = '0'.repeat(rnd(3));
    const point = rnd(n + 4);
    const s =
      point >= n
        ? `${digits}${'0'.repeat(point - n)}`
        : `${digits.slice(0, point) || '0'}.${zeros}${digits.slice(point)}`;
    const v = parse(s);
    // Significant digits: all but the leading zeros (trailing zeros count: they are read too).
    if (s.replace('.', '').replace(/^0+/, '').length <= 19) {
      short++;
      if (v !== undefined) decided++;
    }
    assert.equal(v ?? Number(s), Number(s), s);
  }
  // Only ties are left: rare but for integers past 2^53 (every odd one below 2^54 lies halfway).
  assert.ok(short > 150_000 && decided > short * 0.99, `${decided} of ${short}`);
});

test('doubles printed with 17 digits read back to themselves', () => {
  let seed = SEED;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (let i = 0; i < 100_000; i++) {
    const x = rnd() * 10 ** (rnd() * 12);
    const s = x.toPrecision(17);
    if (s.includes('e')) continue;
    assert.equal(parse(s), x, s);
  }
});
