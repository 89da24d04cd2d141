// plan.json written a chunk at a time: the chunks joined are JSON.stringify(value, null, 2)'s
// very text, for hostile strings, extreme numbers, values JSON leaves out, toJSON, long and
// deep arrays; a large document comes in several chunks, none of them the whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonChunks } from '../../src/util/json-chunks.ts';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/write-atomic.ts';
import { parsePlan, serialisePlan } from '../../src/domain/plan.ts';
import { fileURLToPath } from 'node:url';

const joined = (v: unknown) => {
  const parts = [...jsonChunks(v)];
  return parts.length ? parts.join('') : undefined;
};

const HOSTILE = [
  '',
  '"',
  '\\',
  '\\"\n',
  'line\nbreak\r\n\ttab',
  '\u0000\u0001\u001f\u007f',
  '\u2028\u2029',
  '\ud800 lone high, lone low \udc00',
  '😀 astral',
  '</script><!--',
  '{"not": "json"}',
  '\n  "fake": 1,\n',
];
const NUMBERS = [
  0,
  -0,
  1e21,
  1e-7,
  -1.5e300,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  0.1 + 0.2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** A record like a plan's server: strings, numbers, nulls, a nested object and array. */
const record = (i: number) => ({
  name: HOSTILE[i % HOSTILE.length]! + i,
  [HOSTILE[(i + 3) % HOSTILE.length]!]: NUMBERS[i % NUMBERS.length],
  nested: { deep: { deeper: { deepest: { bottom: [i, null, { x: HOSTILE[i % 5] }] } } } },
  skipped: undefined,
  fn: () => i,
  list: Array.from({ length: i % 20 }, (_, k) => k / 7),
  empty: {},
  none: [],
});

test('the chunks join to JSON.stringify(value, null, 2), byte for byte', () => {
  const values: unknown[] = [
    null,
    true,
    'just a string',
    42,
    Number.NaN,
    [],
    {},
    HOSTILE,
    NUMBERS,
    Object.fromEntries(HOSTILE.map((s, i) => [s, NUMBERS[i]])),
    { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t')] },
    { when: new Date(Date.UTC(2026, 2, 2)), dates: Array.from({ length: 40 }, (_, i) => new Date(i * 1e11)) },
    { custom: { toJSON: (key: string) => `key was ${key}` } },
    // A long array whose elements' toJSON sees its index (not its place in a slice).
    { indexed: Array.from({ length: 300 }, (_, i) => ({ toJSON: (key: string) => `${key}/${i}` })) },
    // Sparse (holes are null), boxed primitives, a typed array (an object of its indices).
    {
      sparse: new Array(3).fill(1, 0, 1),
      boxed: [new Number(3), new String('s'), new Boolean(false)],
      typed: new Float32Array([1.5, 2]),
    },
    // Long arrays (sliced), deep objects (past the depth opened), records in long arrays.
    { servers: Array.from({ length: 1000 }, (_, i) => record(i)), short: [record(1), record(2)] },
    [[[[[[Array.from({ length: 600 }, (_, i) => [i, { k: HOSTILE[i % HOSTILE.length] }])]]]]]],
    Array.from({ length: 17 }, (_, i) => (i % 2 ? undefined : i)),
  ];
  for (const v of values) assert.equal(joined(v), JSON.stringify(v, null, 2));
  assert.equal(joined(undefined), undefined);
  assert.throws(() => joined({ big: [1n] }), TypeError);
});

test('a large value comes in chunks under 64 K characters (small objects for V8), never as one string', () => {
  const big = { servers: Array.from({ length: 20_000 }, (_, i) => record(i)) };
  const parts = [...jsonChunks(big)];
  const expected = JSON.stringify(big, null, 2);
  assert.equal(parts.join(''), expected);
  assert.ok(expected.length > 8 * 2 ** 20, `${expected.length} characters`);
  assert.ok(parts.length >= 256, `${parts.length} chunks`);
  assert.ok(Math.max(...parts.map((p) => p.length)) < 2 ** 16);
});

test('the worked example plan, written as chunks, is its committed bytes', async () => {
  const text = readFileSync(fileURLToPath(new URL('../../reports/aseguradora/plan.json', import.meta.url)), 'utf8');
  const plan = parsePlan(text, 'plan.json');
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-chunks-'));
  try {
    const chunks = {
      *chunks() {
        yield* jsonChunks(plan);
        yield '\n';
      },
    };
    await writeFilesAtomic(dir, [{ name: 'plan.json', data: chunks }]);
    await writeFileAtomic(path.join(dir, 'again.json'), chunks);
    assert.equal(readFileSync(path.join(dir, 'plan.json'), 'utf8'), text);
    assert.equal(readFileSync(path.join(dir, 'again.json'), 'utf8'), serialisePlan(plan));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('chunks written through the gathering buffer keep their bytes across its edges', async () => {
  // 1-, 2-, 3- and 4-byte characters in chunks of uneven lengths that fill the 1 MiB buffer
  // many times over, one chunk larger than the buffer, and a lone surrogate (written as U+FFFD,
  // as Buffer.from writes it).
  const parts: string[] = [];
  const alphabet = ['a', 'é', '€', '😀', '\n'];
  for (let i = 0; i < 3000; i++) {
    const ch = alphabet[i % alphabet.length]!;
    parts.push(ch.repeat(1 + ((i * 7919) % 997)));
  }
  parts.splice(1500, 0, '€'.repeat(400_000), '\ud800');
  const expected = Buffer.from(parts.join(''), 'utf8');
  assert.ok(expected.length > 3 * 2 ** 20, `${expected.length} bytes`);
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-chunks-'));
  try {
    const file = path.join(dir, 'out.txt');
    await writeFileAtomic(file, {
      *chunks() {
        yield* parts;
      },
    });
    assert.ok(readFileSync(file).equals(expected));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
