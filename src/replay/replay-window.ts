// replayWindow: a plan + the samples of a monitoring window → what every host carried in every
// interval, in normal operation and in every failure scenario of the plan (method §14). Pure:
// the samples come from the ingest's store, the result goes into plan.json or replay.json.
// Linear in the samples: each VM is read once for normal operation, and once more for each
// scenario that restarts it; a surviving host's series is its normal series plus the VMs
// restarted on it.
import type { Plan } from '../domain/plan.ts';
import type { HostReplay, ReplayWindow, ResourceReplay, ScenarioReplay } from '../domain/plan-replay.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { round2 } from '../util/round.ts';
import {
  addVm,
  copySeries,
  emptySeries,
  type Grid,
  type HostSeries,
  R_CPU,
  R_IOPS,
  R_MEMORY,
  R_NETWORK,
  Scratch,
  type VmSource,
} from './host-series.ts';
import { type ResourceOutcome, resourceOutcome } from './resource-metrics.ts';
import { hostTimeline } from './timeline.ts';

export type ReplayPlanInput = Pick<Plan, 'settings' | 'hosts' | 'vms' | 'servers' | 'redundancy'>;

/** 1 Gbit/s of line rate = 125 MB/s (10^9 bit ÷ 8 ÷ 10^6). */
const MBPS_PER_GBPS = 125;
const KEYS = ['cpu', 'memory', 'network', 'iops'] as const;
const INDEX = [R_CPU, R_MEMORY, R_NETWORK, R_IOPS];

interface HostState {
  name: string;
  capacity: number[];
  vms: string[];
  series: HostSeries;
}

export function replayWindow(
  plan: ReplayPlanInput,
  samples: MonitoringSamples,
  role: ReplayWindow['role'],
  opts: { failures?: boolean } = {},
): ReplayWindow {
  const sources = vmSources(plan);
  const placed = plan.vms.filter((v) => v.status === 'placed' && v.host !== null);
  const grid = windowGrid(
    placed.map((v) => v.sourceServer),
    samples,
  );
  const scratch = new Scratch();
  const missing: string[] = [];
  const hosts: HostState[] = plan.hosts.map((h) => ({
    name: h.name,
    capacity: hostCapacities(h, plan.settings),
    vms: h.vms,
    series: emptySeries(grid),
  }));
  const byName = new Map(hosts.map((h) => [h.name, h]));
  for (const vm of placed) {
    const host = byName.get(vm.host!);
    if (host && !addVm(host.series, sources.get(vm.name)!, samples, grid, scratch)) missing.push(vm.name);
  }
  const ctx = { grid, plan, values: new Float64Array(grid.intervals) };
  const normal = scenario('normal', [], hosts, ctx, true);
  const scenarios: ScenarioReplay[] = [normal.replay];
  let worstFailure: ReplayWindow['summary']['worstFailure'] = null;
  // Normal operation only (the trade-off table's rows, method §14.5): no failure scenarios.
  for (const s of opts.failures === false ? [] : plan.redundancy.scenarios) {
    // Only the hosts the failure changes (those its restarts land on): every other survivor
    // carries its normal-operation load, already reported under `normal`. Listing all hosts in
    // every scenario would be quadratic in the hosts (method §14.2).
    const down = new Set(s.failedHosts);
    const moved = new Map<string, string[]>();
    for (const r of s.restarts) {
      if (r.to === null || down.has(r.to)) continue;
      const list = moved.get(r.to);
      if (list) list.push(r.vm);
      else moved.set(r.to, [r.vm]);
    }
    const survivors = hosts
      .filter((h) => moved.has(h.name))
      .map((h) => {
        const vms = moved.get(h.name)!;
        const series = copySeries(h.series);
        for (const vm of vms) addVm(series, sources.get(vm)!, samples, grid, scratch);
        return { ...h, series, vms: [...h.vms, ...vms] };
      });
    const name = `${s.failedHosts.join(' + ')} fails`;
    const out = scenario(name, s.failedHosts, survivors, ctx, false);
    scenarios.push(out.replay);
    for (const h of out.replay.hosts) {
      for (const key of KEYS) {
        const w = h[key]?.worstPct;
        if (w !== undefined && (worstFailure === null || w > worstFailure.worstPct))
          worstFailure = { scenario: name, resource: key, host: h.name, worstPct: w };
      }
    }
  }
  const allowedPct = plan.settings.replay.maxOverloadPct;
  const growth = plan.settings.sizing.growth;
  return {
    role,
    from: grid.intervals > 0 ? iso(grid.fromSec) : null,
    to: grid.intervals > 0 ? iso(grid.fromSec + grid.intervals * grid.stepSec) : null,
    intervalSeconds: grid.stepSec,
    vms: placed.length - missing.length,
    vmsWithoutSamples: missing.sort(),
    scenarios,
    summary: { ...normal.summary, worstFailure },
    overloaded: normal.replay.hosts.some((h) => KEYS.some((k) => (h[k]?.over100Pct ?? 0) > allowedPct)),
    requiredGrowth: {
      cpu: round2up(normal.holdFactor.cpu),
      memory: round2up(normal.holdFactor.memory),
      cpuGrowth: round2up((1 + growth.cpu) * normal.holdFactor.cpu - 1),
      memoryGrowth: round2up((1 + growth.memory) * normal.holdFactor.memory - 1),
    },
  };
}

interface ScenarioContext {
  grid: Grid;
  plan: ReplayPlanInput;
  values: Float64Array;
}

function scenario(name: string, failed: string[], hosts: HostState[], ctx: ScenarioContext, normal: boolean) {
  const { cluster, replay } = ctx.plan.settings;
  const ceilings = normal
    ? [cluster.cpuCeilingPct, cluster.memoryCeilingPct, 100, 100]
    : [cluster.failoverCeilingPct, cluster.failoverCeilingPct, 100, 100];
  let hostIntervals = 0;
  const over = { cpuCeil: 0, cpu100: 0, memCeil: 0, mem100: 0, net100: 0, iops100: 0 };
  const holdFactor = { cpu: 1, memory: 1 };
  const out: HostReplay[] = hosts.map((h) => {
    let intervals = 0;
    for (let i = 0; i < ctx.grid.intervals; i++) intervals += h.series.any[i]!;
    hostIntervals += intervals;
    const res = INDEX.map((r) =>
      resourceOutcome(
        h.series,
        r,
        ctx.grid,
        intervals,
        { capacity: h.capacity[r]!, ceilingPct: ceilings[r]!, allowedPct: replay.maxOverloadPct },
        ctx.values,
      ),
    );
    over.cpuCeil += res[R_CPU]?.overCeiling ?? 0;
    over.cpu100 += res[R_CPU]?.over100 ?? 0;
    over.memCeil += res[R_MEMORY]?.overCeiling ?? 0;
    over.mem100 += res[R_MEMORY]?.over100 ?? 0;
    over.net100 += res[R_NETWORK]?.over100 ?? 0;
    over.iops100 += res[R_IOPS]?.over100 ?? 0;
    holdFactor.cpu = Math.max(holdFactor.cpu, res[R_CPU]?.holdFactor ?? 1);
    holdFactor.memory = Math.max(holdFactor.memory, res[R_MEMORY]?.holdFactor ?? 1);
    const replayOf = (o: ResourceOutcome | null): ResourceReplay | null => o?.replay ?? null;
    const host: HostReplay = {
      name: h.name,
      intervals,
      vms: h.vms.length,
      cpu: replayOf(res[R_CPU]!),
      memory: replayOf(res[R_MEMORY]!),
      network: replayOf(res[R_NETWORK]!),
      iops: replayOf(res[R_IOPS]!),
    };
    if (normal) host.timeline = hostTimeline(h.series, h.capacity, ctx.grid);
    return host;
  });
  const share = (k: number) => (hostIntervals > 0 ? round2((k / hostIntervals) * 100) : 0);
  return {
    replay: { name, failedHosts: failed, hosts: out },
    holdFactor,
    summary: {
      hostIntervals,
      cpuOverCeilingPct: share(over.cpuCeil),
      cpuOver100Pct: share(over.cpu100),
      memoryOverCeilingPct: share(over.memCeil),
      memoryOver100Pct: share(over.mem100),
      networkOver100Pct: share(over.net100),
      iopsOver100Pct: share(over.iops100),
    },
  };
}

/**
 * Physical capacities of a host (method §14.1): CPU GHz = sockets × cores × clock × SMT factor;
 * memory GB usable = RAM − hypervisor reserve; network MB/s = NICs × Gbit/s × 125; IOPS as set.
 * 0 = unknown (the resource is not replayed on the host).
 */
function hostCapacities(h: Plan['hosts'][number], settings: ReplayPlanInput['settings']): number[] {
  const cap: number[] = [];
  cap[R_CPU] = h.sockets * h.coresPerSocket * h.cpuGhz * settings.replay.smtFactor;
  cap[R_MEMORY] = h.memoryGb - settings.hypervisor.reserveMb / 1024;
  cap[R_NETWORK] = h.nics * h.nicGbps * MBPS_PER_GBPS;
  cap[R_IOPS] = settings.replay.hostIops ?? 0;
  return cap;
}

/** Each VM's source and its CPU scale: source cores × clock GHz per 100 % (method §14.1). */
function vmSources(plan: Pick<ReplayPlanInput, 'vms' | 'servers'>): Map<string, VmSource> {
  const servers = new Map(plan.servers.map((s) => [s.name, s]));
  const out = new Map<string, VmSource>();
  for (const vm of plan.vms) {
    const s = servers.get(vm.sourceServer);
    out.set(vm.name, { server: vm.sourceServer, ghzPerCpuPct: s ? ghzPerCpuPct(s) : null });
  }
  return out;
}

/** GHz per CPU % point of a source server: sockets × cores × clock / 100; null when unknown. */
export function ghzPerCpuPct(s: Pick<Plan['servers'][number], 'sockets' | 'coresPerSocket' | 'cpuGhz'>): number | null {
  if (s.sockets === null || s.coresPerSocket === null || s.cpuGhz === null) return null;
  return (s.sockets * s.coresPerSocket * s.cpuGhz) / 100;
}

/**
 * The window's grid: from the first sample of any placed VM to its last, in steps of the
 * median of the VMs' own sampling intervals (300 s when none is known).
 */
export function windowGrid(servers: string[], samples: MonitoringSamples): Grid {
  let first = Infinity;
  let last = -Infinity;
  const steps: number[] = [];
  for (const s of servers) {
    const span = samples.span(s);
    if (!span) continue;
    first = Math.min(first, span.firstSec);
    last = Math.max(last, span.lastSec);
    const step = samples.intervalSeconds(s);
    if (step !== undefined && step > 0) steps.push(step);
  }
  if (first === Infinity) return { fromSec: 0, stepSec: 300, intervals: 0 };
  steps.sort((a, b) => a - b);
  const stepSec = steps.length ? Math.round(steps[(steps.length - 1) >> 1]!) : 300;
  return { fromSec: first, stepSec, intervals: Math.floor((last - first) / stepSec) + 1 };
}

/** Factors are rounded up: 1.231 → 1.24, so the factor named is one that holds. */
const round2up = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;
const iso = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
