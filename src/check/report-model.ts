// What `capplan check` finds: the verdict, each violation with its numbers, drift per VM and
// resource against the proposal's baseline, and headroom per host and per failure scenario.
// Every renderer (human, json, junit, github, markdown) reads only this.
import type { HaPriority } from '../domain/server.ts';
import type { Reason } from '../domain/plan.ts';
import type { ReplayWindow } from '../domain/plan-replay.ts';
import type { ReportLanguage } from '../domain/report-settings.ts';
import type { TextStep } from '../domain/text-step.ts';

/** Resources a host carries (placement units: vCPU, GB) plus network, MB/s (drift only). */
export type CheckResource = 'vcpu' | 'memoryGb' | 'diskGb' | 'networkMBps';
export const DRIFT_RESOURCES: readonly CheckResource[] = ['vcpu', 'memoryGb', 'diskGb', 'networkMBps'];

type ViolationKind =
  /** A host's load in normal operation is above its capacity × ceiling. */
  | 'host-capacity'
  /** After a failure, the survivors cannot restart every VM within capacity. */
  | 'failover'
  /** A VM exceeds a per-VM hypervisor limit (method §3.5). */
  | 'vm-limit'
  /** A VM the proposal runs is now excluded by the sizing rules (method §4). */
  | 'excluded'
  /** A VM without a host in the proposal (new since) fits on no host. */
  | 'unplaced'
  /** Replaying the newer monitoring, a host is over 100 % of a capacity too often (method §14.3). */
  | 'replay-overload';

export interface Violation {
  kind: ViolationKind;
  vm?: string;
  host?: string;
  /** Failure scenario id, e.g. "host1 fails". */
  scenario?: string;
  /** Resource (vcpu, memoryGb, …) or, for an exclusion, the reason code. */
  resource: string;
  /** Needed, available and missing amounts in the resource's unit; null where a rule has no numbers. */
  required: number | null;
  available: number | null;
  shortfall: number | null;
  message: string;
  /** message as figures, so a report in another language says it (domain/check-words.ts). */
  step?: TextStep;
}

export interface VmFigures {
  vcpu: number;
  memoryGb: number;
  diskGb: number;
  networkMBps: number;
}

export interface Drift {
  resource: CheckResource;
  baseline: number;
  current: number;
  /** current − baseline. */
  delta: number;
  /** delta / baseline × 100; null when the baseline is 0. */
  deltaPct: number | null;
}

/**
 * placed: runs on its proposal host; added: has no host in the proposal, placed by the check;
 * excluded: left out (by the proposal and/or the current sizing); gone: in the proposal, no
 * longer in the inventory; unplaced: needs a host and fits on none.
 */
type VmCheckStatus = 'placed' | 'added' | 'excluded' | 'gone' | 'unplaced';

export interface VmCheck {
  name: string;
  host: string | null;
  status: VmCheckStatus;
  haPriority: HaPriority;
  baseline: VmFigures | null;
  current: VmFigures | null;
  /** Only the resources that changed. */
  drift: Drift[];
  /** Exclusion reasons of the current sizing. */
  reasons: Reason[];
}

export interface Headroom {
  resource: CheckResource;
  load: number;
  /** capacity × ceiling. */
  available: number;
  capacity: number;
  ceilingPct: number;
  /** available − load (negative: over). */
  headroom: number;
  /** load / capacity × 100. */
  usedPct: number;
}

export interface HostCheck {
  name: string;
  vms: string[];
  resources: Headroom[];
}

export interface ScenarioCheck {
  /** e.g. "host1 fails", "host1+host2 fail". */
  id: string;
  failedHosts: string[];
  satisfied: boolean;
  /** Survivors after the restarts (ceiling = the failover ceiling). */
  hosts: HostCheck[];
  restarts: { vm: string; from: string; to: string | null; haPriority: HaPriority }[];
}

export interface CheckReport {
  /** The proposal file as given on the command line. */
  file: string;
  project: string;
  holds: boolean;
  policy: string;
  hosts: HostCheck[];
  scenarios: ScenarioCheck[];
  vms: VmCheck[];
  violations: Violation[];
  notes: string[];
  /** Each note as figures, in the order of notes (absent: the notes are said as written). */
  noteSteps?: TextStep[];
  /** The language of the report (the proposal's report.language); absent: English. */
  language?: ReportLanguage;
  /** The newer monitoring (--monitoring) replayed on the proposal (method §14). */
  replay?: ReplayWindow;
}
