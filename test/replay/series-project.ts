// A random project placed on its demand series (method §14.4): VMs with a daily shape of their
// own phase and burst, 48 hours of 15-minute samples, N+1 on small 4-core hosts. Shared by the
// series property test and the `capplan place` test of a series plan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeRng } from '../../src/util/rng.ts';

const HOURS = 48;
const STEP_MIN = 15;

export function seriesProject(seed: number, period: 'window' | 'day' | 'week' = 'window'): string {
  const rng = makeRng(seed);
  const dir = mkdtempSync(path.join(tmpdir(), `capplan-series-${seed}-`));
  const vms = 8 + Math.floor(rng() * 10);
  const inv = ['name,vm_name,os,os_bits,sockets,cores_per_socket,cpu_ghz,memory_mb,disk_gb,nics,nic_gbps,ha_priority'];
  const mon = ['timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops'];
  for (let v = 0; v < vms; v++) {
    const cores = 1 + Math.floor(rng() * 4);
    inv.push(`s${v},vm${v},Linux,64,1,${cores},2.0,8192,20,1,1,${['high', 'medium', 'low'][v % 3]}`);
    // A daily shape with its own phase and burst, plus noise.
    const phase = rng() * 24;
    const base = 5 + rng() * 20;
    const burst = rng() * 45; // at most 70 % of a 4-core source: every VM fits a host alone
    const mem = 1024 + rng() * 4096;
    for (let i = 0; i < (HOURS * 60) / STEP_MIN; i++) {
      const h = (i * STEP_MIN) / 60;
      const day = Math.max(0, Math.cos(((h - phase) / 24) * 2 * Math.PI));
      const cpu = Math.min(100, base + burst * day ** 4 + rng() * 5);
      const t = new Date(Date.UTC(2024, 0, 1) + i * STEP_MIN * 60_000).toISOString().replace('.000Z', 'Z');
      mon.push(`${t},s${v},${cpu.toFixed(2)},${(mem * (0.8 + 0.2 * day)).toFixed(1)},10,1,10`);
    }
  }
  writeFileSync(path.join(dir, 'inventory.csv'), `${inv.join('\n')}\n`);
  writeFileSync(path.join(dir, 'monitoring.csv'), `${mon.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'catalog.yaml'),
    'models:\n  - { name: small, sockets: 1, coresPerSocket: 4, threadsPerCore: 1, cpuGhz: 2.0, memoryGb: 32, ' +
      'nics: 2, nicGbps: 1, localDiskMb: 200000, price: 1, watts: 100 }\n',
  );
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    [
      'project: series',
      'inputs: { inventory: inventory.csv, monitoring: monitoring.csv, catalog: catalog.yaml }',
      'sizing: { statistic: { cpu: avg, memory: avg, disk: avg, network: avg } }',
      `cluster: { mode: catalog, redundancy: 1, vcpuPerCore: 8, cpuCeilingPct: 75, failoverCeilingPct: 95 }`,
      'quality: { minDays: 1 }',
      `placement: { demand: series, series: { slotMinutes: 60, statistic: max, period: ${period} }, ` +
        'timeLimitSeconds: 2, objective: min-hosts }',
    ].join('\n'),
  );
  return dir;
}
