// What every placer returns: the hosts with their VMs, the VMs left without a host and why,
// and how good the answer is (lower bound, proved optimal). The problem it answers is the
// file contract src/domain/problem.ts.
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

/** One broken rule found by the verifier (verify.ts), with the amounts behind it. */
export interface Violation {
  /** placed-once, model, single-family, host-count, capacity, anti-affinity, affinity, pin, failover. */
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
