import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/env.ts';

const read = (f: string) => parse(readFileSync(path.join(repoRoot, 'docs/ci', f), 'utf8'));

test('the GitHub Actions workflow runs capplan check with annotations', () => {
  const wf = read('capplan-check.github.yml');
  const runs = wf.jobs.check.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
  assert.match(runs, /capplan check "\$proposal" --format github/);
  assert.match(runs, /--format junit --out/);
});

test('the GitLab CI job publishes the JUnit report', () => {
  const job = read('capplan-check.gitlab-ci.yml')['capplan-check'];
  assert.match(job.script.join('\n'), /capplan check "\$proposal" --format junit --out "reports\/\$name\.xml"/);
  assert.equal(job.artifacts.reports.junit, 'reports/*.xml');
});
