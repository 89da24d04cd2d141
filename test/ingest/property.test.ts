// Property tests of the readers: random truncation, random bytes and
// wrong delimiters never crash — every outcome is a result (with findings) or an InputError /
// ConfigError located in the file. Seeded, so a failure is reproducible from its seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { parseInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import { parseCatalog } from '../../src/domain/catalog.ts';
import { ConfigError, InputError } from '../../src/domain/errors.ts';

const SEED = 20100322;
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const dir = mkdtempSync(path.join(tmpdir(), 'capplan-prop-'));
const fixtures = path.join(import.meta.dirname, 'fixtures');
const MONITORING = [
  'foundation/monitoring.csv',
  'monitoring/perfmon-utf16.csv',
  'monitoring/perfmon-cp1252.csv',
  'monitoring/typeperf-stdout.csv',
  'monitoring/sadf-decimal-comma.txt',
  'ingest-basic/monitoring.csv',
];

/** Reads `bytes` as a monitoring file; returns 'ok' or 'error', failing on anything unlocated. */
async function outcome(bytes: Uint8Array, name: string, format?: 'long'): Promise<'ok' | 'error'> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  try {
    const r = await readMonitoring([file], { percentiles: [], ...(format ? { format } : {}) });
    for (const s of r.servers)
      assert.ok(s.samples > 0 && Number.isFinite(Date.parse(s.firstTimestamp)), `${name}: bad summary`);
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof InputError, `${name}: ${err instanceof Error ? err.stack : String(err)}`);
    assert.equal(err.location?.file, file, `${name}: error not located in the file: ${err.message}`);
    return 'error';
  }
}

test(`monitoring readers: random truncation never crashes (seed ${SEED})`, async () => {
  const rand = rng(SEED);
  const seen = { ok: 0, error: 0 };
  for (const rel of MONITORING) {
    const bytes = readFileSync(path.join(fixtures, rel));
    for (let k = 0; k < 15; k++) {
      const cut = Math.floor(rand() * bytes.length);
      seen[await outcome(bytes.subarray(0, cut), `trunc-${k}-${path.basename(rel)}`)]++;
    }
  }
  assert.ok(seen.ok > 0 && seen.error > 0, JSON.stringify(seen));
});

test(`monitoring readers: random bytes and random byte flips never crash (seed ${SEED})`, async () => {
  const rand = rng(SEED + 1);
  for (let k = 0; k < 30; k++) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 400) }, () => Math.floor(rand() * 256));
    await outcome(bytes, `random-${k}.csv`);
    await outcome(bytes, `random-long-${k}.csv`, 'long');
  }
  for (const rel of MONITORING) {
    const base = readFileSync(path.join(fixtures, rel));
    for (let k = 0; k < 10; k++) {
      const bytes = Uint8Array.from(base);
      for (let f = 0; f < 3; f++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      await outcome(bytes, `flip-${k}-${path.basename(rel)}`);
    }
  }
});

test('monitoring readers: a tab, ; or | delimited long CSV reads as its comma original', async () => {
  const text = readFileSync(path.join(fixtures, 'foundation/monitoring.csv'), 'utf8');
  const original = path.join(dir, 'delim-comma.csv');
  writeFileSync(original, text);
  const want = (await readMonitoring([original], { percentiles: [] })).servers;
  for (const [name, sep] of [
    ['tab', '\t'],
    ['semicolon', ';'],
    ['pipe', '|'],
  ] as const) {
    const f = path.join(dir, `delim-${name}.csv`);
    writeFileSync(f, text.replaceAll(',', sep));
    assert.deepEqual((await readMonitoring([f], { percentiles: [] })).servers, want, name);
    assert.deepEqual((await readMonitoring([f], { percentiles: [], format: 'long' })).servers, want, name);
  }
});

test(
  `inventory CSV: truncation, byte flips and wrong delimiters give a result or a located InputError ` +
    `(seed ${SEED})`,
  () => {
    const rand = rng(SEED + 2);
    const text = readFileSync(path.join(fixtures, 'ingest-basic/inventory.csv'), 'utf8');
    const variants = [text.replaceAll(',', ';'), text.replaceAll(',', '\t')];
    for (let k = 0; k < 60; k++) {
      const chars = [...text.slice(0, Math.floor(rand() * text.length))];
      if (k % 2)
        for (let f = 0; f < 2 && chars.length; f++)
          chars[Math.floor(rand() * chars.length)] = String.fromCharCode(Math.floor(rand() * 128));
      variants.push(chars.join(''));
    }
    for (const v of variants) {
      try {
        parseInventoryCsv(v, 'inv.csv');
      } catch (err) {
        assert.ok(
          err instanceof InputError && err.location?.file === 'inv.csv' && err.location.row !== undefined,
          `${JSON.stringify(v)} → ${String(err)}`,
        );
      }
    }
  },
);

test(`catalog YAML: truncation gives a catalog or a ConfigError with a line (seed ${SEED})`, () => {
  const rand = rng(SEED + 3);
  const text = readFileSync(path.join(fixtures, 'foundation/catalog.yaml'), 'utf8');
  for (let k = 0; k < 60; k++) {
    const v = text.slice(0, Math.floor(rand() * text.length));
    try {
      parseCatalog(v, 'cat.yaml');
    } catch (err) {
      assert.ok(err instanceof ConfigError, `${JSON.stringify(v)} → ${String(err)}`);
      assert.match(err.message, /^cat\.yaml(:\d+)?: /);
    }
  }
});
