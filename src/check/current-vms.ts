// The VMs as the current data sizes them: the proposal's inventory and monitoring (plus any
// newer monitoring files, pooled with them per server) through the same sizing as
// `capplan plan`, with the settings the proposal records.
import { readInventoryCsv, readMonitoring } from '../ingest/index.ts';
import { sizeServer } from '../sizing/index.ts';
import type { LoadedProposal } from './load-proposal.ts';
import { proposalSettings } from './proposal-schema.ts';
import type { CurrentVm } from './vm-checks.ts';

export async function currentVms(loaded: LoadedProposal, extraMonitoringFiles: string[]): Promise<CurrentVm[]> {
  const settings = proposalSettings(loaded.proposal);
  const servers = await readInventoryCsv(loaded.inventoryFile);
  // Percentiles the statistics ask for (p90 …); the reader adds p50, p95, p99 itself.
  const percentiles = Object.values(settings.sizing.statistic).filter((s) => s.startsWith('p')).map((s) => Number(s.slice(1)));
  const monitoring = await readMonitoring([...loaded.monitoringFiles, ...extraMonitoringFiles], { percentiles });
  const usage = new Map(monitoring.servers.map((u) => [u.server, u]));
  // Clock normalisation sizes vCPU in the proposal's host GHz (spec §4).
  const targetGhz = settings.sizing.cpuNormalisation === 'clock' ? loaded.proposal.hosts.model.cpuGhz : undefined;
  return servers.map((server) => {
    const { vm, excluded } = sizeServer(server, usage.get(server.name) ?? null, settings, targetGhz);
    return {
      name: vm.name, vcpu: vm.vcpu, memoryGb: vm.memoryGb, diskGb: vm.diskGb, networkMBps: vm.networkMBps, nics: vm.nics,
      osBits: vm.osBits, haPriority: vm.haPriority, excluded, reasons: vm.reasons,
    };
  });
}
