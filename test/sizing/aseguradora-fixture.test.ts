// The worked-example fixture (fixtures/aseguradora): its monitoring averages equal table 2.6,
// its generator is deterministic, its project file validates, and sizing its files gives
// tables 2.7 and 2.8 and the partitions of fig. 2.40. The CSV readers of src/ingest are not
// used here (another module); a tiny local mapping stands in for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { projectSchema } from '../../src/domain/project.ts';
import type { InventoryServer, ServerUsage } from '../../src/domain/server.ts';
import { sizeServer } from '../../src/sizing/size-server.ts';
import { deriveHost } from '../../src/sizing/derive-host.ts';
import { hypervisorPartitions } from '../../src/sizing/partitions.ts';
import { APRIL, APRIL_CSV, generateMonitoringCsv } from '../../fixtures/aseguradora/generate-monitoring.ts';
import { repoRoot } from '../helpers/env.ts';
import { EXAMPLE, GROWTH_FACTOR } from './worked-example.ts';

const dir = path.join(repoRoot, 'fixtures/aseguradora');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const monitoringText = read('monitoring.csv');
const monitoring: Record<string, string>[] = parse(monitoringText, { columns: true });
const inventory: Record<string, string>[] = parse(read('inventory.csv'), { columns: true });
const vmNameOf = new Map(inventory.map((r) => [r.name!, r.vm_name!]));

const METRICS = {
  cpuPct: 'cpu_pct',
  memoryUsedMb: 'memory_used_mb',
  diskUsedGb: 'disk_used_gb',
  networkMBps: 'network_mb_per_s',
} as const;

/** Averages per inventory name, summing in file order as a reader would. */
function averages(): Map<string, { samples: number } & Record<keyof typeof METRICS, number>> {
  const sums = new Map<string, { samples: number } & Record<keyof typeof METRICS, number>>();
  for (const row of monitoring) {
    const s = sums.get(row.server!) ?? { samples: 0, cpuPct: 0, memoryUsedMb: 0, diskUsedGb: 0, networkMBps: 0 };
    s.samples++;
    for (const [metric, column] of Object.entries(METRICS) as [keyof typeof METRICS, string][])
      s[metric] += Number(row[column]);
    sums.set(row.server!, s);
  }
  for (const s of sums.values())
    for (const metric of Object.keys(METRICS) as (keyof typeof METRICS)[]) s[metric] /= s.samples;
  return sums;
}

test('monitoring.csv: header, 40320 rows, 14 days at 5 minutes over the quarter close', () => {
  assert.equal(
    monitoringText.split('\n')[0],
    'timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops',
  );
  assert.equal(monitoringText.trimEnd().split('\n').length, 40320 + 1);
  assert.equal(monitoring.length, 40320);
  assert.equal(monitoring[0]!.timestamp, '2010-03-22T00:00:00Z');
  assert.equal(monitoring.at(-1)!.timestamp, '2010-04-04T23:55:00Z');
  assert.ok(monitoring.some((r) => r.timestamp!.startsWith('2010-03-31T')));
});

test('monitoring.csv: each server averages table 2.6 (memory and disk ÷ 1.5) within 1e-9', () => {
  const avg = averages();
  assert.equal(avg.size, 10);
  for (const r of EXAMPLE) {
    const name = [...vmNameOf].find(([, vm]) => vm === r.vmName)![0];
    const a = avg.get(name)!;
    assert.equal(a.samples, 4032, name);
    const expected = {
      cpuPct: r.cpuPct,
      memoryUsedMb: r.memoryMb / GROWTH_FACTOR,
      diskUsedGb: r.diskGb / GROWTH_FACTOR,
      networkMBps: r.networkMBps,
    };
    for (const metric of Object.keys(expected) as (keyof typeof expected)[]) {
      assert.ok(Math.abs(a[metric] - expected[metric]) < 1e-9, `${name} ${metric}: ${a[metric]} ≠ ${expected[metric]}`);
    }
  }
});

test('monitoring.csv: values in sensible ranges (CPU 0–100, nothing negative, usage ≤ installed)', () => {
  const installed = new Map(
    inventory.map((r) => [r.name!, { memoryMb: Number(r.memory_mb), diskGb: Number(r.disk_gb) }]),
  );
  for (const row of monitoring) {
    const cpu = Number(row.cpu_pct);
    assert.ok(cpu >= 0 && cpu <= 100, `${row.timestamp} ${row.server} cpu ${cpu}`);
    for (const column of ['memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'])
      assert.ok(Number(row[column]) >= 0, `${row.server} ${column}`);
    const inst = installed.get(row.server!)!;
    assert.ok(
      Number(row.memory_used_mb) <= inst.memoryMb && Number(row.disk_used_gb) <= inst.diskGb,
      `${row.timestamp} ${row.server}`,
    );
  }
});

test('the generator reproduces the committed monitoring.csv byte for byte', () => {
  assert.equal(generateMonitoringCsv(), monitoringText);
});

test('monitoring-april.csv, the two weeks after, is the generator output for its seed and start', () => {
  assert.equal(generateMonitoringCsv(APRIL.seed, APRIL.startUtc), readFileSync(APRIL_CSV, 'utf8'));
});

test('capplan.yaml validates and holds the settings of the source document', () => {
  const settings = projectSchema.parse(parseYaml(read('capplan.yaml')));
  assert.deepEqual(settings.sizing.growth, { cpu: 0, memory: 0.5, disk: 0.5, network: 0 });
  assert.deepEqual(settings.sizing.statistic, { cpu: 'avg', memory: 'avg', disk: 'avg', network: 'avg' });
  assert.deepEqual(settings.sizing.peakFactor, { cpu: 1, memory: 1, disk: 1, network: 1 });
  assert.deepEqual([settings.sizing.memoryStepGb, settings.sizing.diskStepGb], [1, 5]);
  assert.deepEqual(
    [
      settings.cluster.redundancy,
      settings.cluster.hostCount,
      settings.cluster.vcpuPerCore,
      settings.cluster.cpuCeilingPct,
    ],
    [1, 2, 2, 75],
  );
  assert.deepEqual(
    [
      settings.hypervisor.reserveMb,
      settings.partitions.swapOvercommit,
      settings.partitions.dataFactor,
      settings.cluster.localDiskMb,
    ],
    [512, 0.5, 1.5, 149504],
  );
});

/** Inventory row → InventoryServer, for this well-formed fixture only (the real reader is src/ingest). */
function toServer(r: Record<string, string>, row: number): InventoryServer {
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  return {
    name: r.name!,
    vmName: r.vm_name!,
    os: r.os!,
    osBits: num(r.os_bits) as 64,
    sockets: num(r.sockets),
    coresPerSocket: num(r.cores_per_socket),
    cpuModel: r.cpu_model || null,
    cpuGhz: num(r.cpu_ghz),
    memoryMb: num(r.memory_mb),
    diskGb: num(r.disk_gb),
    nics: num(r.nics),
    nicGbps: num(r.nic_gbps),
    application: r.application || null,
    specialHardware: [],
    haPriority: r.ha_priority as 'high',
    source: { file: 'inventory.csv', row },
  };
}

test('sizing the fixture files gives table 2.7, table 2.8 and the partitions of fig. 2.40', () => {
  const settings = projectSchema.parse(parseYaml(read('capplan.yaml')));
  const avg = averages();
  const servers = inventory.map((r, i) => toServer(r, i + 2));
  assert.deepEqual(
    servers.map((s) => s.vmName),
    EXAMPLE.map((r) => r.vmName),
  );
  const vms = servers.map((s) => {
    const a = avg.get(s.name)!;
    const stat = (x: number) => ({ samples: a.samples, avg: x, min: x, max: x, percentiles: {} });
    const u: ServerUsage = {
      server: s.name,
      samples: a.samples,
      firstTimestamp: '',
      lastTimestamp: '',
      metrics: {
        cpuPct: stat(a.cpuPct),
        memoryUsedMb: stat(a.memoryUsedMb),
        diskUsedGb: stat(a.diskUsedGb),
        networkMBps: stat(a.networkMBps),
      },
    };
    const { vm, excluded } = sizeServer(s, u, settings);
    assert.equal(excluded, false, s.name);
    return vm;
  });
  assert.deepEqual(
    vms.map((vm) => ({ vcpu: vm.vcpu, memoryGb: vm.memoryGb, diskGb: vm.diskGb, nics: vm.nics })),
    EXAMPLE.map((r) => r.vm),
  );
  const host = deriveHost(
    vms,
    servers.map((s) => s.cpuGhz),
    settings,
    settings.cluster.hostCount!,
  ).host!;
  assert.deepEqual(
    [host.sockets, host.coresPerSocket, host.cpuGhz, host.memoryGb, host.nics, host.nicGbps],
    [2, 4, 2, 32, 3, 4],
  );
  const p = hypervisorPartitions(host.memoryGb, host.localDiskMb, settings.partitions);
  assert.deepEqual([p.swapMb, p.dataMb, p.totalMb, p.fits], [24576, 49152, 76343, true]);
});
