// Per-VM rules of the check: hypervisor limits (method §3.5), exclusions by the current sizing
// (method §4), and drift against the figures the proposal was made with.
import type { HypervisorSettings } from '../domain/project.ts';
import type { HaPriority } from '../domain/server.ts';
import type { Reason } from '../domain/plan.ts';
import type { ProposalHostModel, ProposalVm } from '../domain/proposal.ts';
import { DRIFT_RESOURCES, type Drift, type VmFigures, type Violation } from './report-model.ts';
import { round2 } from '../util/round.ts';

/** A VM as the current data sizes it (what sizing returns, reduced to what the check needs). */
export interface CurrentVm extends VmFigures {
  name: string;
  nics: number;
  osBits: 32 | 64 | null;
  haPriority: HaPriority;
  excluded: boolean;
  reasons: Reason[];
}

/** One violation per hypervisor limit the VM exceeds (RHEV 2.2 limits are settings). */
export function vmLimitViolations(
  vm: CurrentVm,
  host: string,
  hv: HypervisorSettings,
  model: ProposalHostModel,
): Violation[] {
  const memoryLimitGb = vm.osBits === 32 ? hv.maxMemoryGb32 : hv.maxMemoryGb64;
  const threads = model.sockets * model.coresPerSocket * model.threadsPerCore;
  // `limit` names the rule for the report's language; `what` is its English.
  const rules: { resource: string; required: number; available: number; limit: string; what: string }[] = [
    {
      resource: 'vcpu',
      required: vm.vcpu,
      available: hv.maxVcpuPerVm,
      limit: 'vcpu-per-vm',
      what: `vCPU per VM (${hv.name})`,
    },
    // A guest cannot have more vCPUs than the host has hardware threads to run them on.
    {
      resource: 'vcpu',
      required: vm.vcpu,
      available: threads,
      limit: 'host-threads',
      what: `hardware threads of a ${model.name} host`,
    },
    {
      resource: 'memoryGb',
      required: vm.memoryGb,
      available: memoryLimitGb,
      limit: vm.osBits === 32 ? 'memory-32bit' : 'memory-64bit',
      what: `GB per ${vm.osBits === 32 ? '32' : '64'}-bit guest (${hv.name})`,
    },
    {
      resource: 'nics',
      required: vm.nics,
      available: hv.maxNicsPerVm,
      limit: 'nics-per-vm',
      what: `vNICs per VM (${hv.name})`,
    },
  ];
  return rules
    .filter((r) => r.required > r.available)
    .map((r) => ({
      kind: 'vm-limit' as const,
      vm: vm.name,
      host,
      resource: r.resource,
      required: r.required,
      available: r.available,
      shortfall: round2(r.required - r.available),
      message: `${vm.name} needs ${r.required} but the limit is ${r.available} ${r.what}`,
      step: {
        code: 'vm-limit',
        params: {
          vm: vm.name,
          required: r.required,
          available: r.available,
          limit: r.limit,
          hypervisor: hv.name,
          model: model.name,
        },
      },
    }));
}

/** A VM the proposal runs that the current sizing excludes: one violation per reason. */
export function exclusionViolations(vm: CurrentVm, host: string): Violation[] {
  const reasons = vm.reasons.length
    ? vm.reasons
    : [{ code: 'unknown-error' as const, message: 'excluded by the sizing rules' }];
  return reasons.map((r) => ({
    kind: 'excluded' as const,
    vm: vm.name,
    host,
    resource: r.code,
    required: null,
    available: null,
    shortfall: null,
    message: `${vm.name} runs on ${host} in the proposal but is now excluded: ${r.message}`,
    // The reason's own step (sizing/reason-step.ts), which the report's language says.
    step: {
      code: 'now-excluded',
      params: { vm: vm.name, host, reason: r.message, ...(r.step ? { why: r.step } : {}) },
    },
  }));
}

export function baselineOf(vm: ProposalVm): VmFigures {
  return { vcpu: vm.vcpu, memoryGb: vm.memoryGb, diskGb: vm.diskGb, networkMBps: vm.networkMBps ?? 0 };
}

export function figuresOf(vm: CurrentVm): VmFigures {
  return { vcpu: vm.vcpu, memoryGb: vm.memoryGb, diskGb: vm.diskGb, networkMBps: round2(vm.networkMBps) };
}

/**
 * Resources whose figure changed (after rounding to 0.01). Network is compared only when the
 * proposal recorded it.
 */
export function driftOf(baseline: VmFigures, current: VmFigures, hasNetwork: boolean): Drift[] {
  return DRIFT_RESOURCES.filter((r) => r !== 'networkMBps' || hasNetwork)
    .map((resource) => {
      const delta = round2(current[resource] - baseline[resource]);
      const deltaPct = baseline[resource] > 0 ? round2((delta / baseline[resource]) * 100) : null;
      return { resource, baseline: baseline[resource], current: current[resource], delta, deltaPct };
    })
    .filter((d) => d.delta !== 0);
}
