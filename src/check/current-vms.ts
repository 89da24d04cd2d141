// The VMs as the current data sizes them: the proposal's inventory and monitoring (plus any
// newer monitoring files, pooled with them per server) through the same sizing as
// `capplan plan`, with the settings the proposal records.
import { readServerData } from '../ingest/project-inputs.ts';
import { monitoringSourceFor } from '../ingest/monitoring-source-for.ts';
import { sizeServer } from '../sizing/index.ts';
import type { LoadedProposal } from './load-proposal.ts';
import { proposalSettings } from '../domain/proposal.ts';
import type { CurrentVm } from './vm-checks.ts';
import type { InventoryServer } from '../domain/server.ts';
import type { MonitoringSamples } from '../domain/samples.ts';

export interface CurrentData {
  vms: CurrentVm[];
  /** The inventory servers (source cores and clock, for the replay). */
  servers: InventoryServer[];
  /** The samples of the extra monitoring files alone (the window the check replays, method §14); none from a store. */
  newerSamples: MonitoringSamples | null;
}

export async function currentVms(loaded: LoadedProposal, extraMonitoringFiles: string[]): Promise<CurrentData> {
  const settings = proposalSettings(loaded.proposal);
  const source = monitoringSourceFor(loaded.monitoring, extraMonitoringFiles, undefined, settings.inputs);
  const { servers, usage, samplesOfFiles } = await readServerData(loaded.inventoryFile, source, settings);
  // Clock normalisation sizes vCPU in the proposal's host GHz (method §3.4); so does CPU MHz of a
  // server whose own clock is unknown (method §3.7).
  const targetGhz = loaded.proposal.hosts.model.cpuGhz;
  const vms = servers.map((server): CurrentVm => {
    const { vm, excluded } = sizeServer(server, usage.get(server.name) ?? null, settings, targetGhz);
    return {
      name: vm.name,
      vcpu: vm.vcpu,
      memoryGb: vm.memoryGb,
      diskGb: vm.diskGb,
      networkMBps: vm.networkMBps,
      nics: vm.nics,
      osBits: vm.osBits,
      haPriority: vm.haPriority,
      excluded,
      reasons: vm.reasons,
    };
  });
  return { vms, servers, newerSamples: samplesOfFiles ? samplesOfFiles(extraMonitoringFiles) : null };
}
