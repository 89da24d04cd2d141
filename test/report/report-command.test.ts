import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin } from '../helpers/env.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';

function capplan(args: string[]) {
  return spawnSync('node', [cliBin, ...args], { encoding: 'utf8' });
}

function withTmp(fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-report-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('capplan report writes plan.xlsx, plan.md with its charts and plan.json', () => {
  withTmp((dir) => {
    const planFile = path.join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(aseguradoraPlan()));
    const r = capplan(['report', planFile, '--out', path.join(dir, 'out')]);
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(path.join(dir, 'out')).sort();
    assert.deepEqual(files, [
      'chart-consolidation.png',
      'chart-headroom.png',
      'chart-host-utilisation.png',
      'plan.json',
      'plan.md',
      'plan.xlsx',
    ]);
    assert.equal(readFileSync(path.join(dir, 'out/plan.md'), 'utf8'), renderMarkdown(aseguradoraPlan()).markdown);
    assert.deepEqual(
      JSON.parse(readFileSync(path.join(dir, 'out/plan.json'), 'utf8')),
      JSON.parse(JSON.stringify(aseguradoraPlan())),
    );
  });
});

test('--format md writes only the Markdown and its charts, beside the plan by default', () => {
  withTmp((dir) => {
    const planFile = path.join(dir, 'plan.json');
    const original = JSON.stringify(aseguradoraPlan());
    writeFileSync(planFile, original);
    const r = capplan(['report', planFile, '--format', 'md,json']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(path.join(dir, 'plan.md')));
    assert.ok(!existsSync(path.join(dir, 'plan.xlsx')));
    assert.equal(readFileSync(planFile, 'utf8'), original, 'the plan read is not rewritten');
  });
});

test('a broken plan or an unknown format exits 2 with the file named, writing nothing', () => {
  withTmp((dir) => {
    const planFile = path.join(dir, 'plan.json');
    writeFileSync(planFile, '{"formatVersion": 1, "vms": [');
    const r = capplan(['report', planFile, '--out', path.join(dir, 'out')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /plan\.json:\d+: \(root\): not valid JSON/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    assert.ok(!existsSync(path.join(dir, 'out')));
    writeFileSync(planFile, JSON.stringify({ ...aseguradoraPlan(), formatVersion: 99 }));
    assert.match(capplan(['report', planFile]).stderr, /formatVersion 99 is newer than this capplan understands/);
    writeFileSync(planFile, JSON.stringify(aseguradoraPlan()));
    const bad = capplan(['report', planFile, '--format', 'pdf']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format: expected a comma-separated list of xlsx, md, json; got "pdf"/);
  });
});
