// problem.json validation on large inputs: the plain VMs ({ name, demand }) skip zod's walk,
// but every bad VM is still reported as the schema reports it — file, line, JSON path —
// and every VM with more than a name and a demand still gets the schema's checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProblem } from '../../src/domain/problem.ts';
import { isPlainVm } from '../../src/domain/problem-plain-vms.ts';

const plain = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `vm${i}`, demand: { cpu: 1 + (i % 4) } }));
const text = (vms: unknown[]) =>
  JSON.stringify({ resources: ['cpu'], hostModels: [{ name: 'm', capacity: { cpu: 8 } }], vms }, null, 1);

test('a bad demand deep in 5,000 plain VMs is named by file, line and path', () => {
  const vms: unknown[] = plain(5000);
  vms[4321] = { name: 'vm4321', demand: { cpu: -1 } };
  // One line per VM and per demand entry in this layout: the VM's demand.cpu sits on line 4 + 4 × 4321 + 3.
  assert.throws(
    () => parseProblem(text(vms), 'p.json'),
    (err: Error) => {
      assert.match(err.message, /^p\.json:\d+: vms\[4321\]\.demand\.cpu: Too small: expected number to be >=0$/);
      const line = Number(/^p\.json:(\d+):/.exec(err.message)![1]);
      assert.equal(text(vms).split('\n')[line - 1]!.trim(), '"cpu": -1');
      return true;
    },
  );
});

test('a VM with an unknown key or a wrong type among plain VMs is reported like the schema does', () => {
  const extra: unknown[] = plain(3000);
  extra[2999] = { name: 'vm2999', demand: { cpu: 1 }, colour: 'red' };
  assert.throws(() => parseProblem(text(extra), 'p.json'), /p\.json:\d+: vms\[2999\]\.colour: unknown setting/);
  const noName: unknown[] = plain(3000);
  noName[17] = { name: '', demand: { cpu: 1 } };
  assert.throws(() => parseProblem(text(noName), 'p.json'), /vms\[17\]\.name: Too small/);
  const huge: unknown[] = plain(3000);
  huge[5] = { name: 'vm5', demand: { cpu: 2e15 } };
  assert.throws(() => parseProblem(text(huge), 'p.json'), /vms\[5\]\.demand\.cpu: at most 1e15/);
});

test('VMs with rules among plain ones keep what the schema gives them', () => {
  const vms: unknown[] = plain(3000);
  vms[10] = { name: 'vm10', demand: { cpu: 1 }, antiAffinity: ['dc'], haPriority: 'high', pin: 'host2' };
  vms[11] = { demand: { cpu: 2 }, name: 'vm11' };
  const p = parseProblem(text(vms), 'p.json');
  assert.equal(p.vms.length, 3000);
  assert.deepEqual(p.vms[10], {
    name: 'vm10',
    demand: { cpu: 1 },
    antiAffinity: ['dc'],
    haPriority: 'high',
    pin: 'host2',
  });
  // Keys in the schema's order, as zod returns them.
  assert.deepEqual(Object.keys(p.vms[11]!), ['name', 'demand']);
  assert.equal(p.redundancy, 0);
  assert.equal(p.timeLimitSeconds, 10);
});

test('isPlainVm: exactly a name and a record of bounded amounts, in that order', () => {
  const cases: [unknown, boolean][] = [
    [{ name: 'a', demand: { cpu: 1, mem: 0 } }, true],
    [{ name: 'a', demand: {} }, true],
    [{ demand: { cpu: 1 }, name: 'a' }, false],
    [{ name: '', demand: { cpu: 1 } }, false],
    [{ name: 'a', demand: { cpu: -1 } }, false],
    [{ name: 'a', demand: { cpu: 1e15 } }, true],
    [{ name: 'a', demand: { cpu: 1.5e15 } }, false],
    [{ name: 'a', demand: { cpu: '1' } }, false],
    [{ name: 'a', demand: [1] }, false],
    [{ name: 'a', demand: null }, false],
    [{ name: 'a' }, false],
    [{ name: 'a', demand: { cpu: 1 }, pin: 'host1' }, false],
    [['a'], false],
    [null, false],
  ];
  for (const [vm, expected] of cases) assert.equal(isPlainVm(vm), expected, JSON.stringify(vm));
});
