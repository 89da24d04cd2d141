// What every placer returns: the hosts with their VMs, the VMs left without a host and why,
// and how good the answer is (lower bound, proved optimal). The problem it answers is the
// file contract src/domain/problem.ts.
import type { NoteStep } from '../domain/plan.ts';
import type { TextStep } from '../domain/text-step.ts';

export interface PlacedHost {
  /** host1, host2, … in a stable order. */
  name: string;
  model: string;
  vms: string[];
  /** The host group the host is dedicated to (docs/placement.md); absent: a general host. */
  group?: string;
}

export interface UnplacedVm {
  vm: string;
  /** One line per host model: the resource and numbers that rule it out. */
  reasons: string[];
  /** The reasons as figures, where one is said from them (a report in another language); not in place's output. */
  steps?: (TextStep | null)[];
}

export interface PlacementResult {
  hosts: PlacedHost[];
  unplaced: UnplacedVm[];
  method: string;
  hostsUsed: number;
  cost: number;
  lowerBound: number;
  /** True only when optimality was proved. */
  optimal: boolean;
  bindingResource: string | null;
  seconds: number;
  seed: number;
  notes: string[];
  /** The notes as figures, same length and order (note.ts); absent from results built without them. */
  noteSteps?: NoteStep[];
  /** Licences per host group, with and without dedicated hosts (only when the problem has host groups). */
  licences?: LicenceLine[];
  /** The one-cluster plan every host of which is licensed for every group: what the groups are weighed against. */
  withoutGroups?: { hosts: number; hardwareCost: number; licenceCost: number };
}

/** One host group's licences in the chosen plan and in the plan that licenses every host. */
export interface LicenceLine {
  group: string;
  per: 'host' | 'core';
  /** True when the group runs on dedicated hosts; false when every host is licensed for it. */
  dedicated: boolean;
  vms: number;
  hosts: number;
  /** Cores licensed (per-core licences; the host minimums applied), else 0. */
  cores: number;
  cost: number;
  /** The same figures when every host of the one-cluster plan is licensed. */
  withoutGroup: { hosts: number; cores: number; cost: number };
}

/** One broken rule found by the verifier (verify.ts), with the amounts behind it. */
export interface Violation {
  /** placed-once, model, single-family, host-count, capacity, anti-affinity, affinity, pin, host-group, failover. */
  rule: string;
  message: string;
  host?: string;
  vm?: string;
  /** The failure scenario (failover): the hosts that fail. */
  failedHosts?: string[];
  /** The VMs that scenario could not restart. */
  stranded?: string[];
  resource?: string;
  /** What is needed and the most allowed (capacity × ceiling), in the resource's unit. */
  required?: number;
  available?: number;
  /** required − available. */
  shortfall?: number;
  /** The raw capacity and the ceiling behind `available`. */
  capacity?: number;
  ceilingPct?: number;
}
