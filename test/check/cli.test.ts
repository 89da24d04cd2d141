import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin } from '../helpers/env.ts';
import { exampleProposalFile } from './builders.ts';

function capplan(args: string[], env: Record<string, string> = {}) {
  return spawnSync('node', [cliBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

function proposalWith(edit: (t: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-check-'));
  const file = path.join(dir, 'proposal.yaml');
  writeFileSync(file, edit(readFileSync(exampleProposalFile, 'utf8')));
  return file;
}

test('capplan check: a malformed proposal exits 2 naming file, line and field path, and prints no report', () => {
  const file = proposalWith((t) => t.replace('    nicGbps: 4', '    nicGbps: fast'));
  const r = capplan(['check', file, '--format', 'junit']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /proposal\.yaml:17: hosts\.model\.nicGbps: Invalid input: expected number/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

test('capplan check: every malformed field is listed, each with its path', () => {
  const file = proposalWith((t) =>
    t.replace('redundancy: 1', 'redundancy: -1').replace('project: aseguradora', 'project: "a b"'),
  );
  const r = capplan(['check', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /:4: project: letters, digits/);
  assert.match(r.stderr, /:\d+: cluster\.redundancy: .*>=0/);
});

test('capplan check: a missing proposal file exits 2', () => {
  const r = capplan(['check', path.join(tmpdir(), 'no-such-proposal.yaml')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no-such-proposal\.yaml: cannot read: ENOENT/);
});

test('capplan check: an unknown format is a usage error (exit 2)', () => {
  const r = capplan(['check', exampleProposalFile, '--format', 'sarif']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Choices: "human", "json", "junit", "github", "markdown"/);
});
