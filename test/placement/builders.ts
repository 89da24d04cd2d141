// Builders with defaults for placement problems.
import type { PlacementProblem, PlacementVm } from '../../src/domain/problem.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { makeRng } from '../../src/util/rng.ts';

export function vm(name: string, demand: Record<string, number>, extra: Partial<PlacementVm> = {}): PlacementVm {
  return { name, demand, ...extra };
}

export function problem(over: Partial<PlacementProblem> = {}): PlacementProblem {
  return {
    resources: ['cpu', 'mem'],
    hostModels: [{ name: 'm1', capacity: { cpu: 10, mem: 10 }, cost: 1 }],
    vms: [],
    redundancy: 0,
    ceilingPct: 100,
    objective: 'min-hosts',
    timeLimitSeconds: 5,
    seed: 1,
    ...over,
  };
}

/** The worked example (spec): 10 VMs on 16-vCPU / 31.5-GB hosts, 75 % CPU ceiling, N+1, 2 hosts. */
export function workedExample(over: Partial<PlacementProblem> = {}): PlacementProblem {
  const sizes: [number, number][] = [
    [2, 4],
    [2, 3],
    [2, 4],
    [1, 1],
    [1, 1],
    [2, 4],
    [2, 4],
    [2, 4],
    [1, 3],
    [1, 3],
  ];
  return problem({
    resources: ['vcpu', 'memoryGb'],
    hostModels: [{ name: 'std', capacity: { vcpu: 16, memoryGb: 31.5 }, cost: 1 }],
    vms: sizes.map(([vcpu, memoryGb], i) => vm(`vm${String(i + 1).padStart(2, '0')}`, { vcpu, memoryGb })),
    redundancy: 1,
    ceilingPct: { vcpu: 75, memoryGb: 100 },
    failoverCeilingPct: 100,
    objective: 'balance',
    hostCount: 2,
    ...over,
  });
}

/** Deterministic PRNG for property tests (mulberry32). */
export const rng = makeRng;

/**
 * A hard one-resource instance of the Wäscher kind: capacity 10,000, item sizes uniform in
 * [lo, hi) so only 2–4 share a host. n = 114, sizes 2,000–5,000 (seed 3) ran for minutes
 * before the optimiser kept its time limit: its arc-flow model has ~75,000 arcs.
 */
export function hardOneResource(n = 114, seed = 3, lo = 2000, hi = 5000, timeLimitSeconds = 10): PlacementProblem {
  const r = rng(seed);
  return problem({
    resources: ['size'],
    hostModels: [{ name: 'bin', capacity: { size: 10_000 }, cost: 1 }],
    vms: Array.from({ length: n }, (_, i) =>
      vm(`v${String(i).padStart(3, '0')}`, { size: Math.floor(lo + r() * (hi - lo)) }),
    ),
    timeLimitSeconds,
  });
}

/** A placed result with the given hosts, nothing unplaced, no solver figures. */
export function placed(hosts: PlacementResult['hosts']): PlacementResult {
  return {
    hosts,
    unplaced: [],
    method: 'test',
    hostsUsed: hosts.length,
    cost: hosts.length,
    lowerBound: 0,
    optimal: false,
    bindingResource: null,
    seconds: 0,
    seed: 1,
    notes: [],
  };
}
