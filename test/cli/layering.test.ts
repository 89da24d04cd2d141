// The layering rules (.ci/dependency-cruiser.cjs, run by `npm run lint`): they hold on src/,
// and they do fail on an upward import and on a cycle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/env.ts';

const depcruise = path.join(repoRoot, 'node_modules/.bin/depcruise');
const config = path.join(repoRoot, '.ci/dependency-cruiser.cjs');

test('src/ has no import cycle and no import from a higher layer', () => {
  const r = spawnSync(depcruise, ['--config', config, 'src'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('an upward import and a cycle are reported, each by its rule', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-layers-'));
  copyFileSync(path.join(repoRoot, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  const file = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  file('src/cli/bin.ts', "import './../plan/b.ts';\n");
  file('src/domain/a.ts', "import { b } from '../plan/b.ts';\nexport const a = b;\n");
  file('src/plan/b.ts', "import { a } from '../domain/a.ts';\nexport const b = 1;\nexport const c = a;\n");
  const r = spawnSync(depcruise, ['--config', config, 'src'], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /error domain-imports-only-below: src\/domain\/a\.ts → src\/plan\/b\.ts/);
  assert.match(r.stdout, /error no-circular: src\/domain\/a\.ts →/);
});
