import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import type { HostReplay, ReplayWindow } from '../../src/domain/plan-replay.ts';
import { windowLine } from '../../src/report/replay-terminal.ts';
import { terminalEs } from '../../src/report/messages/terminal-es.ts';

const cpu = (worstPct: number) => ({
  capacity: 32,
  ceilingPct: 75,
  intervals: 4,
  overCeilingPct: 100,
  over100Pct: 100,
  worstPct,
  worstAt: null,
  p99Pct: worstPct,
  avgPct: worstPct,
  peak: 40,
  avg: 40,
});

function host(i: number): HostReplay {
  return { name: `host${i}`, intervals: 4, vms: 3, cpu: cpu(120 + i / 10), memory: null, network: null, iops: null };
}

function overloadedWindow(hosts: number): ReplayWindow {
  return {
    role: 'planning',
    from: '2024-03-04T00:00:00Z',
    to: '2024-03-04T03:00:00Z',
    intervalSeconds: 3600,
    vms: hosts * 3,
    vmsWithoutSamples: [],
    scenarios: [{ name: 'normal', failedHosts: [], hosts: Array.from({ length: hosts }, (_, i) => host(i + 1)) }],
    summary: {
      hostIntervals: hosts * 4,
      cpuOverCeilingPct: 100,
      cpuOver100Pct: 100,
      memoryOverCeilingPct: 0,
      memoryOver100Pct: 0,
      networkOver100Pct: 0,
      iopsOver100Pct: 0,
      worstFailure: null,
    },
    overloaded: true,
    requiredGrowth: { cpu: 1.3, memory: 1, cpuGrowth: 0.3, memoryGrowth: 0 },
  };
}

const plain = new Chalk({ level: 0 });

test('a replay line names the first ten overloaded hosts and says how many more there are', () => {
  const line = windowLine(overloadedWindow(693), 1, plain);
  assert.match(line, /\(host1 cpu 120\.1 %, host2 cpu 120\.2 %, .*host10 cpu 121\.0 %, … and 683 more \(/);
  assert.match(line, /… and 683 more \(plan\.md and plan\.xlsx list every host\)\); would have held/);
  assert.doesNotMatch(line, /host11 /);
  assert.ok(line.length < 800, `${line.length} characters`);
});

test('eleven overloaded hosts are all named: a line saying "1 more" would be as long', () => {
  const line = windowLine(overloadedWindow(11), 1, plain);
  assert.match(line, /host10 cpu 121\.0 %, host11 cpu 121\.1 %\)/);
  assert.doesNotMatch(line, /and \d+ more/);
});

test('in Spanish the line says how many more in Spanish', () => {
  assert.match(windowLine(overloadedWindow(30), 1, plain, terminalEs), /… y 20 más \(plan\.md y plan\.xlsx listan/);
});
