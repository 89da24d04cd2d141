// Property tests: on random small problems the optimiser's host count
// equals a brute-force optimum, every result passes the independent checker, a claimed
// optimum is never beaten, and shuffling the input changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyPlacement, solvePlacement } from '../../src/placement/index.ts';
import type { PlacementProblem } from '../../src/domain/problem.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { problem, rng, vm } from './builders.ts';

function randomProblem(seed: number, n: number, over: Partial<PlacementProblem> = {}): PlacementProblem {
  const r = rng(seed);
  const vms = Array.from({ length: n }, (_, i) =>
    vm(
      `v${i}`,
      { cpu: 1 + Math.floor(r() * 7), mem: 1 + Math.floor(r() * 7) },
      {
        antiAffinity: r() < 0.2 ? ['g'] : undefined,
        haPriority: (['high', 'medium', 'low'] as const)[Math.floor(r() * 3)],
      },
    ),
  );
  return problem({ vms, ...over });
}

/** Every assignment of the VMs to m hosts; the smallest m the checker accepts. */
function bruteForceHosts(p: PlacementProblem): number {
  const n = p.vms.length;
  for (let m = 1; m <= n + p.redundancy + 1; m++) {
    const where = new Array<number>(n).fill(0);
    const rec = (i: number, used: number): boolean => {
      if (i === n) {
        const hosts = Array.from({ length: m }, (_, h) => ({
          name: `host${h + 1}`,
          model: 'm1',
          vms: p.vms.filter((_, j) => where[j] === h).map((v) => v.name),
        }));
        const result: PlacementResult = {
          hosts,
          unplaced: [],
          method: 'brute',
          hostsUsed: m,
          cost: m,
          lowerBound: 0,
          optimal: false,
          bindingResource: null,
          seconds: 0,
          seed: 0,
          notes: [],
        };
        return verifyPlacement(p, result).length === 0;
      }
      // Hosts are interchangeable: VM i goes to a used host or the next new one.
      for (let h = 0; h < Math.min(m, used + 1); h++) {
        where[i] = h;
        if (rec(i + 1, Math.max(used, h + 1))) return true;
      }
      return false;
    };
    if (rec(0, 0)) return m;
  }
  return Infinity;
}

test('exact mode equals brute force on random small problems, and proves it', async () => {
  for (let seed = 1; seed <= 25; seed++) {
    const p = randomProblem(seed, 3 + (seed % 5));
    const r = await solvePlacement(p);
    assert.deepEqual(verifyPlacement(p, r), [], `seed ${seed}`);
    assert.equal(r.hostsUsed, bruteForceHosts(p), `seed ${seed}`);
    assert.equal(r.optimal, true, `seed ${seed}`);
  }
});

test(
  'N+1 on random small problems: checker passes, never fewer hosts than possible, a claimed optimum is ' + 'one',
  async () => {
    for (let seed = 101; seed <= 115; seed++) {
      const p = randomProblem(seed, 3 + (seed % 3), {
        redundancy: 1,
        failoverCeilingPct: { cpu: 100, mem: 100 },
        ceilingPct: { cpu: 80, mem: 100 },
      });
      const r = await solvePlacement(p);
      assert.deepEqual(verifyPlacement(p, r), [], `seed ${seed}`);
      const best = bruteForceHosts(p);
      assert.ok(r.hostsUsed >= best, `seed ${seed}`);
      if (r.optimal) assert.equal(r.hostsUsed, best, `seed ${seed}`);
    }
  },
);

test('shuffling the VMs changes nothing (random problems, every objective)', async () => {
  const objectives = ['min-hosts', 'min-cost', 'balance', 'pack'] as const;
  for (let seed = 201; seed <= 208; seed++) {
    const objective = objectives[seed % 4]!;
    const p = randomProblem(seed, 12, { objective, redundancy: seed % 2 });
    const r = rng(seed);
    const shuffled = { ...p, vms: [...p.vms].sort(() => r() - 0.5) };
    const a = await solvePlacement(p);
    const b = await solvePlacement(shuffled);
    assert.deepEqual({ ...b, seconds: 0 }, { ...a, seconds: 0 }, `seed ${seed}`);
    assert.deepEqual(verifyPlacement(p, a), [], `seed ${seed}`);
  }
});

test('heterogeneous catalog: the cheaper mix wins under min-cost and the checker agrees', async () => {
  const p = problem({
    objective: 'min-cost',
    hostModels: [
      { name: 'big', capacity: { cpu: 20, mem: 20 }, cost: 5 },
      { name: 'small', capacity: { cpu: 10, mem: 10 }, cost: 3 },
    ],
    vms: [vm('a', { cpu: 9, mem: 9 }), vm('b', { cpu: 9, mem: 9 }), vm('c', { cpu: 3, mem: 3 })],
  });
  const r = await solvePlacement(p);
  // big (a, b) + small (c) = 8 beats small ×3 = 9 and big ×2 = 10.
  assert.equal(r.cost, 8);
  assert.equal(r.optimal, true);
  assert.deepEqual(verifyPlacement(p, r), []);
});
