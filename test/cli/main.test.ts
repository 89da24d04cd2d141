import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cliBin } from '../helpers/env.ts';

test('capplan --help lists the plan command', () => {
  const out = execFileSync('node', [cliBin, '--help'], { encoding: 'utf8' });
  assert.match(out, /capplan plan <project>/);
});

test('an unknown command exits 2 with a usage message', () => {
  const r = spawnSync('node', [cliBin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Unknown argument|frobnicate/);
});
