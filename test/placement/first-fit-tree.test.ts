// The first-fit tree picks exactly the host a linear first fit picks (never skips one that can
// take the VM), as hosts are added and filled, on one and several resources, and past the
// size where it falls back to a scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FirstFitTree } from '../../src/placement/heuristic/first-fit-tree.ts';
import { fits } from '../../src/placement/vector.ts';
import { makeRng } from '../../src/util/rng.ts';

function linearFirst(loads: number[][], caps: number[][], demand: number[], from: number): number {
  for (let b = from; b < loads.length; b++) if (fits(loads[b]!, demand, caps[b]!)) return b;
  return -1;
}

function treeFirst(tree: FirstFitTree, loads: number[][], caps: number[][], demand: number[], from: number): number {
  for (let b = tree.first(from, demand); b >= 0; b = tree.first(b + 1, demand))
    if (fits(loads[b]!, demand, caps[b]!)) return b;
  return -1;
}

const cases = [
  { d: 1, maxCells: undefined },
  { d: 2, maxCells: undefined },
  { d: 5, maxCells: undefined },
  // Past 64 hosts of 3 resources the tree exceeds its cells and gives way to the scan.
  { d: 3, maxCells: 2 * 64 * 3 },
];
for (const { d, maxCells } of cases) {
  const what = maxCells ? ', past the tree size' : '';
  test(`first-fit tree, ${d} resource(s)${what}: the same host as a linear first fit, 2,000 random VMs`, () => {
    const rng = makeRng(d + (maxCells ?? 0));
    const tree = new FirstFitTree(d, maxCells);
    const loads: number[][] = [];
    const caps: number[][] = [];
    let opened = 0;
    for (let i = 0; i < 2000; i++) {
      // Sums of tenths, as real demands are: float noise at the capacity boundary.
      const demand = Array.from({ length: d }, () => Math.round(rng() * 40) / 10);
      const from = rng() < 0.2 ? Math.floor(rng() * (loads.length + 1)) : 0;
      const want = linearFirst(loads, caps, demand, from);
      assert.equal(treeFirst(tree, loads, caps, demand, from), want, `VM ${i}`);
      let b = want;
      if (b < 0) {
        b = loads.length;
        loads.push(new Array(d).fill(0));
        caps.push(Array.from({ length: d }, () => 8 + Math.floor(rng() * 3)));
        opened++;
      }
      for (let r = 0; r < d; r++) loads[b]![r]! += demand[r]!;
      tree.update(b, loads[b]!, caps[b]!);
    }
    assert.ok(opened > 100, `${opened} hosts opened`);
  });
}
