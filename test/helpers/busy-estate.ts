// A generated estate of busy servers for derive-mode tests and benchmarks: the worked
// example's settings with the host count searched (hostCount null), N+1, and servers of
// 4–16 cores and 8–64 GB running at 40–80 % CPU. Deterministic from the seed.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeRng } from '../../src/util/rng.ts';

const INVENTORY_HEADER =
  'name,vm_name,os,os_bits,sockets,cores_per_socket,cpu_model,cpu_ghz,memory_mb,disk_gb,nics,nic_gbps,' +
  'application,special_hardware,ha_priority';

/** Writes capplan.yaml, inventory.csv and monitoring.csv for `servers` servers into `dir`. */
export function writeBusyEstate(
  dir: string,
  servers: number,
  opts: { timeLimitSeconds?: number; seed?: number; maxHostCpus?: number } = {},
) {
  mkdirSync(dir, { recursive: true });
  const rng = makeRng(opts.seed ?? 7);
  const inv = [INVENTORY_HEADER];
  const mon = ['timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops'];
  for (let i = 0; i < servers; i++) {
    const name = `srv${String(i).padStart(5, '0')}`;
    const cores = [4, 8, 12, 16][Math.floor(rng() * 4)]!;
    const memMb = [8, 16, 32, 64][Math.floor(rng() * 4)]! * 1024;
    inv.push(`${name},${name},Linux,64,2,${cores / 2},Intel Xeon,2.4,${memMb},200,2,1,app,none,medium`);
    const cpu = 40 + rng() * 40;
    for (let h = 0; h < 4; h++)
      mon.push(
        `2024-03-04T0${h}:00:00Z,${name},${(cpu + h).toFixed(1)},${(memMb * (0.5 + rng() * 0.4)).toFixed(0)},` +
          `${(80 + rng() * 60).toFixed(1)},${(5 + rng() * 20).toFixed(1)},${Math.floor(100 + rng() * 400)}`,
      );
  }
  writeFileSync(path.join(dir, 'inventory.csv'), `${inv.join('\n')}\n`);
  writeFileSync(path.join(dir, 'monitoring.csv'), `${mon.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    [
      'project: busy-estate',
      'inputs: { inventory: inventory.csv, monitoring: monitoring.csv }',
      `hypervisor: { name: RHEV-H 2.2, maxVcpuPerVm: 16, reserveMb: 512${
        opts.maxHostCpus ? `, maxHostCpus: ${opts.maxHostCpus}` : ''
      } }`,
      'cluster:',
      '  mode: derive',
      '  hostCount: null',
      '  redundancy: 1',
      '  vcpuPerCore: 2',
      '  cpuCeilingPct: 75',
      '  storage: shared',
      `placement: { timeLimitSeconds: ${opts.timeLimitSeconds ?? 10} }`,
      '',
    ].join('\n'),
  );
}
