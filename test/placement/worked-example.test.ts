import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPlacement, simulateFailures, solvePlacement } from '../../src/placement/index.ts';
import { workedExample } from './builders.ts';

test('worked example: 2 hosts, each within 12 vCPU, every single failure survivable', async () => {
  const p = workedExample();
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 2);
  assert.deepEqual(r.unplaced, []);
  const demand = new Map(p.vms.map((v) => [v.name, v.demand]));
  for (const h of r.hosts) {
    assert.ok(h.vms.length > 0, `${h.name} is used`);
    const vcpu = h.vms.reduce((s, v) => s + demand.get(v)!.vcpu!, 0);
    assert.ok(vcpu <= 12, `${h.name} carries ${vcpu} vCPU`);
  }
  const scenarios = simulateFailures(p, r);
  assert.equal(scenarios.length, 2);
  for (const s of scenarios) {
    assert.equal(s.satisfied, true);
    assert.equal(s.load.length, 1);
    assert.equal(s.load[0]!.vcpu, 16);
    assert.equal(s.load[0]!.memoryGb, 31);
    assert.equal(s.load[0]!.cpuPct, 100);
  }
  assert.deepEqual(verifyPlacement(p, r), []);
});

test('worked example: balance spreads 8 + 8 vCPU and is proved optimal by the fractional bound', async () => {
  const p = workedExample();
  const r = await solvePlacement(p);
  const demand = new Map(p.vms.map((v) => [v.name, v.demand]));
  const vcpu = r.hosts.map((h) => h.vms.reduce((s, v) => s + demand.get(v)!.vcpu!, 0));
  assert.deepEqual(vcpu, [8, 8]);
  assert.equal(r.optimal, true);
});

test('worked example without a fixed count: the optimiser chooses 2 hosts', async () => {
  const p = workedExample({ hostCount: undefined });
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 2);
  assert.equal(r.lowerBound, 2);
  assert.deepEqual(verifyPlacement(p, r), []);
});

test('worked example with restarts capped at 90 %: a third host is needed', async () => {
  const p = workedExample({ hostCount: undefined, failoverCeilingPct: 90 });
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 3);
  assert.deepEqual(verifyPlacement(p, r), []);
});
