// What a new user hits in the first hour, each as the README or --help leads them to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

const capplan = (args: string[], cwd = repoRoot) => spawnSync('node', [cliBin, ...args], { cwd, encoding: 'utf8' });
const example = path.join(repoRoot, 'fixtures/aseguradora');

test('plan --emit-proposal FILE writes FILE relative to the working directory; bare, beside the plan', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'capplan-emit-'));
  const named = capplan(['plan', example, '--out', 'out', '--emit-proposal', 'proposal.yaml'], cwd);
  assert.equal(named.status, 0, named.stderr);
  assert.ok(existsSync(path.join(cwd, 'proposal.yaml')));
  assert.ok(!existsSync(path.join(cwd, 'out/proposal.yaml')));
  const proposal = readFileSync(path.join(cwd, 'proposal.yaml'), 'utf8');
  // Its inputs are rewritten relative to where it was written.
  assert.match(proposal, new RegExp(`inventory: ${path.relative(cwd, path.join(example, 'inventory.csv'))}`));
  const bare = capplan(['plan', example, '--out', 'out2', '--emit-proposal'], cwd);
  assert.equal(bare.status, 0, bare.stderr);
  assert.ok(existsSync(path.join(cwd, 'out2/proposal.yaml')));
});

test('ingest --utc-offset takes a negative offset as a separate argument', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'capplan-offset-'));
  const r = capplan(['ingest', path.join(example, 'inventory.csv'), '--out', 'out', '--utc-offset', '-06:00'], cwd);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(path.join(cwd, 'out/servers.csv')));
});

test('provision checks every argument before writing anything', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'capplan-prov-args-'));
  const plan = path.join(repoRoot, 'reports/aseguradora/plan.json');
  const badHost = capplan(['provision', plan, '--out', 'prov', '--host', 'nosuch'], cwd);
  assert.equal(badHost.status, 2);
  assert.match(badHost.stderr, /no host "nosuch" in the plan/);
  const badFormat = capplan(['provision', plan, '--out', 'prov', '--disk-format', 'vmdk'], cwd);
  assert.equal(badFormat.status, 2);
  const applyAlone = capplan(['provision', plan, '--out', 'prov', '--apply'], cwd);
  assert.equal(applyAlone.status, 2);
  assert.match(applyAlone.stderr, /--apply needs --connect/);
  assert.ok(!existsSync(path.join(cwd, 'prov')), 'nothing written');
});

test('provision --disk-format qcow2 overrides the plan: thin volumes for a test-driver rehearsal', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'capplan-prov-fmt-'));
  const plan = path.join(repoRoot, 'reports/aseguradora/plan.json');
  const r = capplan(['provision', plan, '--out', 'prov', '--disk-format', 'qcow2'], cwd);
  assert.equal(r.status, 0, r.stderr);
  const volumes = path.join(cwd, 'prov/rhevh1/storage/volumes');
  const files = readdirSync(volumes);
  assert.ok(files.length > 0 && files.every((f) => f.endsWith('.qcow2.xml')), files.join(', '));
  const volume = readFileSync(path.join(volumes, files[0]!), 'utf8');
  assert.match(volume, /<format type="qcow2"\/>/);
  assert.match(volume, /<allocation unit="GiB">0<\/allocation>/);
});

test('a plan in which no VM is placed exits 1 and says why on the terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-empty-'));
  cpSync(example, dir, { recursive: true });
  // Monitoring with a header and no sample: every server lacks performance data.
  writeFileSync(path.join(dir, 'monitoring.csv'), 'timestamp,server,cpu_pct,memory_used_mb\n');
  const r = capplan(['plan', dir, '--out', path.join(dir, 'out')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /nothing to plan: 0 of 10 servers could be placed \(10 missing-performance-data\)/);
});
