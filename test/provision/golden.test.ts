// Golden files: every file `capplan provision` writes for the worked example, from the plan
// `capplan plan fixtures/aseguradora` computes. UPDATE_GOLDEN=1 npm test rewrites them;
// review the diff before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePlan } from '../../src/domain/plan.ts';
import { buildProvision } from '../../src/provision/build-provision.ts';
import { repoRoot, cliBin } from '../helpers/env.ts';
import { build, examplePlan } from './fixtures/provision-fixtures.ts';

function pipelineOutput() {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-plan-'));
  execFileSync('node', [cliBin, 'plan', path.join(repoRoot, 'fixtures/aseguradora'), '--out', out], {
    stdio: 'ignore',
  });
  const bytes = readFileSync(path.join(out, 'plan.json'));
  const plan = parsePlan(bytes.toString('utf8'), 'plan.json');
  return buildProvision(plan, { planFile: 'plan.json', planDigest: createHash('sha256').update(bytes).digest('hex') });
}

const goldenDir = path.join(repoRoot, 'test/provision/golden/aseguradora');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

test('the worked example (capplan plan fixtures/aseguradora) renders exactly the golden files', () => {
  const files = pipelineOutput().files;
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
