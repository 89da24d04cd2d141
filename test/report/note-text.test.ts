// The placement notes in the report's language (report.language): the Spanish catalogue says each
// note from its step's figures; English, and any plan without steps, keeps the solver's note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlacementProblem } from '../../src/domain/problem.ts';
import { noteText } from '../../src/report/note-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { Deadline } from '../../src/placement/deadline.ts';
import { failureNote } from '../../src/placement/failover.ts';
import { solvePlacement } from '../../src/placement/solve.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { problem, vm } from '../placement/builders.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

const datacenter = { per: 'core' as const, price: 400, minCoresPerHost: 16, minCoresPerSocket: 8 };
const two = [vm('a', { cpu: 4, mem: 4 }), vm('b', { cpu: 8, mem: 2 })];
const grouped = (over: Partial<PlacementProblem>) =>
  problem({ hostGroups: [{ name: 'g', license: datacenter }], ...over });
const capped = failureNote(30, 3)!;

const cases: [string, () => Promise<Pick<PlacementResult, 'notes' | 'noteSteps'>>, [string, string][]][] = [
  [
    'lower bound',
    () => solvePlacement(problem({ vms: two })),
    [
      [
        'lower bound 2 hosts (binding: cpu) — gap 0 (0.0 %)',
        'cota inferior de 2 nodos (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
    ],
  ],
  [
    'lower bound on cost',
    () => solvePlacement(problem({ objective: 'min-cost', vms: two })),
    [
      [
        'lower bound 2 cost (binding: cpu) — gap 0 (0.0 %)',
        'cota inferior de costo 2 (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
    ],
  ],
  [
    'host count unavailable',
    () =>
      solvePlacement(
        problem({
          hostCount: 3,
          hostModels: [{ name: 'm1', capacity: { cpu: 10, mem: 10 }, cost: 1, maxCount: 2 }],
          vms: [vm('a', { cpu: 1, mem: 1 })],
        }),
      ),
    [
      ['no host model has 3 hosts available', 'ningún modelo de nodo tiene 3 nodos disponibles'],
      [
        'lower bound 1 hosts (binding: cpu) — gap -1 (-100.0 %)',
        'cota inferior de 1 nodo (recurso limitante: cpu) — brecha -1 (-100.0 %)',
      ],
    ],
  ],
  [
    'redundancy not satisfied',
    () =>
      solvePlacement(
        problem({ vms: [vm('a', { cpu: 6, mem: 6 }), vm('b', { cpu: 6, mem: 6 })], redundancy: 1, hostCount: 2 }),
      ),
    [
      ['N+1 is not satisfied with 2 hosts', 'N+1 no se cumple con 2 nodos'],
      [
        'lower bound 3 hosts (binding: cpu) — gap -1 (-33.3 %)',
        'cota inferior de 3 nodos (recurso limitante: cpu) — brecha -1 (-33.3 %)',
      ],
    ],
  ],
  [
    'time limit',
    // A deadline already past: construction stops at once and its first plan stands.
    () => solvePlacement(problem({ vms: two }), { deadline: Deadline.after(0) }),
    [
      [
        'stopped at the time limit (construction): the best plan found so far',
        'detenido en el tiempo límite (construcción): el mejor plan encontrado hasta entonces',
      ],
      [
        'lower bound 2 hosts (binding: cpu) — gap 0 (0.0 %)',
        'cota inferior de 2 nodos (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
    ],
  ],
  [
    'dedicated hosts',
    () =>
      solvePlacement(
        grouped({
          objective: 'min-cost',
          hostModels: [{ name: 'm', capacity: { cpu: 32, mem: 128 }, cost: 6000, sockets: 2, coresPerSocket: 8 }],
          vms: [vm('w', { cpu: 20, mem: 1 }, { hostGroup: 'g' }), vm('l', { cpu: 20, mem: 1 })],
        }),
      ),
    [
      ['dedicated hosts for host group g', 'nodos dedicados para el grupo de nodos g'],
      [
        'lower bound 6000 cost (binding: cpu) — gap 0 (0.0 %)',
        'cota inferior de costo 6000 (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
      [
        'g: lower bound 6000 cost (binding: cpu) — gap 0 (0.0 %)',
        'g: cota inferior de costo 6000 (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
    ],
  ],
  [
    'affinity across a host group',
    () =>
      solvePlacement(
        grouped({
          vms: [
            vm('w', { cpu: 1, mem: 1 }, { hostGroup: 'g', affinity: ['x'] }),
            vm('l', { cpu: 1, mem: 1 }, { affinity: ['x'] }),
          ],
        }),
      ),
    [
      [
        'lower bound 1 hosts (binding: cpu) — gap 0 (0.0 %)',
        'cota inferior de 1 nodo (recurso limitante: cpu) — brecha 0 (0.0 %)',
      ],
      [
        'host group g shares an affinity group with other VMs: not dedicated',
        'el grupo de nodos g comparte un grupo de afinidad con otras VM: sin nodos dedicados',
      ],
    ],
  ],
  [
    'a fixed host count with a host group',
    () =>
      solvePlacement(
        grouped({ hostCount: 2, vms: [vm('w', { cpu: 1, mem: 1 }, { hostGroup: 'g' }), vm('l', { cpu: 1, mem: 1 })] }),
      ),
    [
      [
        'lower bound 1 hosts (binding: cpu) — gap 1 (100.0 %)',
        'cota inferior de 1 nodo (recurso limitante: cpu) — brecha 1 (100.0 %)',
      ],
      [
        'a fixed host count keeps one cluster: no dedicated hosts tried',
        'un número fijo de nodos mantiene un solo clúster: no se probaron nodos dedicados',
      ],
    ],
  ],
  [
    'failure scenarios capped',
    async () => ({ notes: [capped.text], noteSteps: [capped.step] }),
    [
      [
        'N+3: 4060 failure scenarios exceed 2000; simulated every 3-subset of the most loaded hosts only',
        'N+3: 4060 escenarios de falla superan 2000; solo se simuló cada subconjunto de 3 de los nodos más cargados',
      ],
    ],
  ],
];

for (const [name, solve, expected] of cases) {
  test(`the ${name} note: English as the solver wrote it, Spanish with the same figures`, async () => {
    const r = await solve();
    assert.equal(r.noteSteps?.length, r.notes.length);
    assert.deepEqual(
      r.notes,
      expected.map(([english]) => english),
    );
    assert.deepEqual(
      r.notes.map((_, i) => noteText(r, i, en)),
      expected.map(([english]) => english),
    );
    assert.deepEqual(
      r.notes.map((_, i) => noteText(r, i, es)),
      expected.map(([, spanish]) => spanish),
    );
  });
}

test("the worked example's note from plan.json: English unchanged, Spanish with the same figures", () => {
  const p = realAseguradoraPlan().placement;
  assert.deepEqual(p.notes, ['lower bound 2 hosts (binding: vcpu) — gap 0 (0.0 %)']);
  assert.equal(noteText(p, 0, en), p.notes[0]);
  assert.equal(noteText(p, 0, es), 'cota inferior de 2 nodos (recurso limitante: vcpu) — brecha 0 (0.0 %)');
});

test("a plan with no host says the derivation's reason as the derivation catalogue does", () => {
  const p = {
    notes: ['no standard host shape fits the hypervisor limits'],
    noteSteps: [{ code: 'host-derivation', params: { line: { code: 'no-host-shape', params: {} } } }],
  };
  assert.equal(noteText(p, 0, en), p.notes[0]);
  assert.equal(noteText(p, 0, es), 'ninguna forma de nodo estándar cabe en los límites del hipervisor');
});

test('notes without steps, with steps out of step, or with an unknown code stay as the solver wrote them', () => {
  const notes = ['lower bound 2 hosts (binding: vcpu) — gap 0 (0.0 %)'];
  assert.equal(noteText({ notes }, 0, es), notes[0]);
  assert.equal(noteText({ notes, noteSteps: [] }, 0, es), notes[0]);
  assert.equal(noteText({ notes, noteSteps: [{ code: 'unknown', params: {} }] }, 0, es), notes[0]);
  const nested = { code: 'host-group', params: { group: 'g', leadsTo: { code: 'unknown', params: {} } } };
  assert.equal(noteText({ notes, noteSteps: [nested] }, 0, es), notes[0]);
});
