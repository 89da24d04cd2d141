// `npm run bench -- replay`: would the plan have held? Bitbrains GWA-T-12 "Rnd" (VMs 1–100)
// planned on July 2013 and replayed on August 2013 (method §14), one row per sizing: every VM
// at its avg, p95, p99 or max GHz and GB over the month (one slot as long as the window), or
// its hourly series at the slot maximum (placement.demand: series). Hosts, lower bound, and
// the backtest's share of host-intervals over the CPU ceiling and over 100 % of the host.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';
import { projectSchema, type ProjectInput } from '../src/domain/project.ts';
import { readProjectInputs } from '../src/ingest/project-inputs.ts';
import { readWindowSamples } from '../src/ingest/window-samples.ts';
import { assemblePlan } from '../src/plan/assemble.ts';
import { replayWindow } from '../src/replay/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const data = path.join(here, '../../shared/bench/bitbrains_rnd');
const HOST = { sockets: 1, coresPerSocket: 4, cpuGhz: 2.6, memoryGb: 512 };
const CEILING = 75;
const MONTH_MINUTES = 31 * 24 * 60;

interface Row {
  label: string;
  vms: number;
  hosts: number;
  lowerBound: number;
  overCeilingPct: number;
  over100Pct: number;
  requiredCpu: number;
  seconds: number;
  binding: string;
}

/** The inventory a trace file carries in its first row with cores (cores, MHz provisioned, KB). */
function inventoryRow(file: string, vm: string): { line: string; cores: number } | null {
  const rows = readFileSync(file, 'utf8').split('\n').slice(1);
  const cells = rows.map((r) => r.split(';').map((c) => Number(c.trim()))).find((c) => c[1]! > 0 && c[2]! > 0);
  if (!cells) return null;
  const cores = cells[1]!;
  const ghz = cells[2]! / cores / 1000;
  const memMb = Math.max(1, Math.round(cells[5]! / 1024));
  return { line: `${vm},vm${vm},Linux,64,1,${cores},${ghz.toFixed(4)},${memMb},10,1,1,medium`, cores };
}

function writeProject(vms: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bitbrains-'));
  const inv = ['name,vm_name,os,os_bits,sockets,cores_per_socket,cpu_ghz,memory_mb,disk_gb,nics,nic_gbps,ha_priority'];
  for (const vm of vms) inv.push(inventoryRow(path.join(data, '2013-7', `${vm}.csv`), vm)!.line);
  writeFileSync(path.join(dir, 'inventory.csv'), `${inv.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'catalog.yaml'),
    `models:\n  - { name: bench-4c, sockets: ${HOST.sockets}, coresPerSocket: ${HOST.coresPerSocket}, ` +
      `threadsPerCore: 1, cpuGhz: ${HOST.cpuGhz}, memoryGb: ${HOST.memoryGb}, nics: 2, nicGbps: 10, ` +
      'localDiskMb: 1000000, price: 1, watts: 1 }\n',
  );
  const input: ProjectInput = {
    project: 'bitbrains',
    inputs: {
      inventory: 'inventory.csv',
      monitoring: vms.map((v) => path.join(data, '2013-7', `${v}.csv`)),
      catalog: 'catalog.yaml',
    },
  };
  writeFileSync(path.join(dir, 'capplan.yaml'), JSON.stringify(input));
  return dir;
}

async function rows(label: string, vms: string[], august: Awaited<ReturnType<typeof readWindowSamples>>) {
  const { inputs } = await readProjectInputs(writeProject(vms));
  const out: Row[] = [];
  const sizings: [string, string, number, 'window' | 'day'][] = [
    ['avg', 'avg', MONTH_MINUTES, 'window'],
    ['p95', 'p95', MONTH_MINUTES, 'window'],
    ['p99', 'p99', MONTH_MINUTES, 'window'],
    ['max', 'max', MONTH_MINUTES, 'window'],
    ['series (hourly max)', 'max', 60, 'window'],
    ['series (hourly max, day profile)', 'max', 60, 'day'],
    ['series (30-min max, day profile)', 'max', 30, 'day'],
  ];
  for (const [name, statistic, slotMinutes, period] of sizings) {
    const settings = projectSchema.parse({
      ...inputs.settings,
      sizing: {
        ...inputs.settings.sizing,
        growth: { cpu: 0, memory: 0, disk: 0, network: 0 },
        minSamples: 1,
        utilisationThresholdPct: 100,
      },
      // The allocations do not bind (64 vCPU per core): the rows compare measured demand only.
      cluster: { mode: 'catalog', redundancy: 0, vcpuPerCore: 64, cpuCeilingPct: CEILING, memoryCeilingPct: 100 },
      quality: { minDays: 1 },
      replay: { tradeOff: false },
      placement: {
        objective: 'min-hosts',
        timeLimitSeconds: 10,
        demand: 'series',
        series: { slotMinutes, statistic, period },
      },
    });
    const t0 = performance.now();
    const plan = await assemblePlan({ ...inputs, settings });
    const seconds = (performance.now() - t0) / 1000;
    const w = replayWindow(plan, august.samples, 'backtest');
    out.push({
      label: `${label}: ${name}`,
      vms: plan.totals.placed,
      hosts: plan.placement.hostsUsed,
      lowerBound: plan.placement.lowerBound,
      overCeilingPct: w.summary.cpuOverCeilingPct,
      over100Pct: w.summary.cpuOver100Pct,
      requiredCpu: w.requiredGrowth.cpu,
      seconds,
      binding: (plan.placement.bindingResource ?? '—').replace(/@.*/, ''),
    });
  }
  return out;
}

export default async function bench(): Promise<BenchSection[]> {
  // First, on a clean heap: the Bitbrains rows keep a month of samples in memory, and the
  // collector's pauses marking them would be charged to the series solve's time limit.
  const scale = await seriesScale();
  if (!existsSync(data))
    return [scale, { id: 'replay-bitbrains', markdown: '_Skipped: ../shared/bench/bitbrains_rnd absent._' }];
  const listed = readdirSync(path.join(data, '2013-7'))
    .map((f) => f.replace(/\.csv$/, ''))
    .sort((a, b) => Number(a) - Number(b));
  // A VM whose July trace never states its cores and provisioned MHz has no inventory: left out.
  const inventory = new Map(listed.map((v) => [v, inventoryRow(path.join(data, '2013-7', `${v}.csv`), v)]));
  const all = listed.filter((v) => inventory.get(v));
  const small = all.filter((v) => inventory.get(v)!.cores <= HOST.coresPerSocket);
  const august = await readWindowSamples(all.map((v) => path.join(data, '2013-8', `${v}.csv`)));
  const table = [...(await rows('VMs 1–100', all, august)), ...(await rows('VMs of ≤ 4 cores', small, august))];
  const lines = [
    `Bitbrains GWA-T-12 Rnd, planned on 2013-7, replayed on 2013-8. Host: ${HOST.sockets} × ${HOST.coresPerSocket} ` +
      `cores × ${HOST.cpuGhz} GHz (${HOST.sockets * HOST.coresPerSocket * HOST.cpuGhz} GHz), ${HOST.memoryGb} GB, ` +
      `CPU ceiling ${CEILING} %, N+0, no growth; avg/p95/p99/max: each VM's statistic of its 5-minute GHz and GB ` +
      "over July summed per host; series: hourly slot maxima of July's calendar hours, or (day profile) of " +
      'each hour (half hour) of the day over all of July (method §14.4). Over-ceiling and over-100 % are % of ' +
      "August's host-intervals; 'CPU × to hold' is the growth factor that would have held (method §14.3). " +
      `${listed.length - all.length} VM(s) without cores in their July trace left out.`,
    '',
    '| Sizing | VMs | Hosts | Lower bound | Backtest CPU > ceiling | Backtest CPU > 100 % | CPU × to hold | Binding ' +
      '| Plan s |',
    '|:--|--:|--:|--:|--:|--:|--:|:--|--:|',
    ...table.map(
      (r) =>
        `| ${r.label} | ${r.vms} | ${r.hosts} | ${r.lowerBound} | ${r.overCeilingPct.toFixed(2)} % | ` +
        `${r.over100Pct.toFixed(2)} % | ${r.requiredCpu.toFixed(2)} | ${r.binding} | ${r.seconds.toFixed(1)} |`,
    ),
  ];
  return [{ id: 'replay-bitbrains', markdown: lines.join('\n') }, scale];
}

/**
 * A month of hourly slots for 10,000 VMs (method §14.4): generated daily-shaped CPU GHz and
 * memory GB series, 720 slots × 2 resources plus the vCPU and memory allocations, placed with
 * the default 10-second limit; the wall time of the solve against that limit.
 */
async function seriesScale(): Promise<BenchSection> {
  const { solvePlacement } = await import('../src/placement/solve.ts');
  const { makeRng } = await import('../src/util/rng.ts');
  const vmsCount = 10_000;
  const slots = 720;
  const limit = 10;
  const rng = makeRng(7);
  const cpu = Array.from({ length: slots }, (_, s) => `cpuGhz@${s}`);
  const mem = Array.from({ length: slots }, (_, s) => `memoryGb@${s}`);
  const capacity: Record<string, number> = { vcpu: 256, memoryMb: 512 * 1024 };
  for (const r of cpu) capacity[r] = 64 * 2.6;
  for (const r of mem) capacity[r] = 500;
  const vms = Array.from({ length: vmsCount }, (_, i) => {
    const cores = 1 + Math.floor(rng() * 8);
    const [base, burst, phase, memGb] = [rng() * 0.3, rng() * 0.6, rng() * 24, 2 + rng() * 30];
    const demand: Record<string, number> = { vcpu: cores, memoryMb: memGb * 1024 };
    for (let s = 0; s < slots; s++) {
      const day = Math.max(0, Math.cos(((s - phase) / 24) * 2 * Math.PI)) ** 4;
      demand[cpu[s]!] = cores * 2.6 * Math.min(1, base + burst * day + rng() * 0.05);
      demand[mem[s]!] = memGb * (0.7 + 0.3 * day);
    }
    return { name: `vm${i}`, demand };
  });
  const t0 = performance.now();
  const r = await solvePlacement({
    resources: ['vcpu', 'memoryMb', ...cpu, ...mem],
    hostModels: [{ name: 'h', capacity, cost: 1 }],
    vms,
    redundancy: 0,
    objective: 'min-hosts',
    timeLimitSeconds: limit,
    ceilingPct: 75,
  });
  const wall = (performance.now() - t0) / 1000;
  const stopped = r.notes.find((n) => n.startsWith('stopped'))?.replace(/: the best plan found so far/, '') ?? '—';
  return {
    id: 'replay-series-scale',
    markdown: [
      `Generated series: ${vmsCount.toLocaleString('en')} VMs × ${slots} hourly slots × 2 resources (CPU GHz, ` +
        'memory GB) plus the vCPU and memory allocations; host 64 cores × 2.6 GHz, 512 GB, ceiling 75 %, N+0.',
      '',
      '| VMs | Dimensions | Limit s | Wall s | Hosts | Lower bound | Unplaced | Stopped |',
      '|--:|--:|--:|--:|--:|--:|--:|:--|',
      `| ${vmsCount} | ${2 + 2 * slots} | ${limit} | ${wall.toFixed(1)} | ${r.hostsUsed} | ${r.lowerBound} | ` +
        `${r.unplaced.length} | ${stopped} |`,
    ].join('\n'),
  };
}
