// The MAP-style consolidation summary (method §4) as plain data, shared by
// the Markdown, workbook and terminal renderers so the three always agree.
import { hasCpuDemand, shownMetrics, type MetricName } from '../domain/server.ts';
import type { Plan, PlanServer, PlanVm, ReasonCode } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { minOf } from '../util/extent.ts';

/**
 * Summary groups in the order MAP lists them, plus the source's "hard to consolidate" ones
 * (method §4). Codes; each report language names them (messages/*.ts `group`).
 */
const GROUPS = [
  'candidate',
  'not-migratable',
  'missing-inventory',
  'missing-performance',
  'special-hardware',
  'hypervisor-limits',
  'host-thresholds',
  'unknown',
  'powered-off',
] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_OF_CODE: Record<ReasonCode, Group> = {
  'missing-inventory-data': 'missing-inventory',
  'missing-performance-data': 'missing-performance',
  'special-hardware': 'special-hardware',
  'exceeds-vcpu-limit': 'hypervisor-limits',
  'exceeds-memory-limit': 'hypervisor-limits',
  'exceeds-nic-limit': 'hypervisor-limits',
  'guest-32bit-memory': 'hypervisor-limits',
  // Method §4: templates, vSphere's own agent VMs and non-x86 sources are no KVM guests.
  'not-migratable': 'not-migratable',
  // Method §4: a server above 85 % would monopolise a node — MAP's threshold group.
  'source-utilisation-above-threshold': 'host-thresholds',
  'exceeds-host-capacity': 'host-thresholds',
  'unknown-error': 'unknown',
  // Powered-off VMs of an inventory export, when allocation.poweredOff = exclude (method §3.6).
  'powered-off': 'powered-off',
};

/** A VM's group: placed VMs are candidates; otherwise its first reason in GROUPS order. */
export function groupOf(vm: PlanVm): Group {
  if (vm.status === 'placed') return 'candidate';
  const groups = vm.reasons.map((r) => GROUP_OF_CODE[r.code] ?? 'unknown');
  if (groups.length === 0) return 'unknown';
  return groups.sort((a, b) => GROUPS.indexOf(a) - GROUPS.indexOf(b))[0]!;
}

/** Averages over a group's servers; null where no server of the group has the metric. */
interface GroupAverages {
  cpuPct: number | null;
  /** CPU demand in MHz, of the servers that measured it (method §3.7). */
  cpuMhz: number | null;
  memoryGb: number | null;
  iops: number | null;
  networkMBps: number | null;
}

export interface SummaryRow extends GroupAverages {
  group: 'total' | Group;
  servers: number;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Average of each server's mean (MAP reports the average of averages). */
function averages(servers: PlanServer[]): GroupAverages {
  const pick = (m: MetricName) => servers.flatMap((s) => (s.usage?.metrics[m] ? [s.usage.metrics[m].avg] : []));
  const mem = mean(pick('memoryUsedMb'));
  return {
    cpuPct: mean(pick('cpuPct')),
    cpuMhz: mean(pick('cpuMhz')),
    memoryGb: mem === null ? null : mem / 1024,
    iops: mean(pick('iops')),
    networkMBps: mean(pick('networkMBps')),
  };
}

/** Index of each server by name, built once per servers array: a lookup per VM is O(1). */
const INDEX_BY_NAME = new WeakMap<PlanServer[], Map<string, number>>();

/** Position of a VM's source server in plan.servers, -1 if missing from the plan. */
export function serverIndexOf(plan: Plan, vm: PlanVm): number {
  let byName = INDEX_BY_NAME.get(plan.servers);
  if (!byName) {
    byName = new Map();
    // The first server of a name wins, as Array.find would.
    for (const [i, s] of plan.servers.entries()) if (!byName.has(s.name)) byName.set(s.name, i);
    INDEX_BY_NAME.set(plan.servers, byName);
  }
  return byName.get(vm.sourceServer) ?? -1;
}

/** A VM's source server (undefined if missing from the plan). */
function serverOf(plan: Plan, vm: PlanVm): PlanServer | undefined {
  return plan.servers[serverIndexOf(plan, vm)];
}

/** Does any server measure CPU in MHz? The summary tables then have a column for it. */
export function anyCpuMhz(plan: Plan): boolean {
  return shownMetrics(plan.servers.map((s) => s.usage?.metrics)).includes('cpuMhz');
}

/** Total row first, then every group that has servers, in GROUPS order. */
export function summaryRows(plan: Plan): SummaryRow[] {
  const rows: SummaryRow[] = [{ group: 'total', servers: plan.vms.length, ...averages(plan.servers) }];
  for (const group of GROUPS) {
    const vms = plan.vms.filter((v) => groupOf(v) === group);
    if (vms.length === 0 && group !== 'candidate') continue;
    const servers = vms.flatMap((v) => serverOf(plan, v) ?? []);
    rows.push({ group, servers: vms.length, ...averages(servers) });
  }
  return rows;
}

export interface Headline {
  servers: number;
  candidates: number;
  notPlaced: number;
  hostsUsed: number;
  /** Placed VMs per host ("5:1"), null with no host. */
  ratio: number | null;
  hostsSaved: number;
  /** Machines the plan replaces: the source hosts (vHost) when known, else the placed servers. */
  machinesBefore: number;
  vcpu: number;
  memoryGb: number;
  diskGb: number;
  redundancy: string;
  /** False when nothing is placed: an empty cluster survives nothing a client could rely on. */
  redundancySatisfied: boolean;
}

export function headline(plan: Plan): Headline {
  // One count for every report: the plan's hosts (standby hosts of N+k included).
  const hostsUsed = plan.placement.hostsUsed;
  return {
    servers: plan.totals.servers,
    candidates: plan.totals.placed,
    notPlaced: plan.totals.excluded + plan.totals.unplaced,
    hostsUsed,
    ratio: hostsUsed === 0 ? null : plan.totals.placed / hostsUsed,
    // Machines saved: the source machines minus the hosts that replace them. Physical servers are
    // their own machines; VMs of an RVTools export run on the ESXi hosts of its vHost tab.
    machinesBefore: machinesBefore(plan),
    hostsSaved: machinesBefore(plan) - hostsUsed,
    vcpu: plan.totals.vcpu,
    memoryGb: plan.totals.memoryGb,
    diskGb: plan.totals.diskGb,
    redundancy: plan.redundancy.policy,
    redundancySatisfied: plan.redundancy.satisfied && plan.totals.placed > 0,
  };
}

function machinesBefore(plan: Plan): number {
  return plan.sourceHosts?.length ? plan.sourceHosts.length : plan.totals.placed;
}

/** Sum of the placed VMs' source IOPS on a host (MAP's per-host IOPS after consolidation). */
export function hostIops(plan: Plan, hostName: string): number | null {
  let byHost = iopsByHost.get(plan);
  if (!byHost) {
    // Every host's sum in one pass over the VMs: a table of 700 hosts asks 700 times.
    byHost = new Map();
    for (const v of plan.vms) {
      const m = v.host === null ? undefined : serverOf(plan, v)?.usage?.metrics.iops;
      if (m) byHost.set(v.host!, (byHost.get(v.host!) ?? 0) + m.avg);
    }
    iopsByHost.set(plan, byHost);
  }
  return byHost.get(hostName) ?? null;
}
const iopsByHost = new WeakMap<Plan, Map<string, number>>();

/**
 * When a plan places no VM (every server excluded or unplaced): how many VMs each first
 * reason code holds back, most first (`10 missing-performance-data`). Null when a VM is placed.
 * Every output that states the plan's verdict says this instead.
 */
export function nothingPlacedReasons(plan: Plan): string | null {
  if (plan.totals.placed > 0) return null;
  const counts = new Map<string, number>();
  for (const vm of plan.vms) {
    const code = vm.reasons[0]?.code ?? 'unknown-error';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c, n]) => `${n} ${c}`)
    .join(', ');
}

/** VMs not placed (excluded or unplaced), in plan order. */
export function notPlaced(plan: Plan): PlanVm[] {
  return plan.vms.filter((v) => v.status !== 'placed');
}

export interface DataQuality {
  servers: number;
  /** Servers with monitoring data. */
  monitored: number;
  /** Fewest samples of a monitored server. */
  minSamples: number | null;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** Servers monitored but missing CPU, memory, disk or network. */
  incomplete: number;
}

/** How complete the monitoring behind the plan is (method §9: the window must hold the peaks). */
export function dataQuality(plan: Plan): DataQuality {
  const usages = plan.servers.flatMap((s) => (s.usage ? [s.usage] : []));
  const core: MetricName[] = ['memoryUsedMb', 'diskUsedGb', 'networkMBps'];
  // ISO-8601 UTC strings sort chronologically.
  const firsts = usages.map((u) => u.firstTimestamp).sort();
  const lasts = usages.map((u) => u.lastTimestamp).sort();
  return {
    servers: plan.servers.length,
    monitored: usages.length,
    minSamples: usages.length ? minOf(usages.map((u) => u.samples)) : null,
    firstTimestamp: firsts[0] ?? null,
    lastTimestamp: lasts[lasts.length - 1] ?? null,
    incomplete: usages.filter((u) => !hasCpuDemand(u.metrics) || core.some((m) => !u.metrics[m])).length,
  };
}

export function dataQualityText(q: DataQuality, t: Messages): string {
  if (q.monitored === 0) return t.summary.noMonitoring(q.servers);
  const days = (Date.parse(q.lastTimestamp!) - Date.parse(q.firstTimestamp!)) / 86_400_000;
  const window = t.summary.quality(
    q.monitored,
    q.servers,
    q.firstTimestamp!,
    q.lastTimestamp!,
    days.toFixed(1),
    q.minSamples!,
  );
  return `${window}; ${t.summary.incomplete(q.incomplete)}`;
}
