// What one host must carry, before standard shapes (method §5.2):
// with n hosts and k failures the n − k survivors carry every VM within the failover ceiling,
// the n hosts carry them within the normal ceilings (method §6.1: 75 % CPU), and no host is
// smaller than the largest VM. The requirement is the largest of these; the line that binds
// is named in the derivation.
import type { ProjectSettings } from '../domain/project.ts';
import type { DerivationStep, Reason } from '../domain/plan.ts';
import { ceilSafe } from './rounding.ts';
import { derivationLine, figure, type DerivationLine } from './derivation-line.ts';

/** The figures of a VM that size hosts. */
export interface HostDemandVm {
  vcpu: number;
  memoryGb: number;
  diskGb: number;
}

export interface HostRequirement {
  /** vCPU one host must be able to run (at 100 %). */
  vcpu: number;
  /** GB of VM memory one host must hold (after overcommit, before the hypervisor reserve). */
  memoryGb: number;
  /** GB of VM disk one survivor carries (sizes hosts only with local storage). */
  diskGb: number;
  vcpuLine: DerivationLine;
  /** The memory line's figures; deriveHost adds the hypervisor reserve to the line. */
  memory: RequirementParams;
}

/** One figure a host must carry: a share of the VMs (or the largest VM) at its ceiling, as the line prints it. */
type Candidate = {
  kind: 'failover' | 'normal' | 'largest';
  /** The VMs' total (the largest VM's figure for kind largest). */
  total: number;
  /** Hosts sharing the total: the survivors, every host, or 1. */
  hosts: number;
  share: number;
  /** Whole units per VM (vCPU): the share is ⌈total / hosts⌉. */
  rounded: boolean;
  ceilingPct: number;
  overcommit: number;
  value: number;
};

/** The figures of a requirement line: every candidate and the one that binds. */
export type RequirementParams = {
  redundancy: number;
  hosts: number;
  survivors: number;
  candidates: Candidate[];
  binds: Candidate['kind'];
  value: number;
};

const LABEL: Record<Candidate['kind'], string> = {
  failover: 'failover',
  normal: 'normal operation',
  largest: 'largest VM',
};

/** "16" / "⌈16 / 2⌉ = 8" / "31 / 2 = 15.5". */
function shareText(c: Candidate): string {
  if (c.hosts === 1) return `${c.total}`;
  const division = `${c.total} / ${c.hosts}`;
  return c.rounded ? `⌈${division}⌉ = ${c.share}` : `${division} = ${c.share}`;
}

function candidateText(resource: 'vcpu' | 'memory', c: Candidate): string {
  const vcpu = resource === 'vcpu';
  const who = c.hosts === 1 ? 'one survivor carries' : `each of ${c.hosts} survivors carries`;
  const base =
    c.kind === 'failover'
      ? `${who} ${shareText(c)} ${vcpu ? 'vCPU' : 'GB of VMs'}`
      : c.kind === 'normal'
        ? `normal operation ${shareText(c)} ${vcpu ? 'vCPU' : 'GB'} per host`
        : `largest VM ${c.total} ${vcpu ? 'vCPU' : 'GB'}`;
  if (c.ceilingPct === 100 && c.overcommit === 1) return base;
  const over = c.overcommit === 1 ? '' : ` ÷ ${c.overcommit} overcommit`;
  return `${base} at ≤ ${c.ceilingPct} %${over} → ${c.value}`;
}

/** The English requirement line: "N+1 with 2 hosts: one survivor carries 16 vCPU; … → failover binds: 16 vCPU". */
export function requirementText(resource: 'vcpu' | 'memory', p: RequirementParams): string {
  const prefix = resource === 'vcpu' ? `N+${p.redundancy} with ${p.hosts} hosts: ` : 'memory: ';
  const unit = resource === 'vcpu' ? 'vCPU' : 'GB';
  const candidates = p.candidates.map((c) => candidateText(resource, c)).join('; ');
  return `${prefix}${candidates} → ${LABEL[p.binds]} binds: ${p.value} ${unit}`;
}

/**
 * A share carried at ≤ ceilingPct (and ÷ memory overcommit, KSM page sharing, method §5.1):
 * share / (ceiling / 100) / overcommit, e.g. 8 vCPU at ≤ 75 % → 10.67 vCPU of capacity.
 */
function candidate(
  kind: Candidate['kind'],
  share: { total: number; hosts: number; share: number; rounded: boolean },
  ceilingPct: number,
  overcommit = 1,
): { value: number; params: Candidate } {
  const value = share.share / (ceilingPct / 100) / overcommit;
  const params = {
    kind,
    total: figure(share.total),
    hosts: share.hosts,
    share: figure(share.share),
    rounded: share.rounded,
    ceilingPct,
    overcommit,
    value: figure(value),
  };
  return { value, params };
}

/** The candidate that binds (the largest; the first of equals) and the line's figures. */
function binding(
  candidates: { value: number; params: Candidate }[],
  counts: Pick<RequirementParams, 'redundancy' | 'hosts' | 'survivors'>,
): { value: number; params: RequirementParams } {
  const best = candidates.reduce((a, b) => (b.value > a.value ? b : a));
  return {
    value: best.value,
    params: {
      ...counts,
      candidates: candidates.map((c) => c.params),
      binds: best.params.kind,
      value: figure(best.value),
    },
  };
}

/** Per-host requirement for `vms` on `hostCount` hosts, or a reason when N+k is impossible. */
export function hostRequirement(
  vms: readonly { vcpu: number; memoryGb: number; diskGb: number }[],
  settings: ProjectSettings,
  hostCount: number,
): HostRequirement | { reason: Reason; step: DerivationStep } {
  const c = settings.cluster;
  const k = c.redundancy;
  const survivors = hostCount - k;
  if (survivors < 1) {
    const line = derivationLine(
      'nk-too-few-hosts',
      { redundancy: k, needed: k + 1, hosts: hostCount },
      (p) => `N+${p.redundancy} needs at least ${p.needed} hosts; the cluster has ${p.hosts}`,
    );
    return {
      reason: { code: 'exceeds-host-capacity', message: line.text, figures: { hosts: hostCount, redundancy: k } },
      step: line.step,
    };
  }
  const sum = (f: (vm: HostDemandVm) => number) => vms.reduce((acc, vm) => acc + f(vm), 0);
  const max = (f: (vm: HostDemandVm) => number) => vms.reduce((acc, vm) => Math.max(acc, f(vm)), 0);
  const counts = { redundancy: k, hosts: hostCount, survivors };

  // vCPU are whole per VM, so a share is at least the ceiling of the even split.
  const vcpu = { total: sum((vm) => vm.vcpu), largest: max((vm) => vm.vcpu) };
  const split = (total: number, hosts: number, rounded: boolean) => ({
    total,
    hosts,
    share: rounded ? ceilSafe(total / hosts) : total / hosts,
    rounded,
  });
  const alone = (largest: number) => ({ total: largest, hosts: 1, share: largest, rounded: false });
  const vcpuCands = [
    ...(k > 0 ? [candidate('failover', split(vcpu.total, survivors, true), c.failoverCeilingPct)] : []),
    candidate('normal', split(vcpu.total, hostCount, true), c.cpuCeilingPct),
    candidate('largest', alone(vcpu.largest), c.cpuCeilingPct),
  ];

  const mem = { total: sum((vm) => vm.memoryGb), largest: max((vm) => vm.memoryGb) };
  const over = c.memoryOvercommit;
  const memCands = [
    ...(k > 0 ? [candidate('failover', split(mem.total, survivors, false), c.failoverCeilingPct, over)] : []),
    candidate('normal', split(mem.total, hostCount, false), c.memoryCeilingPct, over),
    // One VM's memory cannot be shared with itself: no overcommit for the largest VM.
    candidate('largest', alone(mem.largest), c.memoryCeilingPct),
  ];

  const v = binding(vcpuCands, counts);
  const m = binding(memCands, counts);
  return {
    vcpu: v.value,
    memoryGb: m.value,
    diskGb: sum((vm) => vm.diskGb) / survivors,
    vcpuLine: derivationLine('nk-vcpu', v.params, (p) => requirementText('vcpu', p)),
    memory: m.params,
  };
}
