import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpuUtilisationReason,
  guest32BitMemoryReason,
  memoryLimitReason,
  memoryUtilisationReason,
  missingInventoryReason,
  missingPerformanceReason,
  nicLimitReason,
  specialHardwareReason,
  vcpuLimitReason,
} from '../../src/sizing/exclusion-rules.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { server, usage } from './builders.ts';

const hv = defaultSettings().hypervisor;

test('vCPU limit: above 16 per VM is excluded, 16 is not', () => {
  assert.equal(vcpuLimitReason(16, hv), null);
  assert.deepEqual(vcpuLimitReason(20, hv), {
    code: 'exceeds-vcpu-limit',
    message: 'needs 20 vCPU; RHEV-H 2.2 allows 16 per VM',
    figures: { vcpu: 20, limit: 16 },
    step: { code: 'vcpu-limit', params: { vcpu: 20, limit: 16, hypervisor: 'RHEV-H 2.2' } },
  });
});

test('memory limits: 256 GB for 64-bit (and unknown) guests, 4 GB for 32-bit guests', () => {
  const cases: [number, 32 | 64 | null, string | null, string | null][] = [
    // memory GB, bits, 64-bit rule, 32-bit rule
    [256, 64, null, null],
    [257, 64, 'exceeds-memory-limit', null],
    [257, null, 'exceeds-memory-limit', null],
    [4, 32, null, null],
    [5, 32, null, 'guest-32bit-memory'],
    [300, 32, null, 'guest-32bit-memory'],
  ];
  for (const [gb, bits, rule64, rule32] of cases) {
    assert.equal(memoryLimitReason(gb, bits, hv)?.code ?? null, rule64, `${gb} GB ${bits}-bit`);
    assert.equal(guest32BitMemoryReason(gb, bits, hv)?.code ?? null, rule32, `${gb} GB ${bits}-bit`);
  }
  assert.equal(
    guest32BitMemoryReason(5, 32, hv)?.message,
    '32-bit guest needs 5 GB of memory; RHEV-H 2.2 allows 4 GB per 32-bit VM',
  );
  assert.deepEqual(memoryLimitReason(257, 64, hv)?.figures, { memoryGb: 257, limitGb: 256 });
});

test('NIC limit: 8 vNICs per VM', () => {
  assert.equal(nicLimitReason(8, hv), null);
  assert.deepEqual(nicLimitReason(9, hv), {
    code: 'exceeds-nic-limit',
    message: 'needs 9 vNICs; RHEV-H 2.2 allows 8 per VM',
    figures: { nics: 9, limit: 8 },
    step: { code: 'nic-limit', params: { nics: 9, limit: 8, hypervisor: 'RHEV-H 2.2' } },
  });
});

test('source utilisation above 85 % (CPU, memory used / installed)', () => {
  assert.equal(cpuUtilisationReason(85, 'avg', 85), null);
  const cpu = cpuUtilisationReason(90.5, 'avg', 85);
  assert.equal(cpu?.code, 'source-utilisation-above-threshold');
  assert.equal(
    cpu?.message,
    'CPU avg 90.5 % of its own hardware is above the 85 % threshold; it would monopolise a node',
  );
  assert.equal(memoryUtilisationReason(3481.6, 4096, 'avg', 85), null); // exactly 85 %
  const mem = memoryUtilisationReason(3600, 4096, 'p95', 85);
  assert.equal(
    mem?.message,
    'memory p95 3600 MB of 4096 MB installed = 87.89 %, above the 85 % threshold; it would monopolise a node',
  );
  assert.equal(mem?.figures?.usedPct, (3600 / 4096) * 100);
});

test('special hardware names every device', () => {
  assert.equal(specialHardwareReason({ specialHardware: [] }), null);
  const r = specialHardwareReason({ specialHardware: ['usb', 'fax'] });
  assert.equal(r?.code, 'special-hardware');
  assert.match(r!.message, /\(usb, fax\)/);
  assert.deepEqual(r?.figures, { hardware: 'usb, fax' });
});

test('missing inventory data names the empty columns', () => {
  assert.equal(missingInventoryReason(server()), null);
  const r = missingInventoryReason(
    server({ osBits: null, memoryMb: null, cpuModel: null, source: { file: 'inv.csv', row: 7 } }),
  );
  assert.equal(r?.code, 'missing-inventory-data');
  assert.equal(r?.message, 'inventory has no os_bits, memory_mb (inv.csv row 7)');
  assert.deepEqual(r?.figures, { fields: 'os_bits, memory_mb', count: 2 });
});

test('missing performance data: no usage, too few samples, no CPU or memory metric', () => {
  const cases: [Parameters<typeof missingPerformanceReason>[0], number, string | null][] = [
    [null, 1, 'no monitoring data for this server'],
    [usage({ cpuPct: 10, memoryUsedMb: 10 }, 0), 1, 'no monitoring data for this server'],
    [usage({ cpuPct: 10, memoryUsedMb: 10 }, 5), 10, 'only 5 monitoring samples; at least 10 are needed'],
    [usage({ cpuPct: 10, memoryUsedMb: 10 }, 10), 10, null],
    [usage({ memoryUsedMb: 10, diskUsedGb: 1 }), 1, 'monitoring data has no cpu_pct samples'],
    [usage({ networkMBps: 1 }), 1, 'monitoring data has no cpu_pct and memory_used_mb samples'],
    [usage({ cpuPct: 10, memoryUsedMb: 10 }), 1, null], // disk and network are optional
  ];
  for (const [u, min, message] of cases) {
    const r = missingPerformanceReason(u, min);
    assert.equal(r?.message ?? null, message);
    if (r) assert.equal(r.code, 'missing-performance-data');
  }
});
