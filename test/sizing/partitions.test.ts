import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hypervisorPartitions, recommendedSwapGb } from '../../src/sizing/partitions.ts';
import { defaultSettings } from '../helpers/settings.ts';

test('recommended swap: the RHEL table at every boundary', () => {
  const cases: [number, number][] = [
    [1, 2],
    [4, 2],
    [4.01, 4],
    [16, 4],
    [16.01, 8],
    [32, 8],
    [64, 8],
    [64.01, 16],
    [256, 16],
    [256.01, 32],
    [512, 32],
    [512.01, 32], // beyond the table: its last figure
    [2048, 32],
  ];
  for (const [ramGb, swapGb] of cases) assert.equal(recommendedSwapGb(ramGb), swapGb, `${ramGb} GB RAM`);
});

test('partitions of the worked example: 32 GB on 149504 MB (method §2.6)', () => {
  assert.deepEqual(hypervisorPartitions(32, 149504, defaultSettings().partitions), {
    bootMb: 50,
    rootMb: 512,
    configMb: 5,
    loggingMb: 2048,
    swapMb: 24576,
    dataMb: 49152,
    totalMb: 76343,
    fits: true,
  });
});

test('partitions: swap and data follow RAM and the settings; fits compares with the disk', () => {
  const p = defaultSettings().partitions;
  const cases: {
    ramGb: number;
    diskMb: number;
    settings?: Partial<typeof p>;
    swapMb: number;
    dataMb: number;
    fits: boolean;
  }[] = [
    { ramGb: 16, diskMb: 149504, swapMb: (4 + 8) * 1024, dataMb: 24 * 1024, fits: true },
    { ramGb: 128, diskMb: 149504, swapMb: (16 + 64) * 1024, dataMb: 192 * 1024, fits: false },
    { ramGb: 32, diskMb: 76343, swapMb: 24576, dataMb: 49152, fits: true }, // exactly full
    { ramGb: 32, diskMb: 76342, swapMb: 24576, dataMb: 49152, fits: false },
    {
      ramGb: 32,
      diskMb: 149504,
      settings: { swapOvercommit: 0, dataFactor: 1 },
      swapMb: 8192,
      dataMb: 32768,
      fits: true,
    },
    {
      ramGb: 1.5,
      diskMb: 149504,
      settings: { dataFactor: 1.5 },
      swapMb: Math.ceil((2 + 0.75) * 1024),
      dataMb: 2304,
      fits: true,
    },
  ];
  for (const c of cases) {
    const r = hypervisorPartitions(c.ramGb, c.diskMb, { ...p, ...c.settings });
    assert.deepEqual([r.swapMb, r.dataMb, r.fits], [c.swapMb, c.dataMb, c.fits], `${c.ramGb} GB`);
    assert.equal(r.totalMb, 50 + 512 + 5 + 2048 + c.swapMb + c.dataMb);
  }
});
