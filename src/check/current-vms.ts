// The VMs as the current data sizes them: the proposal's inventory and monitoring (plus any
// newer monitoring files, pooled with them per server) through the same sizing as
// `capplan plan`, with the settings the proposal records.
import { readServerData } from '../ingest/project-inputs.ts';
import { monitoringSourceFor } from '../ingest/monitoring-source-for.ts';
import { sizeServer } from '../sizing/index.ts';
import type { LoadedProposal } from './load-proposal.ts';
import { proposalSettings } from '../domain/proposal.ts';
import type { CurrentVm } from './vm-checks.ts';

export async function currentVms(loaded: LoadedProposal, extraMonitoringFiles: string[]): Promise<CurrentVm[]> {
  const settings = proposalSettings(loaded.proposal);
  const source = monitoringSourceFor(loaded.monitoring, extraMonitoringFiles, undefined, settings.inputs);
  const { servers, usage } = await readServerData(loaded.inventoryFile, source, settings);
  // Clock normalisation sizes vCPU in the proposal's host GHz (method §3.4).
  const targetGhz = settings.sizing.cpuNormalisation === 'clock' ? loaded.proposal.hosts.model.cpuGhz : undefined;
  return servers.map((server) => {
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
}
