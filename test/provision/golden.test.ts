// Golden files: every file `capplan provision` writes for the worked example.
// UPDATE_GOLDEN=1 npm test rewrites them; review the diff before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/env.ts';
import { build, examplePlan } from './fixtures/provision-fixtures.ts';

const goldenDir = path.join(repoRoot, 'test/provision/golden/aseguradora');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

test('the worked example renders exactly the golden files', () => {
  const files = build(examplePlan()).files;
  if (update) {
    rmSync(goldenDir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(goldenDir, f.name)), { recursive: true });
      writeFileSync(path.join(goldenDir, f.name), f.data);
    }
  }
  assert.deepEqual(files.map((f) => f.name).sort(), listFiles(goldenDir).sort());
  for (const f of files) assert.equal(f.data, readFileSync(path.join(goldenDir, f.name), 'utf8'), f.name);
});

test('rendering is deterministic and independent of the plan VM order', () => {
  const a = build(examplePlan()).files;
  const shuffled = examplePlan();
  shuffled.vms.reverse();
  assert.deepEqual(build(shuffled).files, a);
});
