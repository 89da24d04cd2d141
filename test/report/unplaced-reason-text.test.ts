// A VM the placement finds no room for is said in the report's language: the placement writes
// its English reason (unchanged) and the figures it is written from, the plan names the hosts
// as it names them, and the Spanish catalogue says the same figures. place's own output keeps
// its contract: the reasons, without the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solvePlacement } from '../../src/placement/index.ts';
import { placeOutput } from '../../src/placement/place-output.ts';
import { placementIndex } from '../../src/placement/placement-index.ts';
import { reasonText } from '../../src/report/reason-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { problem, vm } from '../placement/builders.ts';

// Two VMs of 6 vCPU on hosts of 8: one host, one of them left over.
const twoOnOne = problem({
  resources: ['vcpu', 'memoryGb'],
  hostModels: [{ name: 'm1', capacity: { vcpu: 8, memoryGb: 16.5 }, cost: 1 }],
  vms: [vm('a', { vcpu: 6, memoryGb: 4 }), vm('b', { vcpu: 6, memoryGb: 4 })],
  hostCount: 1,
});

test('no room on a fixed host count: the English reason as before, its figures, and the Spanish text', async () => {
  const result = await solvePlacement(twoOnOne);
  assert.equal(result.unplaced.length, 1);
  const u = result.unplaced[0]!;
  const english =
    'no room left on any of the 1 hosts: needs vcpu 6, memoryGb 4; the most free is vcpu 2, memoryGb 12.5 ' +
    '(anti-affinity and ceilings applied)';
  assert.deepEqual(u.reasons, [english]);
  const step = u.steps?.[0] ?? undefined;
  assert.equal(step?.code, 'no-room');
  assert.equal(reasonText({ message: english, step }, en), english);
  assert.equal(
    reasonText({ message: english, step }, es),
    'no queda espacio en el único nodo: necesita 6 vCPU, 4 GB de memoria; lo más libre es 2 vCPU, ' +
      '12.5 GB de memoria (con antiafinidad y umbrales aplicados)',
  );
});

test('a VM pinned to a full host: the Spanish text names the host, and place writes no figures', async () => {
  const p = { ...twoOnOne, hostCount: 2, vms: twoOnOne.vms.map((v) => ({ ...v, pin: 'host1' })) };
  const result = await solvePlacement(p);
  const u = result.unplaced.find((x) => x.steps?.[0]);
  assert.ok(u, JSON.stringify(result.unplaced));
  assert.match(reasonText({ message: u.reasons[0]!, step: u.steps![0]! }, es), /^no queda espacio en host1 \(fijada\)/);
  const out = placeOutput(p, result, [], [], placementIndex(p, result)) as { unplaced: object[] };
  assert.deepEqual(
    out.unplaced.map((x) => Object.keys(x)),
    out.unplaced.map(() => ['vm', 'reasons']),
  );
});
