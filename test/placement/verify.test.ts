// The placement verifier one rule at a time: each case breaks exactly one rule and names the
// rule and the amounts it reports (needed, allowed, short by).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAffinityAndPins,
  checkAntiAffinity,
  checkCapacity,
  checkFailover,
  checkModels,
  checkPlacedOnce,
  verifyPlacement,
  type Placement,
} from '../../src/placement/verify.ts';
import { problem, vm } from './builders.ts';

const on = (hosts: Record<string, string[]>, unplaced: string[] = []): Placement => ({
  hosts: Object.entries(hosts).map(([name, vms]) => ({ name, model: 'm1', vms })),
  unplaced: unplaced.map((v) => ({ vm: v, reasons: [] })),
});

test('placed-once: a VM twice, a VM missing and a VM the problem does not have', () => {
  const p = problem({ vms: [vm('a', { cpu: 1, mem: 1 }), vm('b', { cpu: 1, mem: 1 })] });
  const found = checkPlacedOnce(p, on({ host1: ['a', 'a', 'ghost'] }));
  assert.deepEqual(
    found.map((v) => v.message),
    ['a appears 2 times', 'ghost is not a VM of the problem', 'b is neither placed nor reported unplaced'],
  );
});

test('capacity: the load, the capacity × ceiling and the shortfall, per resource', () => {
  const p = problem({
    ceilingPct: { cpu: 75, mem: 100 },
    vms: [vm('a', { cpu: 5, mem: 2 }), vm('b', { cpu: 4, mem: 2 })],
  });
  const [v, ...rest] = checkCapacity(p, on({ host1: ['a', 'b'] }));
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { rule: v!.rule, host: v!.host, resource: v!.resource, required: v!.required, available: v!.available },
    { rule: 'capacity', host: 'host1', resource: 'cpu', required: 9, available: 7.5 },
  );
  assert.equal(v!.shortfall, 1.5);
  assert.equal(v!.capacity, 10);
  assert.equal(v!.ceilingPct, 75);
});

test('capacity: float noise within the tolerance is not a violation', () => {
  const p = problem({ vms: [0.1, 0.2, 0.3, 0.4].map((x, i) => vm(`v${i}`, { cpu: x * 10 - 1e-12 * i, mem: 2.5 })) });
  assert.deepEqual(checkCapacity(p, on({ host1: ['v0', 'v1', 'v2', 'v3'] })), []);
});

test('anti-affinity, affinity and pins, each on its own', () => {
  const p = problem({
    vms: [
      vm('dc1', { cpu: 1, mem: 1 }, { antiAffinity: ['dc'] }),
      vm('dc2', { cpu: 1, mem: 1 }, { antiAffinity: ['dc'] }),
      vm('web', { cpu: 1, mem: 1 }, { affinity: ['app'] }),
      vm('db', { cpu: 1, mem: 1 }, { affinity: ['app'], pin: 'host1' }),
    ],
  });
  const placement = on({ host1: ['dc1', 'dc2', 'web'], host2: ['db'] });
  assert.deepEqual(
    checkAntiAffinity(p, placement).map((v) => v.message),
    ['host1 holds dc1, dc2 of anti-affinity group dc'],
  );
  assert.deepEqual(
    checkAffinityAndPins(p, placement).map((v) => [v.rule, v.message]),
    [
      ['pin', 'db is pinned to host1 but placed on host2'],
      ['affinity', 'affinity group app is split over host1, host2'],
    ],
  );
});

test('models: availability and a fixed host count, with the counts', () => {
  const p = problem({
    hostCount: 3,
    hostModels: [{ name: 'm1', capacity: { cpu: 10, mem: 10 }, cost: 1, maxCount: 1 }],
  });
  const found = checkModels(p, on({ host1: [], host2: [] }));
  assert.deepEqual(
    found.map((v) => [v.rule, v.required, v.available]),
    [
      ['model', 2, 1],
      ['host-count', 3, 2],
    ],
  );
});

test('failover: the stranded VMs, charged to the freest survivor with the shortfall per resource', () => {
  const p = problem({
    redundancy: 1,
    vms: [vm('a', { cpu: 6, mem: 6 }), vm('b', { cpu: 6, mem: 6 }), vm('c', { cpu: 2, mem: 2 })],
  });
  const found = checkFailover(p, on({ host1: ['a'], host2: ['b', 'c'] }));
  // host1 fails: a (6) needs host2 (8 + 6 = 14 of 10). host2 fails: b restarts on host1 (12 > 10
  // → stranded), c fits: the freest survivor, host1, would need 6 + 2 + 6 = 14.
  assert.deepEqual(
    found.map((v) => [v.failedHosts?.join('+'), v.host, v.resource, v.required, v.available, v.shortfall, v.stranded]),
    [
      ['host1', 'host2', 'cpu', 14, 10, 4, ['a']],
      ['host1', 'host2', 'mem', 14, 10, 4, ['a']],
      ['host2', 'host1', 'cpu', 14, 10, 4, ['b']],
      ['host2', 'host1', 'mem', 14, 10, 4, ['b']],
    ],
  );
});

test('failover: N+k with no more than k hosts, and a placement that survives', () => {
  const p = problem({ redundancy: 1, vms: [vm('a', { cpu: 1, mem: 1 })] });
  const [few] = checkFailover(p, on({ host1: ['a'] }));
  assert.deepEqual([few!.resource, few!.required, few!.available, few!.shortfall], ['hosts', 2, 1, 1]);
  assert.deepEqual(checkFailover(p, on({ host1: ['a'], host2: [] })), []);
  assert.deepEqual(verifyPlacement(p, on({ host1: ['a'], host2: [] })), []);
});
