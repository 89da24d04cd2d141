// Derive mode on estates of any size (docs/method.md §6.6): the host count grows until the
// derived spec fits the hypervisor's per-host limits, and every count printed is the plan's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plan } from '../../src/domain/plan.ts';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { writeBusyEstate } from '../helpers/busy-estate.ts';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { Deadline } from '../../src/placement/deadline.ts';

test('1,000 busy servers, N+1, hostCount null: plans on the lower bound count, exit 0, one count everywhere', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-estate-'));
  writeBusyEstate(dir, 1000, { timeLimitSeconds: 5 });
  const out = path.join(dir, 'out');
  const r = spawnSync('node', [cliBin, 'plan', dir, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')) as Plan;
  const hosts = plan.hosts.length;
  // Far beyond the 64 counts the search once stopped at: 2 × 32 cores per host at most.
  assert.ok(hosts > 40, `${hosts} hosts`);
  assert.equal(plan.totals.unplaced, 0);
  assert.ok(plan.totals.placed > 900, String(plan.totals.placed));
  assert.equal(plan.placement.hostsUsed, hosts);
  assert.ok(
    plan.placement.lowerBound >= hosts - 2 && plan.placement.lowerBound <= hosts,
    String(plan.placement.lowerBound),
  );
  assert.match(plan.placement.notes.join('\n'), /lower bound \d+ hosts .* gap \d+/);
  assert.match(r.stdout, new RegExp(`1000 servers → ${hosts} hosts \\(`));
  assert.match(
    readFileSync(path.join(out, 'plan.md'), 'utf8'),
    new RegExp(`\\*\\*${hosts}\\*\\* hosts after consolidation`),
  );
  assert.ok(plan.hostModel.sockets * plan.hostModel.coresPerSocket <= 64);
});

test('derive mode: a VM larger than any host the hypervisor allows is reported with numbers: no count can', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-estate-'));
  writeBusyEstate(dir, 20, { timeLimitSeconds: 2, maxHostCpus: 2 });
  const r = spawnSync('node', [cliBin, 'plan', dir, '--out', path.join(dir, 'out')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, r.stderr);
  const plan = JSON.parse(readFileSync(path.join(dir, 'out', 'plan.json'), 'utf8')) as Plan;
  assert.equal(plan.hosts.length, 0);
  assert.match(
    plan.placement.notes.join('\n'),
    /a host needs \d+ cores .* within RHEV-H 2\.2's 2 CPUs per node — even with 21 hosts, .*no host count can/,
  );
});

test('derive mode, the clock spent before placing: every VM placed, on the count the placement chose', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-estate-'));
  writeBusyEstate(dir, 300);
  const { inputs } = await readProjectInputs(dir);
  // The derived count leaves no slack; past the deadline the fixed-count attempt cannot pack
  // every whole VM, so the placement opens the hosts they need (method §6.6).
  const plan = await assemblePlan({ ...inputs, deadline: Deadline.after(0) });
  assert.equal(plan.totals.unplaced, 0);
  assert.ok(plan.totals.placed > 290, String(plan.totals.placed));
  const hosts = plan.hosts.length;
  assert.ok(hosts >= plan.placement.lowerBound, `${hosts} hosts, bound ${plan.placement.lowerBound}`);
  const count = plan.hostModel.derivationSteps?.find((s) => s.code === 'packing-count');
  assert.deepEqual(count?.params.hosts, hosts);
  assert.match(plan.hostModel.derivation.at(-1)!, new RegExp(`within the time limit: the placement chose ${hosts}$`));
  assert.equal(plan.redundancy.satisfied, true);
  // The attempts compared past the deadline are kept without their failure scenarios: the one
  // returned has them made again, one per host (N+1), every VM of the failed host restarted.
  assert.equal(plan.redundancy.scenarios.length, hosts);
  const first = plan.redundancy.scenarios[0]!;
  assert.equal(first.restarts.length, plan.hosts.find((h) => h.name === first.failedHosts[0])!.vms.length);
});
