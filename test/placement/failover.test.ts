import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateFailures } from '../../src/placement/index.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { placed, problem, vm } from './builders.ts';

const result = (hosts: [string, string[]][]): PlacementResult =>
  placed(hosts.map(([name, vms]) => ({ name, model: 'm1', vms })));

test('restarts go high → medium → low priority, then larger first, then by name, best fit', () => {
  const p = problem({
    redundancy: 1,
    vms: [
      vm('low-big', { cpu: 5, mem: 1 }, { haPriority: 'low' }),
      vm('high-small', { cpu: 1, mem: 1 }, { haPriority: 'high' }),
      vm('med-b', { cpu: 2, mem: 1 }),
      vm('med-a', { cpu: 2, mem: 1 }),
      vm('x', { cpu: 6, mem: 1 }),
      vm('y', { cpu: 3, mem: 1 }),
    ],
  });
  const s = simulateFailures(
    p,
    result([
      ['host1', ['low-big', 'high-small', 'med-a', 'med-b']],
      ['host2', ['x']],
      ['host3', ['y']],
    ]),
  );
  assert.deepEqual(
    s.map((x) => x.failedHosts),
    [['host1'], ['host2'], ['host3']],
  );
  const first = s[0]!;
  assert.deepEqual(
    first.restarts.map((r) => [r.vm, r.to]),
    [
      ['high-small', 'host2'], // best fit: host2 (cpu 6) is left with less room than host3
      ['med-a', 'host2'],
      ['med-b', 'host3'],
      ['low-big', 'host3'],
    ],
  );
  assert.equal(first.satisfied, true);
  assert.deepEqual(
    first.load.map((l) => [l.host, l.resources]),
    [
      ['host2', { cpu: 9, mem: 3 }],
      ['host3', { cpu: 10, mem: 3 }],
    ],
  );
  assert.equal(first.load[0]!.vcpu, 0, 'no vcpu resource: 0');
});

test('a VM that fits no survivor is a shortfall naming the resource and the numbers', () => {
  const p = problem({
    redundancy: 1,
    failoverCeilingPct: 90,
    vms: [vm('a', { cpu: 8, mem: 1 }), vm('b', { cpu: 2, mem: 1 })],
  });
  const s = simulateFailures(
    p,
    result([
      ['host1', ['a']],
      ['host2', ['b']],
    ]),
  );
  assert.equal(s[0]!.satisfied, false);
  assert.deepEqual(s[0]!.shortfalls, ['a: needs cpu 8, the most free on any survivor is 7 (host2)']);
  assert.deepEqual(s[0]!.restarts, [{ vm: 'a', from: 'host1', to: null, haPriority: 'medium' }]);
  assert.deepEqual(s[1]!.shortfalls, ['b: needs cpu 2, the most free on any survivor is 1 (host1)']);
});
