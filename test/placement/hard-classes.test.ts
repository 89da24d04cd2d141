// The solver proves the optimum on small instances of the four hard one-resource kinds
// (test/helpers/hard-bpp.ts). Each optimum here is one host above the L2 bound, so the
// heuristic's plan is proved by the arc-flow MILP, not by the bound. Not timed: the limit
// is generous so a loaded machine still finishes the proof.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hardInstance, hardProblem, type HardClass } from '../helpers/hard-bpp.ts';
import { martelloTothL2 } from '../../src/placement/lower-bound.ts';
import { solvePlacement, verifyPlacement } from '../../src/placement/index.ts';

// class, seed, n, optimum (found by this solver and proved by its arc-flow MILP).
const CASES: [HardClass, number, number, number][] = [
  ['schwerin', 3, 50, 10],
  ['scholl3', 15, 24, 8],
  ['waescher', 7, 40, 16],
  ['hard28', 5, 40, 18],
];

for (const [cls, seed, n, optimum] of CASES) {
  test(`${cls} seed ${seed}, ${n} items: optimum ${optimum} proved`, async () => {
    const h = hardInstance(cls, seed, n);
    assert.equal(h.weights.length, n);
    assert.equal(martelloTothL2(h.weights, h.capacity), optimum - 1);
    const problem = hardProblem(h, 60);
    const r = await solvePlacement(problem);
    assert.deepEqual(verifyPlacement(problem, r), []);
    assert.equal(r.hostsUsed, optimum);
    assert.equal(r.optimal, true);
  });
}
