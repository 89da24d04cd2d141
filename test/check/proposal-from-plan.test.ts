import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateProposal } from '../../src/check/evaluate.ts';
import { parseProposal } from '../../src/check/load-proposal.ts';
import { proposalFromPlan } from '../../src/check/proposal-from-plan.ts';
import { currentFromBaseline, fixtureDir } from './builders.ts';
import { examplePlan } from './plan-fixture.ts';

const opts = { projectDir: '/repo/fixtures/aseguradora', proposalDir: '/repo/proposals' };

test('proposalFromPlan writes the golden proposal of the worked example', () => {
  const text = proposalFromPlan(examplePlan(), opts);
  const file = path.join(fixtureDir, '../golden/from-plan.proposal.yaml');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  assert.equal(text, readFileSync(file, 'utf8'));
});

test('the emitted proposal loads, keeps every figure, and holds against unchanged data', () => {
  const plan = examplePlan();
  const loaded = parseProposal(proposalFromPlan(plan, opts), '/repo/proposals/proposal.yaml');
  const { proposal } = loaded;
  assert.equal(proposal.inputs.inventory, '../fixtures/aseguradora/inventory.csv');
  assert.deepEqual(loaded.hostNames, ['host1', 'host2']);
  const { derivation: _d, ...model } = plan.hostModel;
  assert.deepEqual(proposal.hosts.model, model);
  assert.equal(proposal.vms.length, 10);
  assert.deepEqual(
    proposal.vms.find((v) => v.name === 'web'),
    { name: 'web', host: 'host1', vcpu: 2, memoryGb: 3, diskGb: 50, networkMBps: 1059.72 },
  );
  assert.deepEqual(proposal.sizing, plan.settings.sizing);
  assert.equal(proposal.cluster.redundancy, 1);
  // One line per VM entry, so annotations land on the VM's own line.
  const lines = proposalFromPlan(plan, opts).split('\n');
  assert.match(lines[loaded.lines.vm.web! - 1]!, /^ {2}- \{ name: web, host: host1,/);
  const report = evaluateProposal({
    file: 'p',
    proposal,
    hostNames: loaded.hostNames,
    current: currentFromBaseline(loaded),
  });
  assert.equal(report.holds, true);
});

test('excluded VMs keep their reason code and get no host', () => {
  const plan = examplePlan();
  plan.vms[3] = {
    ...plan.vms[3]!,
    host: null,
    status: 'excluded',
    reasons: [{ code: 'special-hardware', message: 'USB dongle' }],
  };
  const { proposal } = parseProposal(proposalFromPlan(plan, opts), 'p.yaml');
  assert.deepEqual(
    proposal.vms.find((v) => v.name === 'archivos'),
    { name: 'archivos', excluded: 'special-hardware', vcpu: 1, memoryGb: 1, diskGb: 75, networkMBps: 359.29 },
  );
});
