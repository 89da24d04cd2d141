// More real formats: sadf -dh (all activities on one line), AIX topas_nmon memory, nmon network
// from physical interfaces only, and monitoring that carries its own inventory (Bitbrains, nmon).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { mergeInventory } from '../../src/ingest/monitoring-inventory.ts';
import { readInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { cliBin, repoRoot, sharedFile, sharedSkip } from '../helpers/env.ts';

const fx = (name: string) => path.join(import.meta.dirname, 'fixtures/monitoring', name);
const read = (files: string[], extra: object = {}) => readMonitoring(files, { percentiles: [], ...extra });
const stats = (r: Awaited<ReturnType<typeof read>>, metric: 'cpuPct' | 'memoryUsedMb' | 'networkMBps' | 'iops') =>
  r.servers.map((s) => [s.server, s.metrics[metric]?.avg]);

test('sadf -dh: CPU, memory, IOPS and the physical NICs from one line per sample', async () => {
  const r = await read([fx('sadf-dh.txt')]);
  assert.equal(r.files?.[0]?.format, 'sadf-d');
  // 100 − %idle: 26 and 42; kbmemused 5242880 and 6291456 KB; tps 120 and 240.
  assert.deepEqual(stats(r, 'cpuPct'), [['db01', 34]]);
  assert.deepEqual(stats(r, 'memoryUsedMb'), [['db01', 5632]]);
  assert.deepEqual(stats(r, 'iops'), [['db01', 180]]);
  // eth0 only: (1024 + 512) and (2048 + 1024) KB/s; lo and the virbr0 bridge are left out.
  assert.deepEqual(stats(r, 'networkMBps'), [['db01', 2.25]]);
});

test('sadf -dh -P ALL: the CPU group repeats per CPU; "all" (-1) is the server', async () => {
  const r = await read([fx('sadf-dh-per-cpu.txt')]);
  assert.deepEqual(stats(r, 'cpuPct'), [['web01', 15]]);
  assert.deepEqual(stats(r, 'memoryUsedMb'), [['web01', 2048]]);
});

test('sadf -dh -d -n DEV: two disks then the interfaces, both groups 9 fields wide; only eth0 is a NIC', async () => {
  const r = await read([fx('sadf-dh-disks.txt')]);
  // eth0 (1024 + 1024) and (2048 + 2048) KB/s; lo is left out, and sdb is a disk, not an interface.
  assert.deepEqual(stats(r, 'networkMBps'), [['app01', 3]]);
  assert.deepEqual(stats(r, 'iops'), [['app01', 450]]);
  assert.deepEqual(stats(r, 'cpuPct'), [['app01', 34]]);
});

test('AIX topas_nmon: memory = (Process% + System%) of MEMNEW × Real total; lo0 left out; AAA inventory', async () => {
  const r = await read([fx('aix-topas.nmon')]);
  const [s] = r.servers;
  assert.equal(s?.server, 'aixprd01');
  // (40 + 5) % and (50 + 5) % of 32768 MB = 14745.6 and 18022.4, not Real total − Real free (29491, 30147).
  assert.equal(s?.metrics.memoryUsedMb?.min, 14745.6);
  assert.equal(s?.metrics.memoryUsedMb?.max, 18022.4);
  assert.equal(s?.metrics.cpuPct?.avg, 50);
  // en0 + en1, read + write: 3072 and 4096 KB/s; lo0 (4096 + 4096) is not a NIC.
  assert.equal(s?.metrics.networkMBps?.avg, 3.5);
  assert.deepEqual(r.inventory?.[0], {
    server: 'aixprd01',
    file: fx('aix-topas.nmon'),
    from: 'nmon AAA/MEM',
    kind: 'physical',
    cores: 8,
    cpuGhz: null,
    memoryMb: 32768,
    os: 'AIX 7.2.5.1',
    osBits: 64,
  });
});

test('nmon sample: network from eth0/eth1 only (vmnet1, vmnet8, tun, lo left out), inventory from AAA', {
  skip: sharedSkip('samples/nmon/pyNmonAnalyzer_test.nmon'),
}, async () => {
  const file = sharedFile('samples/nmon/pyNmonAnalyzer_test.nmon')!;
  const r = await read([file]);
  const net = r.servers[0]?.metrics.networkMBps;
  assert.ok(net && Math.abs(net.avg - 0.6051806640625) < 1e-12, String(net?.avg));
  assert.ok(Math.abs(net.max - 7.11025390625) < 1e-9);
  assert.match(r.files?.[0]?.notes.join(' ') ?? '', /left out \(not physical\): lo, tun, vmnet1, vmnet8/);
  assert.deepEqual(
    [r.inventory?.[0]?.cores, r.inventory?.[0]?.memoryMb, r.inventory?.[0]?.os, r.inventory?.[0]?.osBits],
    [6, 15922.5, 'Linux 3.2.0-34-generic', 64],
  );
  // A setting that skips nothing but lo counts the VMware bridges too: more traffic.
  const all = await read([file], { skipInterfaces: ['lo'] });
  assert.ok((all.servers[0]?.metrics.networkMBps?.avg ?? 0) > net.avg);
});

test('nmon sample sorted (ZZZZ lines after the data they time) with CRLF ends reads as the capture does', {
  skip: sharedSkip('samples/nmon/pyNmonAnalyzer_test.nmon'),
}, async () => {
  const file = sharedFile('samples/nmon/pyNmonAnalyzer_test.nmon')!;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const sorted = path.join(mkdtempSync(path.join(tmpdir(), 'capplan-nmon-')), 'sorted.nmon');
  writeFileSync(sorted, `${[...lines].sort().join('\r\n')}\r\n`);
  const [a, b] = [await read([file]), await read([sorted])];
  assert.deepEqual(b.servers, a.servers);
  assert.equal(a.servers[0]?.samples, 120);
  assert.deepEqual(b.inventory?.[0]?.cores, 6);
});

test('a monitoring inventory fills the blanks of the inventory given, with a finding', async () => {
  const r = await read([fx('aix-topas.nmon')]);
  const [base] = await readInventoryCsv(path.join(repoRoot, 'test/ingest/fixtures/ingest-basic/inventory.csv'));
  const blank = { ...base!, name: 'aixprd01', sockets: null, coresPerSocket: null, memoryMb: null, os: 'AIX' };
  const { servers, findings } = mergeInventory([blank], r.inventory ?? []);
  assert.deepEqual(
    [servers[0]?.sockets, servers[0]?.coresPerSocket, servers[0]?.memoryMb, servers[0]?.os],
    [1, 8, 32768, 'AIX'],
  );
  assert.equal(findings[0]?.code, 'inventory-filled-from-monitoring');
  assert.match(findings[0]?.message ?? '', /sockets × cores_per_socket = 1 × 8, memory_mb = 32768/);
});

function planOf(project: string): Plan {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-traces-'));
  const r = spawnSync(process.execPath, [cliBin, 'plan', project, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')) as Plan;
}

test('a folder of Bitbrains traces alone plans: the inventory is read from the traces', () => {
  const p = planOf(path.join(repoRoot, 'test/plan/fixtures/traces-only'));
  // VM 7: 4 cores, 10399.9989 MHz → 2.6 GHz, 8388608 KB → 8192 MB; VM 9's first sample (0 cores) is skipped.
  assert.deepEqual(
    p.servers.map((s) => [s.name, s.sockets, s.coresPerSocket, s.cpuGhz, s.memoryMb, s.origin?.inventoryFrom]),
    [
      ['7', 1, 4, 2.6, 8192, 'Bitbrains trace'],
      ['9', 1, 2, 2.6, 4096, 'Bitbrains trace'],
    ],
  );
  // VM 7: CPU avg 7.75 % of 4 cores → 1 vCPU; memory avg 2053.5 MB × 1.5 → 4 GB.
  assert.deepEqual(
    p.vms.map((v) => [v.name, v.vcpu, v.memoryGb, v.status]),
    [
      ['7', 1, 4, 'placed'],
      ['9', 1, 2, 'placed'],
    ],
  );
});

test('the 100 Bitbrains Rnd VMs of July 2013 alone plan', { skip: sharedSkip('bench/bitbrains_rnd/2013-7') }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bitbrains-'));
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    `project: bitbrains\ninputs:\n  monitoring: ${sharedFile('bench/bitbrains_rnd/2013-7')}\n`,
  );
  const p = planOf(dir);
  assert.equal(p.servers.length, 100);
  // VM 1: 2 cores, 5851.9989 MHz → 2.926 GHz, 8218624 KB → 8026 MB (first line of 2013-7/1.csv).
  const one = p.servers.find((s) => s.name === '1')!;
  assert.deepEqual([one.coresPerSocket, one.cpuGhz, one.memoryMb], [2, 2.926, 8026]);
  assert.equal(p.totals.placed, 100);
  // The derived host (4 × 24 cores, 384 GB) holds them on the lower bound, N+1 satisfied.
  assert.deepEqual([p.hosts.length, p.placement.lowerBound, p.redundancy.satisfied], [2, 2, true]);
  assert.deepEqual([p.totals.vcpu, p.totals.memoryGb], [149, 309]);
});

test('a Bitbrains VM that ran above its provisioned MHz keeps them: VM 41 sizes to 9 vCPU at its p95', {
  skip: sharedSkip('bench/bitbrains_rnd/2013-7/41.csv'),
}, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bitbrains-41-'));
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    `project: vm41\ninputs:\n  monitoring: ${sharedFile('bench/bitbrains_rnd/2013-7/41.csv')}\n` +
      'sizing: { statistic: { cpu: p95, memory: avg, disk: avg, network: avg } }\n',
  );
  const p = planOf(dir);
  // CPU usage [MHZ] over 20,799.99 provisioned MHz (8 × 2.6 GHz): p95 104.9 %, max 106.36 %.
  const cpu = p.servers[0]!.usage!.metrics.cpuPct!;
  assert.deepEqual([cpu.percentiles.p95, Number(cpu.max.toFixed(2))], [104.9, 106.36]);
  // ⌈8 cores × 104.9 % / 100⌉ = ⌈8.39⌉ = 9 (a figure capped at 100 % gave 8).
  assert.equal(p.vms[0]!.vcpu, 9);
  const f = p.findings?.find((x) => x.code === 'cpu-above-capacity');
  assert.equal(f?.severity, 'info');
  assert.equal(f?.server, '41');
  assert.ok(!p.findings?.some((x) => x.code === 'implausible-cpu'));
});
