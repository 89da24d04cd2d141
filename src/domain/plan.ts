// The Plan: what `capplan plan` computes and writes as plan.json; what `report`, `provision`
// and `check` read. Versioned contract (foundation issue §8): fields may be added freely,
// the named ones keep their names and meaning.
import type { HaPriority, HostModel, InventoryServer, ServerUsage } from './types.ts';
import type { ProjectSettings } from './project.ts';
import type { Finding } from './finding.ts';

export const PLAN_FORMAT_VERSION = 1;

export type VmStatus = 'placed' | 'excluded' | 'unplaced';

/** Why a VM is excluded or unplaced (MAP-style groups, spec §1.4). */
export type ReasonCode =
  | 'missing-inventory-data'
  | 'missing-performance-data'
  | 'exceeds-vcpu-limit'
  | 'exceeds-memory-limit'
  | 'exceeds-nic-limit'
  | 'source-utilisation-above-threshold'
  | 'special-hardware'
  | 'guest-32bit-memory'
  | 'exceeds-host-capacity'
  | 'no-capacity-left'
  | 'unknown-error';

export interface Reason {
  code: ReasonCode;
  message: string;
  /** The numbers behind the message (e.g. { vcpu: 20, limit: 16 }). */
  figures?: Record<string, number | string>;
}

/** How one resource of a VM was sized: every input behind the figure. */
export interface ResourceSizing {
  statistic: string;
  /** Measured value of the statistic (CPU %, MB, GB, MB/s). */
  measured: number;
  peakFactor: number;
  growth: number;
  /** measured × peak × (1 + growth), before rounding. */
  demand: number;
  /** The rounded result in the VM's unit. */
  result: number;
  formula: string;
}

export interface PlanVm {
  name: string;
  sourceServer: string;
  vcpu: number;
  memoryGb: number;
  diskGb: number;
  nics: number;
  /** Expected network demand, MB/s (not rounded; not a placement constraint by default). */
  networkMBps: number;
  host: string | null;
  status: VmStatus;
  reasons: Reason[];
  haPriority: HaPriority;
  os: string | null;
  osBits: 32 | 64 | null;
  sizing: { cpu?: ResourceSizing; memory?: ResourceSizing; disk?: ResourceSizing; network?: ResourceSizing };
}

export interface Partitions {
  bootMb: number;
  rootMb: number;
  configMb: number;
  loggingMb: number;
  swapMb: number;
  dataMb: number;
  totalMb: number;
  /** Does totalMb fit localDiskMb? */
  fits: boolean;
}

export interface HostLoad {
  vcpu: number;
  memoryGb: number;
  /** vcpu / (cores × vcpuPerCore) × 100. */
  cpuPct: number;
  /** memoryGb / (memoryGb of host − hypervisor reserve) × 100. */
  memoryPct: number;
  diskGb: number;
  networkMBps: number;
}

export interface PlanHost {
  name: string;
  model: string;
  sockets: number;
  coresPerSocket: number;
  threadsPerCore: number;
  cpuGhz: number;
  memoryGb: number;
  nics: number;
  nicGbps: number;
  localDiskMb: number;
  price: number;
  watts: number;
  partitions: Partitions;
  load: HostLoad;
  vms: string[];
}

export interface Restart {
  vm: string;
  from: string;
  to: string | null;
  haPriority: HaPriority;
}

export interface FailoverScenario {
  failedHosts: string[];
  satisfied: boolean;
  /** VMs of the failed hosts, in restart order (HA priority high → low). */
  restarts: Restart[];
  /** Load of each surviving host after the restarts. */
  load: {
    host: string;
    vcpu: number;
    memoryGb: number;
    cpuPct: number;
    memoryPct: number;
    /** Load per placement resource (any resource names, same units as the demand). */
    resources?: Record<string, number>;
  }[];
  /** Why the scenario fails, if it does. */
  shortfalls: string[];
}

export interface PlanPlacement {
  method: string;
  objective: string;
  hostsUsed: number;
  cost: number;
  lowerBound: number;
  optimal: boolean;
  bindingResource: string | null;
  seed: number;
  notes: string[];
}

/** Physical server + measured usage, kept so reports render from the plan alone. */
export interface PlanServer extends Omit<InventoryServer, 'source'> {
  usage: ServerUsage | null;
}

export interface Plan {
  formatVersion: number;
  project: string;
  title: string;
  client: string | null;
  /** Digest of the inputs (sha256 of their bytes), so a plan names what it was made from. */
  inputs: { file: string; sha256: string }[];
  settings: ProjectSettings;
  hostModel: HostModel & { derivation: string[] };
  servers: PlanServer[];
  vms: PlanVm[];
  hosts: PlanHost[];
  totals: {
    vcpu: number;
    memoryGb: number;
    diskGb: number;
    servers: number;
    placed: number;
    excluded: number;
    unplaced: number;
  };
  redundancy: { policy: string; k: number; satisfied: boolean; scenarios: FailoverScenario[] };
  placement: PlanPlacement;
  /** Data problems found in the inputs (data quality, unknown servers, skipped rows). Always
   * written by `capplan plan`; optional so plans written before it was added still read. */
  findings?: Finding[];
}
