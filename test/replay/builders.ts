// Builders for replay tests: a plan's hosts, VMs and source servers with defaults, and the
// samples in a real SampleStore (the ingest's), five minutes apart from 2024-01-01T00:00Z.
import type { ProjectInput } from '../../src/domain/project.ts';
import type { MonitoringSamples } from '../../src/domain/samples.ts';
import type { ServerUsage } from '../../src/domain/server.ts';
import type { ReplayPlanInput } from '../../src/replay/index.ts';
import { METRICS } from '../../src/ingest/monitoring/sample-store.ts';
import { SampleStore } from '../../src/ingest/monitoring/sample-store.ts';
import { storeSamples } from '../../src/ingest/monitoring/store-samples.ts';
import { defaultSettings } from '../helpers/settings.ts';

export const T0 = Date.UTC(2024, 0, 1) / 1000;
export const STEP = 300;

export interface HostSpec {
  name: string;
  sockets?: number;
  coresPerSocket?: number;
  cpuGhz?: number;
  memoryGb?: number;
  nics?: number;
  nicGbps?: number;
}

export interface VmSpec {
  name: string;
  host: string;
  /** Source server cores and clock. */
  cores?: number | null;
  ghz?: number;
  cpuPct?: number[];
  memoryMb?: number[];
  networkMBps?: number[];
  /** Grid interval of each sample (default 0, 1, 2 …) and the VM's own sampling interval. */
  at?: number[];
  stepSec?: number;
}

export function replayPlan(
  hosts: HostSpec[],
  vms: VmSpec[],
  settings: Partial<ProjectInput> = {},
  scenarios: ReplayPlanInput['redundancy']['scenarios'] = [],
): ReplayPlanInput {
  return {
    settings: defaultSettings(settings),
    hosts: hosts.map((h) => ({
      name: h.name,
      sockets: h.sockets ?? 1,
      coresPerSocket: h.coresPerSocket ?? 4,
      cpuGhz: h.cpuGhz ?? 2,
      memoryGb: h.memoryGb ?? 16.5,
      nics: h.nics ?? 1,
      nicGbps: h.nicGbps ?? 1,
      vms: vms.filter((v) => v.host === h.name).map((v) => v.name),
    })) as ReplayPlanInput['hosts'],
    vms: vms.map((v) => ({
      name: v.name,
      sourceServer: v.name,
      host: v.host,
      status: 'placed',
    })) as ReplayPlanInput['vms'],
    servers: vms.map((v) => ({
      name: v.name,
      sockets: v.cores === null ? null : 1,
      coresPerSocket: v.cores === null ? null : (v.cores ?? 2),
      cpuGhz: v.ghz ?? 2,
    })) as ReplayPlanInput['servers'],
    redundancy: { scenarios } as ReplayPlanInput['redundancy'],
  };
}

/** The VMs' samples in a SampleStore, interval i at T0 + i·STEP. */
export function samplesOf(vms: VmSpec[]): MonitoringSamples {
  const store = new SampleStore();
  const values = new Float64Array(METRICS);
  const usage: ServerUsage[] = [];
  for (const vm of vms) {
    const s = store.server(vm.name);
    const n = Math.max(vm.cpuPct?.length ?? 0, vm.memoryMb?.length ?? 0, vm.networkMBps?.length ?? 0);
    for (let i = 0; i < n; i++) {
      values.fill(Number.NaN);
      values[0] = vm.cpuPct?.[i] ?? Number.NaN;
      values[1] = vm.memoryMb?.[i] ?? Number.NaN;
      values[3] = vm.networkMBps?.[i] ?? Number.NaN;
      s.add((T0 + (vm.at?.[i] ?? i) * STEP) * 1000, values);
    }
    usage.push({ server: vm.name, intervalSeconds: vm.stepSec ?? STEP } as ServerUsage);
  }
  return storeSamples([store], usage);
}
