// What `capplan place` writes, byte for byte: the result of a small problem with anti-affinity,
// affinity, HA priorities and N+1 against a golden file (written before the result was
// serialised in chunks, its solve time set to 0), through --out and through stdout alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

const problemFile = 'test/placement/fixtures/place-rules.json';
const goldenFile = path.join(repoRoot, 'test/placement/golden/place-rules.json');

/** The solve time is the one figure that differs between runs. */
const timeless = (text: string) => text.replace(/"seconds": [0-9.e+-]+/, '"seconds": 0');

test('capplan place writes the same bytes as before for a small problem, to a file and to stdout', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-place-golden-'));
  const out = path.join(dir, 'result.json');
  const toFile = spawnSync('node', [cliBin, 'place', problemFile, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(toFile.status, 0, toFile.stderr);
  const written = timeless(readFileSync(out, 'utf8'));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile, written);
  assert.equal(written, readFileSync(goldenFile, 'utf8'));
  const toStdout = spawnSync('node', [cliBin, 'place', problemFile], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(toStdout.status, 0, toStdout.stderr);
  assert.equal(timeless(toStdout.stdout), written);
});
