// What one host must carry, before standard shapes (method §5.2):
// with n hosts and k failures the n − k survivors carry every VM within the failover ceiling,
// the n hosts carry them within the normal ceilings (method §6.1: 75 % CPU), and no host is
// smaller than the largest VM. The requirement is the largest of these; the line that binds
// is named in the derivation.
import type { ProjectSettings } from '../domain/project.ts';
import type { Reason } from '../domain/plan.ts';
import { ceilSafe, fmt } from './rounding.ts';

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
  vcpuLine: string;
  memoryLine: string;
}

interface Candidate {
  label: string;
  text: string;
  value: number;
}

function binding(prefix: string, candidates: Candidate[], unit: string): { value: number; line: string } {
  const best = candidates.reduce((a, b) => (b.value > a.value ? b : a));
  return {
    value: best.value,
    line: `${prefix}${candidates.map((x) => x.text).join('; ')} → ${best.label} binds: ${fmt(best.value)} ${unit}`,
  };
}

/** "one survivor carries 16" / "each of 2 survivors carries ⌈16 / 2⌉ = 8". */
function shareText(total: number, hosts: number, share: number, round: boolean): string {
  if (hosts === 1) return `${fmt(total)}`;
  return round ? `⌈${fmt(total)} / ${hosts}⌉ = ${fmt(share)}` : `${fmt(total)} / ${hosts} = ${fmt(share)}`;
}

/**
 * A share carried at ≤ ceilingPct (and ÷ memory overcommit, KSM page sharing, method §5.1):
 * share / (ceiling / 100) / overcommit, e.g. 8 vCPU at ≤ 75 % → 10.67 vCPU of capacity.
 */
function candidate(label: string, text: string, share: number, ceilingPct: number, overcommit = 1): Candidate {
  const value = share / (ceilingPct / 100) / overcommit;
  if (ceilingPct === 100 && overcommit === 1) return { label, text, value };
  const over = overcommit === 1 ? '' : ` ÷ ${overcommit} overcommit`;
  return { label, value, text: `${text} at ≤ ${ceilingPct} %${over} → ${fmt(value)}` };
}

/** Per-host requirement for `vms` on `hostCount` hosts, or a reason when N+k is impossible. */
export function hostRequirement(
  vms: readonly { vcpu: number; memoryGb: number; diskGb: number }[],
  settings: ProjectSettings,
  hostCount: number,
): HostRequirement | { reason: Reason } {
  const c = settings.cluster;
  const k = c.redundancy;
  const survivors = hostCount - k;
  if (survivors < 1) {
    return {
      reason: {
        code: 'exceeds-host-capacity',
        message: `N+${k} needs at least ${k + 1} hosts; the cluster has ${hostCount}`,
        figures: { hosts: hostCount, redundancy: k },
      },
    };
  }
  const sum = (f: (vm: HostDemandVm) => number) => vms.reduce((acc, vm) => acc + f(vm), 0);
  const max = (f: (vm: HostDemandVm) => number) => vms.reduce((acc, vm) => Math.max(acc, f(vm)), 0);
  const who = survivors === 1 ? 'one survivor carries' : `each of ${survivors} survivors carries`;
  const prefix = `N+${k} with ${hostCount} hosts: `;

  // vCPU are whole per VM, so a share is at least the ceiling of the even split.
  const vcpu = { total: sum((vm) => vm.vcpu), largest: max((vm) => vm.vcpu) };
  const vcpuFail = ceilSafe(vcpu.total / survivors);
  const vcpuNormal = ceilSafe(vcpu.total / hostCount);
  const vcpuCands: Candidate[] = [
    ...(k > 0
      ? [
          candidate(
            'failover',
            `${who} ${shareText(vcpu.total, survivors, vcpuFail, true)} vCPU`,
            vcpuFail,
            c.failoverCeilingPct,
          ),
        ]
      : []),
    candidate(
      'normal operation',
      `normal operation ${shareText(vcpu.total, hostCount, vcpuNormal, true)} vCPU per host`,
      vcpuNormal,
      c.cpuCeilingPct,
    ),
    candidate('largest VM', `largest VM ${vcpu.largest} vCPU`, vcpu.largest, c.cpuCeilingPct),
  ];

  const mem = { total: sum((vm) => vm.memoryGb), largest: max((vm) => vm.memoryGb) };
  const over = c.memoryOvercommit;
  const memFail = mem.total / survivors;
  const memNormal = mem.total / hostCount;
  const memCands: Candidate[] = [
    ...(k > 0
      ? [
          candidate(
            'failover',
            `${who} ${shareText(mem.total, survivors, memFail, false)} GB of VMs`,
            memFail,
            c.failoverCeilingPct,
            over,
          ),
        ]
      : []),
    candidate(
      'normal operation',
      `normal operation ${shareText(mem.total, hostCount, memNormal, false)} GB per host`,
      memNormal,
      c.memoryCeilingPct,
      over,
    ),
    // One VM's memory cannot be shared with itself: no overcommit for the largest VM.
    candidate('largest VM', `largest VM ${fmt(mem.largest)} GB`, mem.largest, c.memoryCeilingPct),
  ];

  const v = binding(prefix, vcpuCands, 'vCPU');
  const m = binding('memory: ', memCands, 'GB');
  return {
    vcpu: v.value,
    memoryGb: m.value,
    diskGb: sum((vm) => vm.diskGb) / survivors,
    vcpuLine: v.line,
    memoryLine: m.line,
  };
}
