// The placement problem in its generic form (the `capplan place` problem.json, issue
// "placement optimiser" §8) and the result every placer returns. The pipeline builds a
// PlacementProblem from a sized plan; placers never see sizing or files.
import type { HaPriority } from '../domain/types.ts';

export type Objective = 'min-hosts' | 'min-cost' | 'balance' | 'pack';

export interface HostModelCapacity {
  name: string;
  /** Capacity per resource, same units as VM demand (before ceilings). */
  capacity: Record<string, number>;
  cost: number;
  /** Hosts of this model available (unbounded when absent). */
  maxCount?: number;
  /** CPU family, for "one CPU family per cluster". */
  family?: string;
}

export interface PlacementVm {
  name: string;
  demand: Record<string, number>;
  /** Group names: VMs sharing a group never share a host. */
  antiAffinity?: string[];
  /** Group names: VMs sharing a group share one host. */
  affinity?: string[];
  haPriority?: HaPriority;
  /** Host name (e.g. "host1") this VM must run on. */
  pin?: string;
}

export interface PlacementProblem {
  resources: string[];
  hostModels: HostModelCapacity[];
  vms: PlacementVm[];
  /** k of N+k. */
  redundancy: number;
  /** Normal-operation ceiling, % of capacity: one figure, or per resource. */
  ceilingPct: number | Record<string, number>;
  /** Ceiling on survivors after failures (default 100). */
  failoverCeilingPct?: number | Record<string, number>;
  objective: Objective;
  timeLimitSeconds: number;
  seed?: number;
  /** Use exactly this many hosts (the worked example fixes 2). */
  hostCount?: number;
  /** All hosts of one model / family (spec §3: one CPU type per cluster). */
  singleFamily?: boolean;
}

export interface PlacedHost {
  /** host1, host2, … in a stable order. */
  name: string;
  model: string;
  vms: string[];
}

export interface UnplacedVm {
  vm: string;
  /** One line per host model: the resource and numbers that rule it out. */
  reasons: string[];
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
}

/** One broken rule found by the independent checker (`checkPlacement`). */
export interface Violation {
  /** Constraint name: capacity, placed-once, anti-affinity, affinity, pin, host-count, model, single-family, failover. */
  rule: string;
  message: string;
  host?: string;
  vm?: string;
}
