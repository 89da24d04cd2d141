import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizeServer } from '../../src/sizing/size-server.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { InternalError } from '../../src/domain/errors.ts';
import { server, usage } from './builders.ts';
import { EXAMPLE, GROWTH_FACTOR } from './worked-example.ts';

const seedSettings = defaultSettings(); // the defaults are the source's sizing settings

test('table 2.7 row by row from table 2.6 (measured memory and disk = table / 1.5)', () => {
  let totals = { vcpu: 0, memoryGb: 0, diskGb: 0 };
  for (const r of EXAMPLE) {
    const u = usage({
      cpuPct: r.cpuPct,
      memoryUsedMb: r.memoryMb / GROWTH_FACTOR,
      diskUsedGb: r.diskGb / GROWTH_FACTOR,
      networkMBps: r.networkMBps,
    });
    const { vm, excluded } = sizeServer(server({ vmName: r.vmName, nics: r.nics }), u, seedSettings);
    assert.equal(excluded, false, r.vmName);
    assert.deepEqual({ vcpu: vm.vcpu, memoryGb: vm.memoryGb, diskGb: vm.diskGb, nics: vm.nics }, r.vm, r.vmName);
    assert.ok(Math.abs(vm.networkMBps - r.networkMBps) < 1e-9, `${r.vmName} network`);
    totals = {
      vcpu: totals.vcpu + vm.vcpu,
      memoryGb: totals.memoryGb + vm.memoryGb,
      diskGb: totals.diskGb + vm.diskGb,
    };
  }
  assert.deepEqual(totals, { vcpu: 16, memoryGb: 31, diskGb: 675 });
});

test('sizeServer records every input and a readable formula (Nómina)', () => {
  const u = usage({ cpuPct: 31.69, memoryUsedMb: 3528.44 / 1.5, diskUsedGb: 96.92 / 1.5, networkMBps: 228.77 });
  const { vm } = sizeServer(server({ name: 'Servidor Nómina', vmName: 'nomina', haPriority: 'high' }), u, seedSettings);
  assert.equal(vm.name, 'nomina');
  assert.equal(vm.sourceServer, 'Servidor Nómina');
  assert.equal(vm.haPriority, 'high');
  assert.deepEqual(vm.reasons, []);
  assert.equal(vm.sizing.cpu?.formula, '⌈4 cores × 31.69 % / 100⌉ = ⌈1.27⌉ = 2');
  assert.equal(vm.sizing.memory?.formula, '2352.29 MB × (1 + 0.5) = 3528.44 MB; ⌈3528.44 MB / 1024⌉ = ⌈3.45⌉ = 4 GB');
  assert.equal(vm.sizing.disk?.formula, '64.61 GB × (1 + 0.5) = 96.92 GB; ⌈96.92 GB / 5⌉ × 5 = 20 × 5 = 100 GB');
  assert.equal(vm.sizing.memory?.growth, 0.5);
  assert.equal(vm.sizing.cpu?.growth, 0);
  assert.equal(vm.sizing.network?.result, 228.77);
});

test('missing data: sizes what it can, zero for the rest, with every reason', () => {
  const s = server({ sockets: null, nics: null, specialHardware: ['serial'] });
  const { vm, excluded } = sizeServer(s, usage({ cpuPct: 30, memoryUsedMb: 2000 }), seedSettings);
  assert.equal(excluded, true);
  assert.equal(vm.vcpu, 0); // no core count
  assert.equal(vm.memoryGb, 3); // ⌈2000 × 1.5 / 1024⌉
  assert.equal(vm.nics, 1); // no NIC count: one vNIC, not a reason to exclude
  // disk not monitored: the installed 80 GB with growth, 120 GB
  assert.equal(vm.diskGb, 120);
  assert.match(vm.sizing.disk!.formula, /^disk not monitored, installed 80 GB used: /);
  assert.equal(vm.networkMBps, 0);
  assert.deepEqual(
    vm.reasons.map((r) => r.code),
    ['missing-inventory-data', 'special-hardware'],
  );
  assert.equal(vm.reasons[0]?.message, 'inventory has no sockets (inventory.csv row 2)');
});

test('no monitoring data: missing performance data, CPU and memory zero', () => {
  const { vm, excluded } = sizeServer(server(), null, seedSettings);
  assert.equal(excluded, true);
  assert.deepEqual([vm.vcpu, vm.memoryGb, vm.diskGb], [0, 0, 120]);
  assert.deepEqual(
    vm.reasons.map((r) => r.code),
    ['missing-performance-data'],
  );
});

test('a server may collect several reasons, in rule order', () => {
  const s = server({ sockets: 4, coresPerSocket: 8, osBits: 32, nics: 10, memoryMb: 8192 });
  const u = usage({ cpuPct: 90, memoryUsedMb: 7500 });
  const { vm, excluded } = sizeServer(s, u, seedSettings);
  assert.equal(excluded, true);
  assert.equal(vm.vcpu, 29); // ⌈32 × 0.9⌉
  assert.equal(vm.memoryGb, 11); // ⌈7500 × 1.5 / 1024⌉
  assert.deepEqual(
    vm.reasons.map((r) => r.code),
    [
      'source-utilisation-above-threshold',
      'source-utilisation-above-threshold',
      'exceeds-vcpu-limit',
      'guest-32bit-memory',
      'exceeds-nic-limit',
    ],
  );
  assert.deepEqual(vm.reasons.map((r) => r.figures?.resource ?? null).slice(0, 2), ['cpu', 'memory']);
});

test('utilisation is judged on the measured value, before peak and growth', () => {
  const settings = defaultSettings({ sizing: { peakFactor: { cpu: 1.5 } } });
  const { vm, excluded } = sizeServer(server(), usage({ cpuPct: 80, memoryUsedMb: 1000 }), settings);
  assert.equal(excluded, false); // 80 % ≤ 85 % although the demand is 120 %
  assert.equal(vm.vcpu, 5); // ⌈4 × 120 / 100⌉
});

test('clock normalisation uses the target host GHz and needs it', () => {
  const settings = defaultSettings({ sizing: { cpuNormalisation: 'clock' } });
  const u = usage({ cpuPct: 50, memoryUsedMb: 1000 });
  assert.equal(sizeServer(server({ cpuGhz: 3.06 }), u, settings, 2).vm.vcpu, 4);
  assert.equal(sizeServer(server({ cpuGhz: 2 }), u, settings, 2.66).vm.vcpu, 2);
  assert.equal(sizeServer(server({ cpuGhz: 3.06 }), u, seedSettings, 2).vm.vcpu, 2); // none: the source's method
  assert.throws(() => sizeServer(server(), u, settings), InternalError);
});
