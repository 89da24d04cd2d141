import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

test('capplan --help lists the plan command', () => {
  const out = execFileSync('node', [cliBin, '--help'], { encoding: 'utf8' });
  assert.match(out, /capplan plan <project>/);
});

test('an unknown command exits 2 with a usage message', () => {
  const r = spawnSync('node', [cliBin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Unknown argument|frobnicate/);
});

test('capplan --version prints the version of package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(execFileSync('node', [cliBin, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
});

test('the shipped CLI is compiled JavaScript: package.json bin points into dist/, tsx is for development', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    scripts: Record<string, string>;
  };
  assert.equal(pkg.bin.capplan, 'dist/cli/bin.js');
  assert.ok(!('tsx' in pkg.dependencies) && 'tsx' in pkg.devDependencies);
  assert.match(pkg.scripts.prepare ?? '', /npm run build/);
  assert.ok(!readFileSync(cliBin, 'utf8').includes('tsx'), 'dist/cli/bin.js loads no TypeScript at run time');
});
