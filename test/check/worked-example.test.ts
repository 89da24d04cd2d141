// `capplan check` on the worked example (method §2, docs/check.md; fixtures/aseguradora), end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkProposal } from '../../src/check/check-proposal.ts';
import { loadProposal, parseProposal } from '../../src/check/load-proposal.ts';
import { proposalFromPlan } from '../../src/check/proposal-from-plan.ts';
import { loadProject } from '../../src/domain/project.ts';
import { readInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { repoRoot, cliBin } from '../helpers/env.ts';
import { exampleProposalFile } from './builders.ts';

const projectDir = path.join(repoRoot, 'fixtures/aseguradora');

function capplan(args: string[], env: Record<string, string> = {}) {
  return spawnSync('node', [cliBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env },
  });
}

/** The example proposal, edited, in the fixture folder's place (so its input paths resolve). */
function editedProposal(edit: (t: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-check-'));
  const file = path.join(dir, 'proposal.yaml');
  const text = readFileSync(exampleProposalFile, 'utf8').replace(
    /\.\.\/\.\.\/\.\.\/\.\.\/fixtures\/aseguradora/g,
    projectDir,
  );
  writeFileSync(file, edit(text));
  return file;
}

test('the worked example proposal passes: exit 0', () => {
  const r = capplan(['check', exampleProposalFile]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /The proposal holds: 2 hosts, N\+1/);
});

test('the proposal emitted from the worked example plan holds against the same data, with no drift', async () => {
  const project = await loadProject(projectDir);
  const servers = await readInventoryCsv(project.inventoryFile!);
  const monitoring = await readMonitoring(project.monitoringFiles, { percentiles: [] });
  const plan = await assemblePlan({
    settings: project.settings,
    servers,
    usage: new Map(monitoring.servers.map((u) => [u.server, u])),
    catalog: null,
    inputFiles: [],
  });
  const file = path.join(projectDir, 'proposal.yaml');
  const loaded = parseProposal(proposalFromPlan(plan, { projectDir, proposalDir: projectDir }), file);
  const report = await checkProposal(loaded);
  assert.equal(report.holds, true, JSON.stringify(report.violations));
  assert.deepEqual(
    report.hosts.map((h) => h.name),
    ['rhevh1', 'rhevh2'],
  );
  assert.ok(report.vms.every((v) => v.status === 'placed' && v.drift.length === 0));
  assert.deepEqual(
    report.scenarios.map((s) => [s.id, s.satisfied]),
    [
      ['rhevh1 fails', true],
      ['rhevh2 fails', true],
    ],
  );
});

test(
  'raising memory growth to 70 %: exit 1 naming the failure scenario, the host, the resource and the ' + 'shortfall',
  () => {
    const file = editedProposal((t) => t.replace('growth: { cpu: 0, memory: 0.5', 'growth: { cpu: 0, memory: 0.7'));
    const r = capplan(['check', file, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.holds, false);
    // Ten VMs need 37 GB at +70 %; a survivor carries 32 GB − 512 MB = 31.5 GB.
    const v = report.violations.find((x: { scenario?: string }) => x.scenario === 'host1 fails');
    assert.deepEqual(
      [v.kind, v.host, v.resource, v.required, v.available, v.shortfall],
      ['failover', 'host2', 'memoryGb', 37, 31.5, 5.5],
    );
    const human = capplan(['check', file]);
    assert.equal(human.status, 1);
    assert.match(human.stdout, /if host1 fails, host2 must carry 37 GB of memory but has 31\.5 GB: short by 5\.5 GB/);
  },
);

test("newer monitoring in which one VM's CPU doubles reports that VM's drift (and only its)", async () => {
  const rows = readFileSync(path.join(projectDir, 'monitoring.csv'), 'utf8').trimEnd().split('\n');
  const twoWeeksMs = 14 * 24 * 3600 * 1000;
  const newer = [rows[0]!];
  for (const row of rows.slice(1)) {
    const cells = row.split(',');
    if (cells[1] !== 'Servidor Base de datos') continue;
    cells[0] = new Date(Date.parse(cells[0]!) + twoWeeksMs).toISOString().replace('.000Z', 'Z');
    cells[2] = (Number(cells[2]) * 2).toFixed(2);
    newer.push(cells.join(','));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-mon-'));
  const newerFile = path.join(dir, 'monitoring-newer.csv');
  writeFileSync(newerFile, `${newer.join('\n')}\n`);
  const report = await checkProposal(await loadProposal(exampleProposalFile), { monitoringFiles: [newerFile] });
  const drifted = report.vms.filter((v) => v.drift.length);
  assert.deepEqual(
    drifted.map((v) => v.name),
    ['base-datos'],
  );
  // Average CPU over both windows: 1.5 × 39.84 % of 4 cores → ⌈2.39⌉ = 3 vCPU (was 2).
  assert.deepEqual(
    drifted[0]!.drift.filter((d) => d.resource === 'vcpu'),
    [{ resource: 'vcpu', baseline: 2, current: 3, delta: 1, deltaPct: 50 }],
  );
  const md = capplan(['check', exampleProposalFile, '--monitoring', newerFile, '--format', 'markdown']);
  assert.match(md.stdout, /\| base-datos \| host1 \| CPU 2 vCPU → 3 vCPU: \+1 vCPU \(\+50 %\)/);
});

test('--format github writes annotations to stdout and appends the summary to $GITHUB_STEP_SUMMARY', () => {
  const file = editedProposal((t) => t.replace('growth: { cpu: 0, memory: 0.5', 'growth: { cpu: 0, memory: 0.7'));
  const summary = path.join(path.dirname(file), 'summary.md');
  writeFileSync(summary, '# earlier step\n');
  const r = capplan(['check', file, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
  assert.equal(r.status, 1, r.stderr);
  assert.match(
    r.stdout,
    /^::error file=.*proposal\.yaml,line=21,title=capplan check%3A failover \(host1 fails\) memory::/m,
  );
  const text = readFileSync(summary, 'utf8');
  assert.ok(text.startsWith('# earlier step\n## ❌ capplan check: aseguradora'), text.slice(0, 80));
});
