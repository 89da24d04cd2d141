// A hand-made Plan of the worked example (method §2.3–§2.5), for tests that need a plan
// before the pipeline makes one.
import { defaultSettings } from '../helpers/settings.ts';
import type { Plan, PlanHost, PlanVm } from '../../src/domain/plan.ts';

const TABLE_2_7: [string, number, number, number, number, string][] = [
  // name, vCPU, memory GB, disk GB, network MB/s (table 2.6), host
  ['nomina', 2, 4, 100, 228.77, 'host1'],
  ['web', 2, 3, 50, 1059.72, 'host1'],
  ['base-datos', 2, 4, 90, 651.27, 'host1'],
  ['archivos', 1, 1, 75, 359.29, 'host1'],
  ['vpn', 1, 1, 40, 605.28, 'host1'],
  ['negocio-1', 2, 4, 120, 418.29, 'host2'],
  ['negocio-2', 2, 4, 40, 546.71, 'host2'],
  ['intranet', 2, 4, 45, 443.76, 'host2'],
  ['propietario-1', 1, 3, 40, 307.02, 'host2'],
  ['propietario-2', 1, 3, 75, 497.39, 'host2'],
];

export function examplePlan(): Plan {
  const settings = defaultSettings({
    project: 'aseguradora',
    inputs: { inventory: 'inventory.csv', monitoring: 'monitoring.csv' },
    cluster: { hostCount: 2 },
  });
  const vms: PlanVm[] = TABLE_2_7.map(([name, vcpu, memoryGb, diskGb, networkMBps, host]) => ({
    name,
    sourceServer: name,
    vcpu,
    memoryGb,
    diskGb,
    nics: 1,
    networkMBps: networkMBps + 0.004,
    host,
    status: 'placed',
    reasons: [],
    haPriority: 'medium',
    os: null,
    osBits: 64,
    sizing: {},
  }));
  const model = {
    name: 'derived',
    sockets: 2,
    coresPerSocket: 4,
    threadsPerCore: 2,
    cpuGhz: 2,
    memoryGb: 32,
    nics: 3,
    nicGbps: 4,
    localDiskMb: 149504,
    price: 0,
    watts: 0,
  };
  const host = (name: string): PlanHost => ({
    ...model,
    model: model.name,
    name,
    partitions: {
      bootMb: 50,
      rootMb: 512,
      configMb: 5,
      loggingMb: 2048,
      swapMb: 24576,
      dataMb: 49152,
      totalMb: 76343,
      fits: true,
    },
    load: { vcpu: 8, memoryGb: 0, cpuPct: 0, memoryPct: 0, diskGb: 0, networkMBps: 0 },
    vms: vms.filter((v) => v.host === name).map((v) => v.name),
  });
  return {
    formatVersion: 1,
    project: 'aseguradora',
    title: 'Consolidation plan: aseguradora',
    client: null,
    inputs: [],
    settings,
    hostModel: { ...model, derivation: [] },
    servers: [],
    vms,
    hosts: [host('host1'), host('host2')],
    totals: { vcpu: 16, memoryGb: 31, diskGb: 675, servers: 10, placed: 10, excluded: 0, unplaced: 0 },
    redundancy: { policy: 'N+1', k: 1, satisfied: true, scenarios: [] },
    placement: {
      method: 'test',
      objective: 'balance',
      hostsUsed: 2,
      cost: 0,
      lowerBound: 2,
      optimal: true,
      bindingResource: 'vcpu',
      seed: 1,
      notes: [],
    },
  };
}
