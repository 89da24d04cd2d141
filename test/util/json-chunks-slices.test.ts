// The chunked JSON of plan.json and `capplan place` is JSON.stringify(value, null, 2) byte for
// byte: long arrays cut at slice boundaries, values JSON leaves out, strings with newlines, nested lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonChunks } from '../../src/util/json-chunks.ts';

const vm = (i: number) =>
  i % 7 === 0
    ? undefined
    : i % 5 === 0
      ? null
      : { name: `v${i}`, host: i % 3 ? `host${i % 11}` : null, tags: ['a\nb', { deep: [i, []] }], none: undefined };

const cases: [string, unknown][] = [
  ['a number and a string', { n: 1.5, s: 'quote " and\nnewline' }],
  ['empty containers', { a: [], o: {}, nested: { a: [], o: {} } }],
  ['values JSON leaves out', { u: undefined, f: () => 1, list: [undefined, () => 2, null], d: new Date(0) }],
  ['an empty object', {}],
  ['a top-level array', [1, [2, [3]], { x: [] }]],
  ['arrays across slice boundaries', { one: Array.from({ length: 2000 }, (_, i) => vm(i)), n: 1 }],
  [
    'arrays of 2,001 and 4,500 entries',
    { a: Array.from({ length: 2001 }, (_, i) => vm(i)), b: Array.from({ length: 4500 }, (_, i) => vm(i)) },
  ],
  ['a key that needs escaping', { 'k"\\\n': Array.from({ length: 2500 }, (_, i) => i) }],
];

for (const [name, value] of cases) {
  test(`jsonChunks joined is JSON.stringify(value, null, 2): ${name}`, () => {
    const chunks = [...jsonChunks(value)];
    assert.equal(chunks.join(''), JSON.stringify(value, null, 2));
  });
}
