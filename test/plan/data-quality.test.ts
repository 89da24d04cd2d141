// Data quality flows into the plan (method §9): a server without monitoring data, or with
// too little, is *Unplaced: Missing Performance Data* with its numbers, never silently sized;
// the verdict and the findings are in plan.json and plan.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { repoRoot } from '../helpers/env.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-dq-'));
cpSync(path.join(repoRoot, 'fixtures/aseguradora'), dir, { recursive: true });
const monitoring = readFileSync(path.join(dir, 'monitoring.csv'), 'utf8').split('\n');
let kept = 0;
const edited = monitoring.filter((line) => {
  if (line.includes(',Servidor VPN,')) return false; // no data at all
  if (line.includes(',Servidor Intranet,')) return ++kept <= 3; // three samples only
  return true;
});
// Plus monitoring rows for a server the inventory does not know.
edited.splice(1, 0, '2010-03-22T00:00:00Z,Servidor Fantasma,10,100,1,1,1');
writeFileSync(path.join(dir, 'monitoring.csv'), edited.join('\n'));
writeFileSync(
  path.join(dir, 'capplan.yaml'),
  readFileSync(path.join(dir, 'capplan.yaml'), 'utf8').replace(
    'utilisationThresholdPct: 85',
    'utilisationThresholdPct: 85\n  minSamples: 100',
  ),
);

const { inputs } = await readProjectInputs(dir);
const plan = await assemblePlan(inputs);

test('a server without monitoring data is excluded as missing performance data', () => {
  const vpn = plan.vms.find((v) => v.name === 'vpn')!;
  assert.equal(vpn.status, 'excluded');
  assert.equal(vpn.host, null);
  assert.deepEqual(
    vpn.reasons.map((r) => r.code),
    ['missing-performance-data'],
  );
  const server = plan.servers.find((s) => s.name === 'Servidor VPN')!;
  assert.equal(server.usage, null);
});

test('a server with fewer samples than sizing.minSamples is flagged, not sized', () => {
  const intranet = plan.vms.find((v) => v.name === 'intranet')!;
  assert.equal(intranet.status, 'excluded');
  const reason = intranet.reasons.find((r) => r.code === 'missing-performance-data')!;
  assert.match(reason.message, /3 monitoring samples; at least 100/);
  const q = plan.servers.find((s) => s.name === 'Servidor Intranet')!.usage!.quality!;
  assert.equal(q.sizable, false);
  assert.ok(q.score <= 20, `score ${q.score}`);
  assert.ok(q.issues.includes('too-few-samples'));
});

test('the healthy servers keep a perfect verdict and the rest of the plan holds', () => {
  const nomina = plan.servers.find((s) => s.name === 'Servidor Nómina')!.usage!.quality!;
  assert.deepEqual([nomina.score, nomina.verdict, nomina.sizable, nomina.peakCovered], [100, 'good', true, true]);
  assert.equal(plan.totals.excluded, 2);
  assert.equal(plan.totals.placed, 8);
  assert.equal(plan.redundancy.satisfied, true);
});

test('findings name the missing data and the unknown server, and plan.md lists them', () => {
  const codes = (plan.findings ?? []).map((f) => `${f.server}:${f.code}`);
  assert.ok(codes.includes('Servidor VPN:missing-performance-data'), codes.join(' '));
  assert.ok(codes.includes('Servidor Intranet:too-few-samples'), codes.join(' '));
  assert.ok(codes.includes('Servidor Fantasma:unknown-server'), codes.join(' '));
  const { markdown } = renderMarkdown(plan);
  // The worked example's report is in Spanish (report.language: es).
  assert.match(markdown, /## Calidad de los datos/);
  assert.match(markdown, /\| Servidor VPN +\| +0 \| +0 \| faltante/);
  assert.match(markdown, /unknown-server/);
});
