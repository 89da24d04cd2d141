// A malformed value in any input file: exit 2, `file:row:column: message`, nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, cliBin } from '../helpers/env.ts';

const bin = cliBin;

/** A copy of the worked example with one file edited. */
function corrupted(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bad-'));
  cpSync(path.join(repoRoot, 'fixtures/aseguradora'), dir, { recursive: true });
  const p = path.join(dir, file);
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  return dir;
}

/** Replaces the value of `column` on data line `line` (1-based, header = 1) of a CSV. */
function setCell(text: string, line: number, column: string, value: string): string {
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const i = header.indexOf(column);
  const cells = lines[line - 1]!.split(',');
  cells[i] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

const cases: { what: string; file: string; edit: (t: string) => string; message: RegExp }[] = [
  {
    what: 'inventory memory in the wrong unit',
    file: 'inventory.csv',
    edit: (t) => setCell(t, 3, 'memory_mb', '4 GB'),
    message: /inventory\.csv:3:memory_mb: /,
  },
  {
    what: 'inventory OS bits out of range',
    file: 'inventory.csv',
    edit: (t) => setCell(t, 5, 'os_bits', '16'),
    message: /inventory\.csv:5:os_bits: /,
  },
  {
    what: 'monitoring CPU that is not a number',
    file: 'monitoring.csv',
    edit: (t) => setCell(t, 100, 'cpu_pct', 'abc'),
    message: /monitoring\.csv:100:cpu_pct: /,
  },
  {
    what: 'monitoring timestamp that is not ISO-8601',
    file: 'monitoring.csv',
    edit: (t) => setCell(t, 7, 'timestamp', '31/03/2010 10:00'),
    message: /monitoring\.csv:7:timestamp: /,
  },
  {
    what: 'an unknown setting',
    file: 'capplan.yaml',
    edit: (t) => `${t.trimEnd()}\nplacment:\n  seed: 2\n`,
    message: /capplan\.yaml:\d+: placment: unknown setting/,
  },
];

for (const c of cases) {
  test(`bad input: ${c.what} → exit 2, located message, nothing written`, () => {
    const dir = corrupted(c.file, c.edit);
    const out = path.join(dir, 'out');
    const r = spawnSync('node', [bin, 'plan', dir, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, c.message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(out), false, 'no output folder');
  });
}
