// Placement rules in the problem, one constraint at a time: licensed cores (table), host
// groups dedicated or not by the objective, anti-affinity on failover reported or enforced,
// and the plain explanation of an infeasible anti-affinity rule. Every result passes the verifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solvePlacement } from '../../src/placement/solve.ts';
import { simulateFailures } from '../../src/placement/failover.ts';
import { checkHostGroups, verifyPlacement } from '../../src/placement/verify.ts';
import { licensedCores } from '../../src/placement/licences.ts';
import type { PlacementProblem } from '../../src/domain/problem.ts';
import { parseProblem } from '../../src/domain/problem.ts';
import { problem, vm } from './builders.ts';

const datacenter = { per: 'core' as const, price: 400, minCoresPerHost: 16, minCoresPerSocket: 8 };

test('licensed cores: every core, at least 8 per socket and 16 per host (Windows Server Datacenter)', () => {
  const cases: [number, number, number][] = [
    [1, 4, 16], // 4 cores → the 16-core host minimum
    [2, 6, 16], // 2 × max(8, 6) = 16
    [2, 12, 24], // every core
    [4, 4, 32], // 4 sockets × the 8-core socket minimum
    [1, 16, 16],
    [2, 32, 64],
  ];
  for (const [sockets, coresPerSocket, want] of cases) {
    const model = { name: 'm', capacity: {}, cost: 0, sockets, coresPerSocket };
    assert.equal(licensedCores(model, datacenter), want, `${sockets} × ${coresPerSocket}`);
  }
  assert.equal(licensedCores(undefined, { ...datacenter, minCoresPerHost: 0, minCoresPerSocket: 0 }), 0);
});

/** 24 VMs, every third a Windows VM, on 2 × 8-core hosts carrying 32 vCPU. */
function windowsEstate(over: Partial<PlacementProblem> = {}): PlacementProblem {
  const vms = Array.from({ length: 24 }, (_, i) =>
    vm(
      `vm${String(i).padStart(2, '0')}`,
      { vcpu: 2 + (i % 5), memoryGb: 8 + (i % 7) * 2 },
      i % 3 === 0 ? { hostGroup: 'windows' } : {},
    ),
  );
  return problem({
    resources: ['vcpu', 'memoryGb'],
    hostModels: [{ name: 'm', capacity: { vcpu: 32, memoryGb: 128 }, cost: 6000, sockets: 2, coresPerSocket: 8 }],
    vms,
    redundancy: 1,
    ceilingPct: { vcpu: 75, memoryGb: 100 },
    objective: 'min-cost',
    // Budgets are iteration counts; a generous limit keeps a loaded machine from cutting them.
    timeLimitSeconds: 60,
    hostGroups: [{ name: 'windows', license: datacenter }],
    ...over,
  });
}

test('min-cost dedicates hosts to a priced host group when that is cheaper, and the verifier agrees', async () => {
  const p = windowsEstate();
  const r = await solvePlacement(p);
  assert.deepEqual(verifyPlacement(p, r), []);
  const line = r.licences?.[0];
  assert.ok(line && r.withoutGroups);
  assert.equal(line.dedicated, true);
  const groupHosts = r.hosts.filter((h) => h.group === 'windows');
  assert.equal(line.hosts, groupHosts.length);
  assert.equal(line.cores, 16 * groupHosts.length);
  assert.equal(line.cost, 400 * 16 * groupHosts.length);
  // Every Windows VM on a Windows host, no other VM there.
  for (const h of r.hosts) for (const v of h.vms) assert.equal(Number(v.slice(2)) % 3 === 0, h.group === 'windows', v);
  const hardware = r.hosts.length * 6000;
  assert.equal(r.cost, hardware + line.cost);
  const without = r.withoutGroups.hardwareCost + r.withoutGroups.licenceCost;
  assert.equal(r.withoutGroups.licenceCost, 400 * 16 * r.withoutGroups.hosts);
  assert.ok(r.cost < without, `${r.cost} < ${without}`);
});

test('a free licence keeps one cluster: dedicating hosts would only add hosts', async () => {
  const p = windowsEstate({ hostGroups: [{ name: 'windows', license: { ...datacenter, price: 0 } }] });
  const r = await solvePlacement(p);
  assert.deepEqual(verifyPlacement(p, r), []);
  assert.equal(r.licences?.[0]?.dedicated, false);
  assert.ok(r.hosts.every((h) => h.group === undefined));
  assert.equal(r.hostsUsed, r.withoutGroups?.hosts);
});

test('the verifier reports a VM of a dedicated group on a general host, and a general VM on a group host', () => {
  const p = problem({
    vms: [vm('w', { cpu: 1, mem: 1 }, { hostGroup: 'g' }), vm('l', { cpu: 1, mem: 1 })],
    hostGroups: [{ name: 'g', license: datacenter }],
  });
  const swapped = {
    hosts: [
      { name: 'host1', model: 'm1', vms: ['w'] },
      { name: 'host2', model: 'm1', vms: ['l'], group: 'g' },
    ],
    unplaced: [],
  };
  const v = checkHostGroups(p, swapped);
  assert.deepEqual(
    v.map((x) => [x.rule, x.vm]),
    [
      ['host-group', 'w'],
      ['host-group', 'l'],
    ],
  );
  assert.match(v[0]!.message, /w of host group g runs on host1, which is not licensed for it/);
});

test('problem.json: a VM naming an unknown host group is located', () => {
  const text = JSON.stringify(
    {
      resources: ['cpu'],
      hostModels: [{ name: 'm', capacity: { cpu: 1 } }],
      vms: [{ name: 'a', demand: { cpu: 1 }, hostGroup: 'x' }],
    },
    null,
    1,
  );
  assert.throws(() => parseProblem(text, 'p.json'), /p\.json:\d+: vms\[0\]\.hostGroup: unknown host group "x"/);
});

/** Two VMs of an anti-affinity pair that together fill one host: an N+1 restart brings them together. */
function antiPair(enforce: boolean): PlacementProblem {
  const vms = [
    vm('a', { cpu: 5, mem: 5 }, { antiAffinity: ['pair'] }),
    vm('b', { cpu: 5, mem: 5 }, { antiAffinity: ['pair'] }),
  ];
  return problem({ vms, redundancy: 1, ...(enforce ? { enforceAntiAffinityOnFailover: true } : {}) });
}

test('N+k restarts that put anti-affinity members together are reported', async () => {
  const p = antiPair(false);
  const r = await solvePlacement(p);
  assert.deepEqual(verifyPlacement(p, r), []);
  const breaks = simulateFailures(p, r).flatMap((s) => s.ruleBreaks ?? []);
  assert.ok(breaks.length > 0);
  for (const b of breaks) {
    assert.equal(b.rule, 'anti-affinity');
    assert.equal(b.group, 'pair');
    assert.deepEqual(b.with, [b.vm === 'a' ? 'b' : 'a']);
  }
});

test('enforceAntiAffinityOnFailover: every restart keeps the pair apart, with the hosts that takes', async () => {
  const reported = await solvePlacement(antiPair(false));
  const p = antiPair(true);
  const r = await solvePlacement(p);
  assert.deepEqual(verifyPlacement(p, r), []);
  const scenarios = simulateFailures(p, r);
  assert.ok(scenarios.every((s) => s.satisfied));
  assert.deepEqual(
    scenarios.flatMap((s) => s.ruleBreaks ?? []),
    [],
  );
  assert.equal(reported.hostsUsed, 2);
  assert.equal(r.hostsUsed, 3);
});

test('an anti-affinity group larger than the fixed host count is explained, not a bare "infeasible"', async () => {
  const vms = ['x', 'y', 'z'].map((n) => vm(n, { cpu: 1, mem: 1 }, { antiAffinity: ['rules[0]'] }));
  const r = await solvePlacement(problem({ vms, hostCount: 2 }));
  assert.equal(r.unplaced.length, 1);
  assert.match(
    r.unplaced[0]!.reasons[0]!,
    /^x, y and z must be apart \(anti-affinity rules\[0\]\), but the plan has 2 hosts$/,
  );
});

test('an anti-affinity member whose only host with room holds its partner is explained', async () => {
  // host1 (pinned big VM) has room only for a small VM; host2 holds b: a fits nowhere else.
  const vms = [
    vm('big', { cpu: 6, mem: 6 }, { pin: 'host1' }),
    vm('b', { cpu: 2, mem: 2 }, { antiAffinity: ['ab'], pin: 'host1' }),
    vm('a', { cpu: 2, mem: 2 }, { antiAffinity: ['ab'] }),
    vm('fill', { cpu: 9, mem: 9 }, { pin: 'host2' }),
  ];
  const r = await solvePlacement(problem({ vms, hostCount: 2 }));
  assert.deepEqual(
    r.unplaced.map((u) => u.vm),
    ['a'],
  );
  assert.equal(
    r.unplaced[0]!.reasons[0]!,
    'a and b must be apart (anti-affinity ab), but host1, the only host with room for a, holds b',
  );
});
