// The worst load after a failure when scenarios list only the survivors restarts land on: a
// host's listed loads, and its normal load when some scenario leaves it unlisted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../../src/domain/plan.ts';
import { worstAfterFailure, worstFailureLoads } from '../../src/report/failover-loads.ts';

const host = (name: string, cpuPct: number, memoryPct: number) => ({ name, load: { cpuPct, memoryPct } });
const load = (h: string, cpuPct: number, memoryPct: number) => ({ host: h, vcpu: 0, memoryGb: 0, cpuPct, memoryPct });
const planOf = (hosts: ReturnType<typeof host>[], scenarios: { failedHosts: string[]; load: unknown[] }[]) =>
  ({ hosts, redundancy: { scenarios } }) as unknown as Plan;

test('failover loads: listed loads, and the normal load of a host some scenario leaves unlisted', () => {
  // h1 fails → h2 takes its VMs (h3 unlisted: its normal 70 %); h2 fails → h1; h3 fails → h1.
  const plan = planOf(
    [host('h1', 40, 30), host('h2', 50, 20), host('h3', 70, 10)],
    [
      { failedHosts: ['h1'], load: [load('h2', 80, 45)] },
      { failedHosts: ['h2'], load: [load('h1', 60, 35)] },
      { failedHosts: ['h3'], load: [load('h1', 65, 50)] },
    ],
  );
  assert.deepEqual(Object.fromEntries(worstFailureLoads(plan)), {
    // h1 is failed once and listed twice: never an unlisted survivor.
    h1: { cpuPct: 65, memoryPct: 50 },
    // h2 is listed once, failed once, unlisted in "h3 fails": max(80, 50), max(45, 20).
    h2: { cpuPct: 80, memoryPct: 45 },
    // h3 is never listed: its normal load.
    h3: { cpuPct: 70, memoryPct: 10 },
  });
  assert.deepEqual(worstAfterFailure(plan), { cpuPct: 80, memoryPct: 50 });
});

test('failover loads: no scenarios, no figure', () => {
  assert.equal(worstAfterFailure(planOf([host('h1', 40, 30)], [])), null);
});
