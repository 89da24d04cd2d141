// `capplan ingest` end to end: the three outputs against golden files (UPDATE_GOLDEN=1 rewrites
// them), exit codes, and nothing written on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, cliBin } from '../helpers/env.ts';

const golden = path.join(import.meta.dirname, 'golden/ingest-basic');
const scenario = 'test/ingest/fixtures/ingest-basic';

function capplan(...args: string[]) {
  return spawnSync('node', [cliBin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
}

test('capplan ingest: inventory + long monitoring → servers.csv, metrics-summary.csv, data-quality.md (golden)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-ingest-'));
  const r = capplan(
    'ingest',
    `${scenario}/inventory.csv`,
    `${scenario}/monitoring.csv`,
    '--out',
    out,
    '--percentiles',
    '90',
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /monitoring\.csv: long \(monitoring\), 3 server\(s\), 115 samples, 2010-03-30T00:00:00Z → 2010-04-01T23:00:00Z/,
  );
  assert.match(r.stdout, /inventory\.csv: inventory \(inventory\), 3 server\(s\)/);
  for (const name of ['servers.csv', 'metrics-summary.csv', 'data-quality.md']) {
    const actual = readFileSync(path.join(out, name), 'utf8');
    const expected = path.join(golden, name);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expected)) {
      mkdirSync(golden, { recursive: true });
      writeFileSync(expected, actual);
    }
    assert.equal(
      actual,
      readFileSync(expected, 'utf8'),
      `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
    );
  }
});

test('capplan ingest: servers.csv is a valid inventory again (formula guard round trip)', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-ingest-'));
  assert.equal(capplan('ingest', `${scenario}/inventory.csv`, '--out', out).status, 0);
  const { readInventoryCsv } = await import('../../src/ingest/inventory-csv.ts');
  const servers = await readInventoryCsv(path.join(out, 'servers.csv'));
  assert.deepEqual(
    servers.map((s) => s.name),
    ['web', 'db', '=HYPERLINK("http://x")'],
  );
  assert.ok(readFileSync(path.join(out, 'servers.csv'), 'utf8').includes(`"'=HYPERLINK(""http://x"")"`));
});

test('capplan ingest: a malformed file exits 2 with file:row:column and writes nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-ingest-bad-'));
  const bad = path.join(dir, 'm.csv');
  writeFileSync(bad, 'timestamp,server,cpu_pct\n2010-03-22T00:00:00Z,a,12%\n');
  const out = path.join(dir, 'out');
  const r = capplan('ingest', bad, '--out', out);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `capplan: ${bad}:2:cpu_pct: expected a number, got "12%"\n`);
  assert.equal(existsSync(out), false);
});

test('capplan ingest: unknown --format and a missing input are usage errors (exit 2)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-ingest-'));
  assert.equal(capplan('ingest', `${scenario}/inventory.csv`, '--out', out, '--format', 'xls').status, 2);
  const p = capplan('ingest', `${scenario}/monitoring.csv`, '--out', out, '--percentiles', '150');
  assert.equal(p.status, 2);
  assert.equal(p.stderr, 'capplan: (command line): --percentiles: expected numbers within 0–100, got 150\n');
  assert.equal(capplan('ingest', `${scenario}/monitoring.csv`, '--out', out, '--utc-offset', 'EST').status, 2);
  const r = capplan('ingest', 'no/such/file.csv', '--out', out);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'capplan: no/such/file.csv: no such file or folder\n');
});
