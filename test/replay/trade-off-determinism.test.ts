// Same input, byte-identical output (method §14.5): the trade-off rows place with the seeded
// heuristics and their iteration budgets, not with a MILP that runs until the clock stops it,
// so the clock changes no row while the work fits. The worked example's plan.json with the
// default limit (10 s) is the same bytes as one written with 6 s, but for the limit itself:
// the rows' MILPs used to stop at their share of the limit and place differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

/** plan.json of the worked example, with its capplan.yaml's hash as the unchanged file's. */
function planJson(limitSeconds: number | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-det-'));
  const project = path.join(dir, 'aseguradora');
  cpSync(path.join(repoRoot, 'fixtures/aseguradora'), project, { recursive: true });
  if (limitSeconds !== null)
    appendFileSync(path.join(project, 'capplan.yaml'), `\nplacement: { timeLimitSeconds: ${limitSeconds} }\n`);
  const out = path.join(dir, 'out');
  const r = spawnSync('node', [cliBin, 'plan', project, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  return readFileSync(path.join(out, 'plan.json'), 'utf8').replace(
    hash(path.join(project, 'capplan.yaml')),
    hash(path.join(repoRoot, 'fixtures/aseguradora/capplan.yaml')),
  );
}

test('the worked example plan.json is byte-identical with a tight time limit, trade-off rows included', () => {
  const normal = planJson(null);
  const tight = planJson(6).replace('"timeLimitSeconds": 6,', '"timeLimitSeconds": 10,');
  const rows = (s: string) => JSON.stringify(JSON.parse(s).replay.tradeOff, null, 1);
  assert.equal(rows(tight), rows(normal));
  assert.equal(tight, normal);
  assert.doesNotMatch(normal, /stopped at the time limit/);
  assert.equal(JSON.parse(normal).replay.tradeOff.rows.length, 5);
});
