// Property of time-aware placement (method §14.4): a plan placed on the demand series at the
// slot maximum, replayed on its own planning window, never takes a host over its ceilings —
// not in normal operation (CPU and memory ceilings) and not after any failure (failover
// ceiling: N+k holds on the series). Random projects through the real pipeline: CSV files
// read by the ingest, sized, placed, replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { seriesProject as project } from './series-project.ts';

// Folded onto a day, every slot is the maximum over the days at that time: still an upper
// bound of every interval, so the property holds for both periods.
const CASES = [1, 2, 3, 4, 5].flatMap((seed) => (['window', 'day'] as const).map((period) => ({ seed, period })));

for (const { seed, period } of CASES) {
  test(`series plan ${seed} (${period}): its planning-window replay stays under every ceiling`, async () => {
    const { inputs } = await readProjectInputs(project(seed, period));
    const plan = await assemblePlan(inputs);
    assert.equal(plan.totals.unplaced, 0);
    assert.ok(plan.redundancy.satisfied);
    const w = plan.replay!.windows[0]!;
    assert.ok(w.scenarios.length > 1, 'failure scenarios replayed');
    for (const s of w.scenarios) {
      for (const h of s.hosts) {
        if (h.vms === 0) continue; // a spare host carries nothing
        assert.equal(h.cpu!.overCeilingPct, 0, `${s.name} ${h.name} CPU ${h.cpu!.worstPct} % > ${h.cpu!.ceilingPct} %`);
        assert.equal(h.memory!.overCeilingPct, 0, `${s.name} ${h.name} memory`);
      }
    }
    // The lower bound is the peak over slots of the summed demand: never above the hosts used.
    assert.ok(plan.placement.lowerBound <= plan.placement.hostsUsed);
  });
}
