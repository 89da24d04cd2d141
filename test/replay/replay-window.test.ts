// The replay arithmetic (method §14), one case per row: hosts, VMs with their samples, and the
// figures the replay must report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replayWindow } from '../../src/replay/index.ts';
import type { HostReplay, ResourceReplay } from '../../src/domain/plan-replay.ts';
import { replayPlan, samplesOf, STEP, T0, type HostSpec, type VmSpec } from './builders.ts';

const iso = (i: number) => new Date((T0 + i * STEP) * 1000).toISOString().replace('.000Z', 'Z');

interface Case {
  name: string;
  hosts: HostSpec[];
  vms: VmSpec[];
  /** scenario name → host → resource → expected fields. */
  expect: Record<string, Record<string, Record<string, Record<string, number | string | null> | null>>>;
  summary?: Record<string, number>;
  growth?: { cpu: number; cpuGrowth: number };
}

const cases: Case[] = [
  {
    // 1 × 4 cores × 2 GHz = 8 GHz; VMs of 2 cores × 4 GHz... both 8 GHz sources: 20 % → 1.6 GHz.
    // Host: 4, 4, 4, 10.4 GHz = 50, 50, 50, 130 %; average 70 % is under the 75 % ceiling.
    name: 'fits on average, not at its peak',
    hosts: [{ name: 'h1' }],
    vms: [
      { name: 'a', host: 'h1', cores: 4, ghz: 2, cpuPct: [20, 20, 20, 90] },
      { name: 'b', host: 'h1', cores: 4, ghz: 2, cpuPct: [30, 30, 30, 40] },
    ],
    expect: {
      normal: {
        h1: {
          cpu: {
            capacity: 8,
            avgPct: 70,
            overCeilingPct: 25,
            over100Pct: 25,
            worstPct: 130,
            worstAt: iso(3),
            p99Pct: 127.6,
            peak: 10.4,
          },
        },
      },
    },
    summary: { hostIntervals: 4, cpuOverCeilingPct: 25, cpuOver100Pct: 25 },
    growth: { cpu: 1.3, cpuGrowth: 0.3 },
  },
  {
    // Memory GB against usable memory: 16.5 GB − 512 MB reserve = 16 GB; 8 GB + 4 GB = 75 %.
    name: 'memory against usable memory, network against the NIC line rate',
    hosts: [{ name: 'h1', nics: 2, nicGbps: 1 }],
    vms: [
      { name: 'a', host: 'h1', memoryMb: [8192, 8192], networkMBps: [100, 300] },
      { name: 'b', host: 'h1', memoryMb: [4096, 4096], networkMBps: [100, 0] },
    ],
    expect: {
      normal: {
        h1: {
          cpu: null,
          memory: { capacity: 16, worstPct: 75, overCeilingPct: 0 },
          // 2 × 1 Gbit/s = 250 MB/s; 200 and 300 MB/s.
          network: { capacity: 250, worstPct: 120, over100Pct: 50, worstAt: iso(1), avg: 250 },
        },
      },
    },
  },
  {
    name: 'a host without NIC data: network not replayed, CPU still is',
    hosts: [{ name: 'h1', nics: 0, nicGbps: 0 }],
    vms: [{ name: 'a', host: 'h1', cores: 2, ghz: 2, cpuPct: [50, 50], networkMBps: [900, 900] }],
    expect: { normal: { h1: { network: null, cpu: { capacity: 8, worstPct: 25 } } } },
  },
  {
    name: 'a source server without cores: CPU not replayed',
    hosts: [{ name: 'h1' }],
    vms: [{ name: 'a', host: 'h1', cores: null, cpuPct: [50, 50], memoryMb: [1024, 1024] }],
    expect: { normal: { h1: { cpu: null, memory: { worstPct: 6.25 } } } },
  },
];

for (const c of cases) {
  test(`replay: ${c.name}`, () => {
    const w = replayWindow(replayPlan(c.hosts, c.vms), samplesOf(c.vms), 'planning');
    for (const [scenario, hosts] of Object.entries(c.expect)) {
      const s = w.scenarios.find((x) => x.name === scenario);
      assert.ok(s, `scenario ${scenario}`);
      for (const [host, resources] of Object.entries(hosts)) {
        const h: HostReplay = s.hosts.find((x) => x.name === host)!;
        for (const [r, fields] of Object.entries(resources)) {
          const got: ResourceReplay | null | undefined = h[r as 'cpu'];
          if (fields === null) assert.equal(got, null, `${host} ${r}`);
          else
            for (const [f, v] of Object.entries(fields)) assert.equal(got?.[f as 'worstPct'], v, `${host} ${r}.${f}`);
        }
      }
    }
    for (const [k, v] of Object.entries(c.summary ?? {})) assert.equal(w.summary[k as 'hostIntervals'], v, k);
    if (c.growth) {
      assert.equal(w.requiredGrowth.cpu, c.growth.cpu);
      assert.equal(w.requiredGrowth.cpuGrowth, c.growth.cpuGrowth);
    }
  });
}

test('replay: a failure scenario that overloads the survivor', () => {
  // Each host carries one VM at 60 % of its 8 GHz; h1 fails and its VM restarts on h2: 120 %.
  const vms: VmSpec[] = [
    { name: 'a', host: 'h1', cores: 4, ghz: 2, cpuPct: [60, 60, 60] },
    { name: 'b', host: 'h2', cores: 4, ghz: 2, cpuPct: [60, 60, 60] },
  ];
  const restart = (vm: string, from: string, to: string) => ({ vm, from, to, haPriority: 'high' as const });
  const scenarios = [
    { failedHosts: ['h1'], satisfied: true, restarts: [restart('a', 'h1', 'h2')], load: [], shortfalls: [] },
    { failedHosts: ['h2'], satisfied: true, restarts: [restart('b', 'h2', 'h1')], load: [], shortfalls: [] },
  ];
  const plan = replayPlan([{ name: 'h1' }, { name: 'h2' }], vms, {}, scenarios);
  const w = replayWindow(plan, samplesOf(vms), 'backtest');
  assert.deepEqual(
    w.scenarios.map((s) => [s.name, s.hosts.map((h) => [h.name, h.vms, h.cpu?.worstPct, h.cpu?.over100Pct])]),
    [
      [
        'normal',
        [
          ['h1', 1, 60, 0],
          ['h2', 1, 60, 0],
        ],
      ],
      ['h1 fails', [['h2', 2, 120, 100]]],
      ['h2 fails', [['h1', 2, 120, 100]]],
    ],
  );
  // Normal operation holds (60 % < 75 %): not overloaded; the failure is named.
  assert.equal(w.overloaded, false);
  assert.deepEqual(w.summary.worstFailure, { scenario: 'h1 fails', resource: 'cpu', host: 'h2', worstPct: 120 });
  assert.equal(w.summary.cpuOverCeilingPct, 0);
});

test('replay: a failure scenario lists only the survivors its restarts land on', () => {
  // Three hosts; h1 fails and its VM restarts on h3: h2 carries its normal load, already under
  // `normal`, so the scenario lists h3 alone (a scenario listing every host grows with hosts²).
  const vms: VmSpec[] = [
    { name: 'a', host: 'h1', cores: 4, ghz: 2, cpuPct: [40, 40] },
    { name: 'b', host: 'h2', cores: 4, ghz: 2, cpuPct: [90, 90] },
    { name: 'c', host: 'h3', cores: 4, ghz: 2, cpuPct: [20, 20] },
  ];
  const restart = (vm: string, from: string, to: string | null) => ({ vm, from, to, haPriority: 'high' as const });
  const scenarios = [
    { failedHosts: ['h1'], satisfied: true, restarts: [restart('a', 'h1', 'h3')], load: [], shortfalls: [] },
    { failedHosts: ['h2'], satisfied: false, restarts: [restart('b', 'h2', null)], load: [], shortfalls: [] },
  ];
  const plan = replayPlan([{ name: 'h1' }, { name: 'h2' }, { name: 'h3' }], vms, {}, scenarios);
  const w = replayWindow(plan, samplesOf(vms), 'planning');
  assert.deepEqual(
    w.scenarios.map((s) => [s.name, s.hosts.map((h) => [h.name, h.vms, h.cpu?.worstPct])]),
    [
      [
        'normal',
        [
          ['h1', 1, 40],
          ['h2', 1, 90],
          ['h3', 1, 20],
        ],
      ],
      ['h1 fails', [['h3', 2, 60]]],
      ['h2 fails', []],
    ],
  );
  assert.deepEqual(w.summary.worstFailure, { scenario: 'h1 fails', resource: 'cpu', host: 'h3', worstPct: 60 });
});

test('replay: a VM sampled every 10 minutes holds its value over the 5-minute grid, not over a gap', () => {
  // 'slow' samples at 0, 10 and 30 minutes (a 20-minute gap): each value covers its own 10 minutes.
  const vms: VmSpec[] = [
    { name: 'fast', host: 'h1', cores: 4, ghz: 2, cpuPct: [10, 10, 10, 10, 10, 10, 10, 10] },
    { name: 'slow', host: 'h1', cores: 4, ghz: 2, cpuPct: [50, 50, 50], at: [0, 2, 6], stepSec: 600 },
  ];
  const w = replayWindow(replayPlan([{ name: 'h1' }], vms), samplesOf(vms), 'planning');
  assert.equal(w.intervalSeconds, 300);
  const h = w.scenarios[0]!.hosts[0]!;
  assert.equal(h.intervals, 8);
  assert.equal(h.cpu?.worstPct, 60);
  // 50 % held over intervals 0, 1, 2, 3, 6, 7 of 8.
  assert.equal(h.cpu?.avgPct, 10 + (50 * 6) / 8);
});
