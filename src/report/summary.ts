// The MAP-style consolidation summary (method §4) as plain data, shared by
// the Markdown, workbook and terminal renderers so the three always agree.
import type { MetricName } from '../domain/server.ts';
import type { Plan, PlanServer, PlanVm, ReasonCode } from '../domain/plan.ts';

/** Summary groups in the order MAP lists them, plus the source's "hard to consolidate" ones. */
const GROUPS = [
  'Virtualization Candidate',
  'Unplaced: Missing Inventory Data',
  'Unplaced: Missing Performance Data',
  'Unplaced: Special Hardware',
  'Unplaced: Exceeds Hypervisor Limits',
  'Unplaced: Utilization exceeds host thresholds after virtualization',
  'Unplaced: Unknown Error',
  'Excluded: Not a Workload',
] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_OF_CODE: Record<ReasonCode, Group> = {
  'missing-inventory-data': 'Unplaced: Missing Inventory Data',
  'missing-performance-data': 'Unplaced: Missing Performance Data',
  'special-hardware': 'Unplaced: Special Hardware',
  'exceeds-vcpu-limit': 'Unplaced: Exceeds Hypervisor Limits',
  'exceeds-memory-limit': 'Unplaced: Exceeds Hypervisor Limits',
  'exceeds-nic-limit': 'Unplaced: Exceeds Hypervisor Limits',
  'guest-32bit-memory': 'Unplaced: Exceeds Hypervisor Limits',
  // Method §4: a server above 85 % would monopolise a node — MAP's threshold group.
  'source-utilisation-above-threshold': 'Unplaced: Utilization exceeds host thresholds after virtualization',
  'exceeds-host-capacity': 'Unplaced: Utilization exceeds host thresholds after virtualization',
  'unknown-error': 'Unplaced: Unknown Error',
  // Templates, agent VMs (vCLS) and powered-off VMs of an inventory export (method §3.6).
  'not-a-workload': 'Excluded: Not a Workload',
  'powered-off': 'Excluded: Not a Workload',
};

/** A VM's group: placed VMs are candidates; otherwise its first reason in GROUPS order. */
export function groupOf(vm: PlanVm): Group {
  if (vm.status === 'placed') return 'Virtualization Candidate';
  const groups = vm.reasons.map((r) => GROUP_OF_CODE[r.code] ?? 'Unplaced: Unknown Error');
  if (groups.length === 0) return 'Unplaced: Unknown Error';
  return groups.sort((a, b) => GROUPS.indexOf(a) - GROUPS.indexOf(b))[0]!;
}

/** Averages over a group's servers; null where no server of the group has the metric. */
interface GroupAverages {
  cpuPct: number | null;
  memoryGb: number | null;
  iops: number | null;
  networkMBps: number | null;
}

export interface SummaryRow extends GroupAverages {
  group: 'Total' | Group;
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
    memoryGb: mem === null ? null : mem / 1024,
    iops: mean(pick('iops')),
    networkMBps: mean(pick('networkMBps')),
  };
}

/** Servers by name, and a VM's source server (undefined if missing from the plan). */
function serverOf(plan: Plan, vm: PlanVm): PlanServer | undefined {
  return plan.servers.find((s) => s.name === vm.sourceServer);
}

/** Total row first, then every group that has servers, in GROUPS order. */
export function summaryRows(plan: Plan): SummaryRow[] {
  const rows: SummaryRow[] = [{ group: 'Total', servers: plan.vms.length, ...averages(plan.servers) }];
  for (const group of GROUPS) {
    const vms = plan.vms.filter((v) => groupOf(v) === group);
    if (vms.length === 0 && group !== 'Virtualization Candidate') continue;
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
    redundancySatisfied: plan.redundancy.satisfied,
  };
}

function machinesBefore(plan: Plan): number {
  return plan.sourceHosts?.length ? plan.sourceHosts.length : plan.totals.placed;
}

/** Sum of the placed VMs' source IOPS on a host (MAP's per-host IOPS after consolidation). */
export function hostIops(plan: Plan, hostName: string): number | null {
  const vms = plan.vms.filter((v) => v.host === hostName);
  const values = vms.flatMap((v) => {
    const m = serverOf(plan, v)?.usage?.metrics.iops;
    return m ? [m.avg] : [];
  });
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0);
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
  const core: MetricName[] = ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps'];
  // ISO-8601 UTC strings sort chronologically.
  const firsts = usages.map((u) => u.firstTimestamp).sort();
  const lasts = usages.map((u) => u.lastTimestamp).sort();
  return {
    servers: plan.servers.length,
    monitored: usages.length,
    minSamples: usages.length ? Math.min(...usages.map((u) => u.samples)) : null,
    firstTimestamp: firsts[0] ?? null,
    lastTimestamp: lasts[lasts.length - 1] ?? null,
    incomplete: usages.filter((u) => core.some((m) => !u.metrics[m])).length,
  };
}

export function dataQualityText(q: DataQuality): string {
  if (q.monitored === 0) return `no monitoring data for any of ${q.servers} servers`;
  const days = (Date.parse(q.lastTimestamp!) - Date.parse(q.firstTimestamp!)) / 86_400_000;
  return (
    `${q.monitored} of ${q.servers} servers monitored, ${q.firstTimestamp} to ${q.lastTimestamp} ` +
    `(${days.toFixed(1)} days), ` +
    `at least ${q.minSamples} samples each; ${q.incomplete} with a metric missing`
  );
}
