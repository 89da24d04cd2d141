import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProposal } from '../../src/check/evaluate.ts';
import { currentFromBaseline, currentVm, exampleProposal } from './builders.ts';

const run = (p = exampleProposal(), current = currentFromBaseline(p)) =>
  evaluateProposal({ file: 'proposal.yaml', proposal: p.proposal, hostNames: p.hostNames, current });

test('the worked example holds: loads, headroom, N+1 with one host carrying all ten VMs', () => {
  const r = run();
  assert.equal(r.holds, true);
  assert.deepEqual(r.violations, []);
  assert.equal(r.policy, 'N+1');
  const host1 = r.hosts.find((h) => h.name === 'host1')!;
  // host1: nomina, web, base-datos, archivos, vpn = 8 vCPU, 13 GB; capacity 16 vCPU (8 cores × 2),
  // 31.5 GB (32 GB − 512 MB); CPU ceiling 75 % → 12 vCPU.
  assert.deepEqual(host1.resources, [
    { resource: 'vcpu', load: 8, available: 12, capacity: 16, ceilingPct: 75, headroom: 4, usedPct: 50 },
    {
      resource: 'memoryGb',
      load: 13,
      available: 31.5,
      capacity: 31.5,
      ceilingPct: 100,
      headroom: 18.5,
      usedPct: 41.27,
    },
  ]);
  assert.deepEqual(
    r.scenarios.map((s) => [s.id, s.satisfied, s.hosts.map((h) => h.vms.length)]),
    [
      ['host1 fails', true, [10]],
      ['host2 fails', true, [10]],
    ],
  );
  const after = r.scenarios[0]!.hosts[0]!.resources;
  assert.deepEqual(
    after.map((x) => [x.resource, x.load, x.available, x.headroom]),
    [
      ['vcpu', 16, 16, 0],
      ['memoryGb', 31, 31.5, 0.5],
    ],
  );
  assert.ok(r.vms.every((v) => v.status === 'placed' && v.drift.length === 0));
});

test('more memory than a survivor holds: the failover violation names scenario, host, resource, shortfall', () => {
  const p = exampleProposal();
  // nomina and negocio-1 grow by 1 GB each: 33 GB must fit 31.5 GB after a failure.
  const r = run(p, currentFromBaseline(p, { nomina: { memoryGb: 5 }, 'negocio-1': { memoryGb: 5 } }));
  assert.equal(r.holds, false);
  const v = r.violations.filter((x) => x.kind === 'failover');
  assert.deepEqual(
    v.map((x) => [x.scenario, x.host, x.resource, x.required, x.available, x.shortfall]),
    [
      ['host1 fails', 'host2', 'memoryGb', 33, 31.5, 1.5],
      ['host2 fails', 'host1', 'memoryGb', 33, 31.5, 1.5],
    ],
  );
  assert.match(v[0]!.message, /if host1 fails, host2 must carry 33 GB of memory but has 31\.5 GB: short by 1\.5 GB/);
  const nomina = r.vms.find((x) => x.name === 'nomina')!;
  assert.deepEqual(nomina.drift, [{ resource: 'memoryGb', baseline: 4, current: 5, delta: 1, deltaPct: 25 }]);
});

test('restarts follow HA priority: the low-priority VM is the one left out', () => {
  const p = exampleProposal();
  const r = run(
    p,
    currentFromBaseline(p, {
      nomina: { memoryGb: 5, haPriority: 'high' },
      'negocio-1': { memoryGb: 5 },
      vpn: { haPriority: 'low' },
    }),
  );
  const s = r.scenarios.find((x) => x.id === 'host1 fails')!;
  assert.equal(s.restarts[0]!.vm, 'nomina');
  assert.deepEqual(s.restarts.at(-1), { vm: 'vpn', from: 'host1', to: null, haPriority: 'low' });
});

test('a host over its CPU ceiling in normal operation is a host-capacity violation', () => {
  const p = exampleProposal();
  // host1: 8 vCPU + 2 + 3 = 13 vCPU against 16 × 75 % = 12.
  const r = run(p, currentFromBaseline(p, { nomina: { vcpu: 4 }, web: { vcpu: 5 } }));
  const v = r.violations.find((x) => x.kind === 'host-capacity')!;
  assert.deepEqual([v.host, v.resource, v.required, v.available, v.shortfall], ['host1', 'vcpu', 13, 12, 1]);
  assert.match(v.message, /host1 carries 13 vCPU of CPU, above its 12 vCPU \(16 × 75 % ceiling\): short by 1 vCPU/);
});

test('hypervisor limits per VM: vCPU, 32-bit memory, vNICs, host threads', () => {
  const p = exampleProposal((t) => t.replace('hypervisor:\n', 'hypervisor:\n  maxVcpuPerVm: 2\n'));
  const r = run(p, currentFromBaseline(p, { vpn: { vcpu: 3, nics: 9 }, web: { osBits: 32, memoryGb: 5 } }));
  const v = r.violations.filter((x) => x.kind === 'vm-limit');
  assert.deepEqual(
    v.map((x) => [x.vm, x.host, x.resource, x.required, x.available, x.shortfall]),
    [
      ['vpn', 'host1', 'vcpu', 3, 2, 1],
      ['vpn', 'host1', 'nics', 9, 8, 1],
      ['web', 'host1', 'memoryGb', 5, 4, 1],
    ],
  );
});

test('a placed VM the current sizing excludes is a violation with its reason', () => {
  const p = exampleProposal();
  const reasons = [{ code: 'source-utilisation-above-threshold' as const, message: 'CPU 91 % above 85 %' }];
  const r = run(p, currentFromBaseline(p, { intranet: { excluded: true, reasons } }));
  const v = r.violations.find((x) => x.kind === 'excluded')!;
  assert.deepEqual([v.vm, v.host, v.resource], ['intranet', 'host2', 'source-utilisation-above-threshold']);
  assert.match(v.message, /intranet runs on host2 in the proposal but is now excluded: CPU 91 %/);
  assert.equal(r.vms.find((x) => x.name === 'intranet')!.status, 'excluded');
});

test('a new VM is placed by the check on the freest host; one that fits nowhere is unplaced', () => {
  const p = exampleProposal();
  // vpn (1 vCPU, 1 GB) is gone from the inventory; correo (1 vCPU, 1 GB) is new.
  const today = currentFromBaseline(p).filter((v) => v.name !== 'vpn');
  const ok = run(p, [...today, currentVm('correo', { vcpu: 1, memoryGb: 1 })]);
  assert.equal(ok.holds, true);
  const correo = ok.vms.find((v) => v.name === 'correo')!;
  assert.deepEqual([correo.status, correo.host, correo.baseline], ['added', 'host1', null]);
  assert.ok(ok.notes.includes('correo is new since the proposal: the check placed it on host1'));
  const big = run(p, [...today, currentVm('correo', { vcpu: 1, memoryGb: 20 })]);
  const v = big.violations.find((x) => x.kind === 'unplaced')!;
  assert.deepEqual(
    [v.vm, v.host, v.resource, v.required, v.available, v.shortfall],
    ['correo', 'host1', 'memoryGb', 32, 31.5, 0.5],
  );
});

test('a VM gone from the inventory is noted, not a violation', () => {
  const p = exampleProposal();
  const r = run(
    p,
    currentFromBaseline(p).filter((v) => v.name !== 'vpn'),
  );
  assert.equal(r.holds, true);
  assert.equal(r.vms.find((v) => v.name === 'vpn')!.status, 'gone');
});

test('drift per resource: absolute and %, only what changed', () => {
  const p = exampleProposal();
  const r = run(p, currentFromBaseline(p, { 'base-datos': { vcpu: 4, networkMBps: 700.5 } }));
  assert.deepEqual(r.vms.find((v) => v.name === 'base-datos')!.drift, [
    { resource: 'vcpu', baseline: 2, current: 4, delta: 2, deltaPct: 100 },
    { resource: 'networkMBps', baseline: 651.27, current: 700.5, delta: 49.23, deltaPct: 7.56 },
  ]);
});

test('N+k with no more hosts than k cannot hold', () => {
  const p = exampleProposal((t) => t.replace('redundancy: 1', 'redundancy: 2'));
  const v = run(p).violations.find((x) => x.kind === 'failover')!;
  assert.deepEqual([v.resource, v.required, v.available, v.shortfall], ['hosts', 3, 2, 1]);
});

test('the report does not depend on the order of the current VMs', () => {
  const p = exampleProposal();
  const cur = currentFromBaseline(p, { nomina: { memoryGb: 5 } });
  assert.deepEqual(run(p, [...cur].reverse()), run(p, cur));
});
