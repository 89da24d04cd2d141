import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreClockOf, sizeVcpuFromMhz } from '../../src/sizing/size-vcpu-mhz.ts';
import { sizeServer } from '../../src/sizing/size-server.ts';
import type { Demand } from '../../src/sizing/demand.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { demand, server, usage } from './builders.ts';

test('vCPU = ⌈demand MHz × peak × (1 + growth) / MHz per core⌉, never below minVcpu (method §3.7)', () => {
  const cases: { d: Demand; coreMhz: number; min?: number; expected: number; formula?: string }[] = [
    { d: demand(2600), coreMhz: 2600, expected: 1, formula: '⌈2600 MHz / 2600 MHz per core (target host)⌉ = ⌈1⌉ = 1' },
    {
      d: demand(2600),
      coreMhz: 2000,
      expected: 2,
      formula: '⌈2600 MHz / 2000 MHz per core (target host)⌉ = ⌈1.3⌉ = 2',
    },
    { d: demand(2600, 0.25, 1.2), coreMhz: 2000, expected: 2 }, // 3,900 MHz → ⌈1.95⌉
    { d: demand(4000, 0.25, 1.2), coreMhz: 2000, expected: 3 }, // 6,000 MHz → ⌈3⌉ exactly
    { d: demand(6000 / 1.2, 0.2), coreMhz: 2000, expected: 3 }, // float noise: 3.0000000000000004
    { d: demand(6001), coreMhz: 2000, expected: 4 },
    {
      d: demand(0),
      coreMhz: 2400,
      expected: 1,
      formula: '⌈0 MHz / 2400 MHz per core (target host)⌉ = ⌈0⌉ = 0 → minimum 1',
    },
    { d: demand(100), coreMhz: 2400, min: 2, expected: 2 },
    { d: demand(20_800), coreMhz: 2600, expected: 8 },
    {
      d: demand(3000, 0, 1.5),
      coreMhz: 2000,
      expected: 3,
      formula: '3000 MHz × 1.5 peak = 4500 MHz; ⌈4500 MHz / 2000 MHz per core (target host)⌉ = ⌈2.25⌉ = 3',
    },
  ];
  for (const c of cases) {
    const r = sizeVcpuFromMhz(c.d, { mhz: c.coreMhz, from: 'target' }, c.min ?? 1);
    assert.equal(r.result, c.expected, `${c.d.demand} MHz / ${c.coreMhz}`);
    assert.equal(r.unit, 'MHz');
    assert.equal(r.demand, c.d.demand);
    if (c.formula) assert.equal(r.formula, c.formula);
  }
});

test('MHz per core: the target with clock normalisation, else the source clock, else the target', () => {
  const none = defaultSettings();
  const clock = defaultSettings({ sizing: { cpuNormalisation: 'clock' } });
  const cases: { name: string; ghz: number | null; settings: typeof none; target?: number; expected: unknown }[] = [
    { name: 'normalised', ghz: 2.6, settings: clock, target: 2, expected: { mhz: 2000, from: 'target' } },
    { name: 'own clock', ghz: 2.6, settings: none, target: 2, expected: { mhz: 2600, from: 'source' } },
    { name: 'own clock, no target', ghz: 3.06, settings: none, expected: { mhz: 3060, from: 'source' } },
    { name: 'no own clock', ghz: null, settings: none, target: 2.4, expected: { mhz: 2400, from: 'target' } },
    { name: 'no clock at all', ghz: null, settings: none, expected: null },
  ];
  for (const c of cases) assert.deepEqual(coreClockOf({ cpuGhz: c.ghz }, c.settings, c.target), c.expected, c.name);
});

test('a server with CPU MHz is sized from them, MHz winning over its CPU %', () => {
  const settings = defaultSettings();
  // 4 cores at 2 GHz; 3,000 MHz is 37.5 % of its 8,000 MHz; the 10 % beside it is ignored.
  const u = usage({ cpuMhz: 3000, cpuPct: 10, memoryUsedMb: 2048, diskUsedGb: 40 });
  const { vm, excluded } = sizeServer(server(), u, settings);
  assert.equal(excluded, false);
  assert.equal(vm.vcpu, 2);
  assert.equal(vm.sizing.cpu?.formula, '⌈3000 MHz / 2000 MHz per core (source server)⌉ = ⌈1.5⌉ = 2');
  // From CPU % alone the same server gets ⌈4 × 10 / 100⌉ = 1.
  const pctOnly = sizeServer(server(), usage({ cpuPct: 10, memoryUsedMb: 2048, diskUsedGb: 40 }), settings);
  assert.equal(pctOnly.vm.vcpu, 1);
  // Onto 2.5 GHz cores with clock normalisation: ⌈3,000 / 2,500⌉ = 2; onto 3 GHz: 1.
  const clock = defaultSettings({ sizing: { cpuNormalisation: 'clock' } });
  assert.equal(sizeServer(server(), u, clock, 2.5).vm.vcpu, 2);
  assert.equal(sizeServer(server(), u, clock, 3).vm.vcpu, 1);
});

test('CPU MHz without any clock: no CPU figure, excluded for the missing cpu_ghz', () => {
  const u = usage({ cpuMhz: 3000, memoryUsedMb: 2048, diskUsedGb: 40 });
  const { vm, excluded } = sizeServer(server({ cpuGhz: null }), u, defaultSettings());
  assert.equal(excluded, true);
  assert.equal(vm.vcpu, 0);
  assert.deepEqual(
    vm.reasons.map((r) => [r.code, r.figures?.fields]),
    [['missing-inventory-data', 'cpu_ghz']],
  );
  // With a target clock it is sized: ⌈3,000 / 2,400⌉ = 2.
  const sized = sizeServer(server({ cpuGhz: null }), u, defaultSettings(), 2.4);
  assert.equal(sized.excluded, false);
  assert.equal(sized.vm.vcpu, 2);
});
