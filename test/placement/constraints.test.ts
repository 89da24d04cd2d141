import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPlacement, lowerBound, solvePlacement } from '../../src/placement/index.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { problem, vm } from './builders.ts';

const hostOf = (r: PlacementResult, name: string) => r.hosts.find((h) => h.vms.includes(name))?.name;

test('anti-affinity keeps two domain controllers apart', async () => {
  const p = problem({
    vms: [
      vm('dc1', { cpu: 1, mem: 1 }, { antiAffinity: ['dc'] }),
      vm('dc2', { cpu: 1, mem: 1 }, { antiAffinity: ['dc'] }),
    ],
  });
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 2);
  assert.notEqual(hostOf(r, 'dc1'), hostOf(r, 'dc2'));
  assert.deepEqual(verifyPlacement(p, r), []);
  assert.equal(lowerBound(p).bindingResource, 'anti-affinity:dc');
});

test('affinity puts a group on one host, pin puts a VM on the named host', async () => {
  const p = problem({
    vms: [
      vm('app', { cpu: 4, mem: 4 }, { affinity: ['web'] }),
      vm('db', { cpu: 4, mem: 4 }, { affinity: ['web'] }),
      vm('x', { cpu: 6, mem: 1 }),
      vm('y', { cpu: 1, mem: 1 }, { pin: 'host3' }),
    ],
  });
  const r = await solvePlacement(p);
  assert.equal(hostOf(r, 'app'), hostOf(r, 'db'));
  assert.equal(hostOf(r, 'y'), 'host3');
  assert.deepEqual(verifyPlacement(p, r), []);
});

test('a VM too big for every model is unplaced with the resource and numbers per model', async () => {
  const p = problem({
    hostModels: [
      { name: 'small', capacity: { cpu: 10, mem: 10 }, cost: 1 },
      { name: 'big', capacity: { cpu: 20, mem: 8 }, cost: 2 },
    ],
    ceilingPct: { cpu: 50, mem: 100 },
    vms: [vm('huge', { cpu: 12, mem: 9 }), vm('ok', { cpu: 1, mem: 1 })],
  });
  const r = await solvePlacement(p);
  assert.deepEqual(r.unplaced, [
    {
      vm: 'huge',
      reasons: [
        'small: needs cpu 12, host allows 5 (10 at 50 % ceiling)',
        'big: needs cpu 12, host allows 10 (20 at 50 % ceiling); needs mem 9, host allows 8 (8 at 100 % ceiling)',
      ],
    },
  ]);
  assert.equal(r.hosts.flatMap((h) => h.vms).join(), 'ok');
  assert.equal(r.optimal, false);
});

test('the checker names each broken rule', () => {
  const p = problem({
    vms: [
      vm('a', { cpu: 6, mem: 1 }, { antiAffinity: ['g'], pin: 'host2' }),
      vm('b', { cpu: 6, mem: 1 }, { antiAffinity: ['g'], affinity: ['f'] }),
      vm('c', { cpu: 1, mem: 1 }, { affinity: ['f'] }),
      vm('d', { cpu: 1, mem: 1 }),
    ],
    redundancy: 1,
  });
  const r: PlacementResult = {
    hosts: [
      { name: 'host1', model: 'm1', vms: ['a', 'b'] },
      { name: 'host2', model: 'nope', vms: ['c', 'c'] },
    ],
    unplaced: [],
    method: 'test',
    hostsUsed: 2,
    cost: 2,
    lowerBound: 2,
    optimal: false,
    bindingResource: 'cpu',
    seconds: 0,
    seed: 1,
    notes: [],
  };
  const rules = verifyPlacement(p, r).map((v) => v.rule);
  assert.deepEqual([...new Set(rules)].sort(), [
    'affinity',
    'anti-affinity',
    'capacity',
    'failover',
    'model',
    'pin',
    'placed-once',
  ]);
});

test('lower bound: per resource, names the binding resource; N+k adds the survivors bound; L2 counts big VMs', () => {
  const vms = [vm('a', { cpu: 4, mem: 2 }), vm('b', { cpu: 4, mem: 2 }), vm('c', { cpu: 4, mem: 2 })];
  assert.deepEqual(lowerBound(problem({ vms })), { hosts: 2, cost: 2, bindingResource: 'cpu' });
  assert.deepEqual(lowerBound(problem({ vms, redundancy: 1 })), { hosts: 3, cost: 3, bindingResource: 'cpu' });
  assert.deepEqual(lowerBound(problem({ vms, ceilingPct: { cpu: 100, mem: 20 } })), {
    hosts: 3,
    cost: 3,
    bindingResource: 'mem',
  });
  const big = [vm('a', { cpu: 6, mem: 1 }), vm('b', { cpu: 6, mem: 1 }), vm('c', { cpu: 6, mem: 1 })];
  assert.equal(lowerBound(problem({ vms: big })).hosts, 3);
});

test('shuffling the VMs changes nothing but the seconds', async () => {
  const vms = Array.from({ length: 30 }, (_, i) =>
    vm(`v${i}`, { cpu: 1 + ((i * 7) % 5), mem: 1 + ((i * 3) % 6) }, { haPriority: i % 3 === 0 ? 'high' : 'low' }),
  );
  const a = await solvePlacement(problem({ vms, redundancy: 1 }));
  const b = await solvePlacement(problem({ vms: [...vms].reverse(), redundancy: 1 }));
  assert.deepEqual({ ...a, seconds: 0 }, { ...b, seconds: 0 });
  assert.deepEqual(verifyPlacement(problem({ vms, redundancy: 1 }), a), []);
});

test('a fixed host count is kept, and VMs that do not fit it are unplaced with the numbers', async () => {
  const p = problem({ hostCount: 1, vms: [vm('a', { cpu: 6, mem: 1 }), vm('b', { cpu: 6, mem: 1 })] });
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 1);
  assert.deepEqual(
    r.unplaced.map(({ vm, reasons }) => ({ vm, reasons })),
    [
      {
        vm: 'b',
        reasons: [
          'no room left on any of the 1 hosts: needs cpu 6, mem 1; the most free is cpu 4, mem 9 (anti-affinity and ' +
            'ceilings applied)',
        ],
      },
    ],
  );
  // The same figures for a report in another language.
  assert.deepEqual(r.unplaced[0]!.steps, [
    { code: 'no-room', params: { pinned: null, hosts: 1, needs: { cpu: 6, mem: 1 }, free: { cpu: 4, mem: 9 } } },
  ]);
  assert.deepEqual(verifyPlacement(p, r), []);
});

test("a fixed host count beyond every model's availability places nothing and says why", async () => {
  const p = problem({
    hostCount: 3,
    hostModels: [{ name: 'm1', capacity: { cpu: 10, mem: 10 }, cost: 1, maxCount: 2 }],
    vms: [vm('a', { cpu: 1, mem: 1 })],
  });
  const r = await solvePlacement(p);
  assert.equal(r.hostsUsed, 0);
  assert.equal(r.unplaced.length, 1);
  assert.match(r.notes.join('\n'), /no host model has 3 hosts available/);
});
