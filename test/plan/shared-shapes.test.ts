// What a plan holds per server is built so that the objects made at one place share one
// hidden class. On Node 20 an object literal that starts with a spread and then adds a
// property gets a class of its own — a map and descriptor array per object, 30 % of a plan's
// heap at 10,000 servers — so those places copy with extend() (util/extend.ts) instead; equal
// quality verdicts and finding params are one object (util/interner.ts). Checked with V8's
// own %HaveSameMap on the objects of a planned estate of 60 servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { extend } from '../../src/util/extend.ts';
import { Interner } from '../../src/util/interner.ts';

setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const SERVERS = 60;
const dir = mkdtempSync(path.join(tmpdir(), 'capplan-shapes-'));
const name = (s: number) => `srv-${String(s).padStart(3, '0')}`;
const inventory = ['name,os,os_bits,sockets,cores_per_socket,cpu_ghz,memory_mb,disk_gb,nics'];
for (let s = 0; s < SERVERS; s++) inventory.push(`${name(s)},Rocky Linux 9,64,1,4,2.4,16384,100,1`);
const monitoring = ['timestamp,server,cpu_pct,memory_used_mb'];
for (let h = 0; h < 48; h++)
  for (let s = 0; s < SERVERS; s++) {
    const at = new Date(Date.UTC(2026, 2, 2) + h * 3_600_000).toISOString().replace('.000', '');
    monitoring.push(`${at},${name(s)},${10 + ((s * 7 + h * 13) % 60)}.5,${2048 + ((s * 31 + h) % 40) * 100}.25`);
  }
writeFileSync(path.join(dir, 'inventory.csv'), `${inventory.join('\n')}\n`);
writeFileSync(path.join(dir, 'monitoring.csv'), `${monitoring.join('\n')}\n`);
writeFileSync(
  path.join(dir, 'capplan.yaml'),
  'project: shapes\ninputs:\n  inventory: inventory.csv\n  monitoring: monitoring.csv\nsizing:\n  minSamples: 10\n' +
    'replay:\n  tradeOff: false\n',
);
const { inputs, names } = await readProjectInputs(dir);
const plan = await assemblePlan(inputs);

/** The last two of `xs` (past V8's first few objects of a place, which share a class either way). */
const lastTwo = <T>(xs: T[]): [T, T] => [xs.at(-2)!, xs.at(-1)!];

test('the VMs, servers and usage of a plan share their classes server to server', () => {
  assert.equal(plan.vms.length, SERVERS);
  assert.ok(sameMap(...lastTwo(plan.vms)), 'VMs');
  assert.ok(sameMap(...lastTwo(plan.servers)), 'servers');
  const [a, b] = lastTwo(plan.servers);
  assert.ok(a.usage && b.usage && sameMap(a.usage, b.usage), 'usage');
});

test("a VM's sizing params share their class VM to VM, the disk's inner formula too", () => {
  const [a, b] = lastTwo(plan.vms);
  for (const r of ['cpu', 'memory', 'disk'] as const) {
    const pa = a.sizing[r]!.formulaStep!.params;
    const pb = b.sizing[r]!.formulaStep!.params;
    assert.ok(sameMap(pa, pb), r);
  }
  // The disk was not monitored: its formula is led by the installed disk, the disk formula inside.
  assert.equal(a.sizing.disk!.formulaStep!.code, 'installed-disk');
  assert.ok(sameMap(a.sizing.disk!.formulaStep!.params, b.sizing.disk!.formulaStep!.params), 'installed-disk');
  // Both have the same installed disk: one sizing for both.
  assert.equal(a.sizing.disk, b.sizing.disk);
  assert.notEqual(a.sizing.memory, b.sizing.memory);
});

test('equal quality verdicts and finding params are one object', () => {
  const [a, b] = lastTwo(plan.servers);
  assert.equal(a.usage!.quality, b.usage!.quality);
  assert.deepEqual(a.usage!.quality!.missingMetrics, ['diskUsedGb', 'networkMBps']);
  const disk = plan.findings!.filter((f) => f.code === 'missing-metric' && f.params?.metric === 'diskUsedGb');
  assert.equal(disk.length, SERVERS);
  assert.equal(disk[0]!.params, disk.at(-1)!.params);
  assert.equal(disk.at(-1)!.server, name(SERVERS - 1));
});

test('extend copies as spread does, keys in the same order, with one class for one place', () => {
  const made = Array.from({ length: 20 }, (_, i) => extend({ a: i + 0.5, b: 'x', c: null }, { d: i, b: 'y' }));
  assert.deepEqual(Object.keys(made[19]!), ['a', 'b', 'c', 'd']);
  assert.equal(JSON.stringify(made[19]), JSON.stringify({ ...{ a: 19.5, b: 'x', c: null }, d: 19, b: 'y' }));
  assert.ok(sameMap(made[18]!, made[19]!));
});

test('an interner returns the first of equal values, and a different value as given', () => {
  const shared = new Interner();
  const first = shared.of({ metric: 'diskUsedGb' });
  assert.equal(shared.of({ metric: 'diskUsedGb' }), first);
  const other = { metric: 'networkMBps' };
  assert.equal(shared.of(other), other);
  // Shared values are frozen, nested ones too: a change meant for one server fails instead of
  // reaching every server that shares the value.
  const nested = shared.of({ code: 'x', params: { metric: 'cpuPct' } });
  assert.ok(Object.isFrozen(nested) && Object.isFrozen(nested.params));
  assert.throws(() => {
    (first as { metric: string }).metric = 'cpuPct';
  }, TypeError);
});

test("a VM's formula text is written from its step when read, in its place among the keys", () => {
  const cpu = plan.vms.at(-1)!.sizing.cpu!;
  // Not held as a string: an enumerable getter over formulaStep.
  const own = Object.getOwnPropertyDescriptor(cpu, 'formula')!;
  assert.equal(typeof own.get, 'function');
  assert.equal(own.enumerable, true);
  const p = cpu.formulaStep!.params;
  assert.equal(cpu.formula, `⌈${p.cores} cores × ${p.demand} % / 100⌉ = ⌈${p.exact}⌉ = ${p.rounded}`);
  const json = JSON.parse(JSON.stringify(cpu)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), [
    'statistic',
    'measured',
    'peakFactor',
    'growth',
    'demand',
    'result',
    'formula',
    'formulaStep',
  ]);
  assert.equal(json.formula, cpu.formula);
  // The installed disk leads to the disk formula, whose text it holds inside its own.
  const disk = plan.vms.at(-1)!.sizing.disk!;
  assert.match(disk.formula, /^disk not monitored, installed 100 GB used: 100 GB × \(1 \+ 0\.5\) = 150 GB; ⌈150 GB/);
});

test("the host search's placement problems on the same VMs share one list of them", async () => {
  const { buildProblem } = await import('../../src/plan/choose-hosts.ts');
  const { ruleSet } = await import('../../src/plan/placement-rules.ts');
  const sized = plan.vms.map((vm) => ({ vm, excluded: false }));
  const rules = ruleSet(plan.servers, plan.settings);
  const a = buildProblem(plan.hostModel, sized, plan.settings, 0, undefined, rules);
  const b = buildProblem(
    { ...plan.hostModel, memoryGb: 2 * plan.hostModel.memoryGb },
    sized,
    plan.settings,
    0,
    5,
    rules,
  );
  assert.equal(a.vms, b.vms);
  assert.equal(a.vms.length, SERVERS);
  assert.notDeepEqual(a.hostModels[0]!.capacity, b.hostModels[0]!.capacity);
  assert.equal(b.hostCount, 5);
});

test('the usage a plan sizes from is the object the name match holds, not a copy beside it', () => {
  const last = names!.usage.at(-1)!;
  assert.equal(inputs.usage.get(last.server), last);
  assert.equal(last.quality?.verdict, plan.servers.at(-1)!.usage!.quality!.verdict);
});
