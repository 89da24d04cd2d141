// The replay of the newer monitoring (`check --monitoring`, method §14.3) on the proposal as the
// check found it: its hosts, the VMs where the check has them, its failure scenarios. A host
// of normal operation over 100 % of a capacity beyond replay.maxOverloadPct is a violation.
import type { Proposal } from '../domain/proposal.ts';
import { proposalSettings } from '../domain/proposal.ts';
import type { ReplayWindow } from '../domain/plan-replay.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import type { InventoryServer } from '../domain/server.ts';
import { type ReplayPlanInput, replayFindings, replayWindow } from '../replay/index.ts';
import type { CheckReport, Violation } from './report-model.ts';

export function replayCheck(
  proposal: Proposal,
  report: CheckReport,
  servers: InventoryServer[],
  samples: MonitoringSamples,
): { window: ReplayWindow; violations: Violation[] } {
  const settings = proposalSettings(proposal);
  const m = proposal.hosts.model;
  const serverOf = new Map(servers.map((s) => [s.vmName, s.name]));
  const input = {
    settings,
    hosts: report.hosts.map((h) => ({
      name: h.name,
      sockets: m.sockets,
      coresPerSocket: m.coresPerSocket,
      cpuGhz: m.cpuGhz,
      memoryGb: m.memoryGb,
      nics: m.nics,
      nicGbps: m.nicGbps,
      vms: h.vms,
    })),
    vms: report.vms
      .filter((v) => v.host !== null && serverOf.has(v.name))
      .map((v) => ({ name: v.name, sourceServer: serverOf.get(v.name)!, host: v.host, status: 'placed' })),
    servers: servers.map(({ source: _source, ...s }) => ({ ...s, usage: null })),
    redundancy: { scenarios: report.scenarios.map((s) => ({ failedHosts: s.failedHosts, restarts: s.restarts })) },
  } as unknown as ReplayPlanInput;
  const window = replayWindow(input, samples, 'backtest');
  const normal = window.scenarios.find((s) => s.name === 'normal');
  const violations: Violation[] = replayFindings(window, settings.replay.maxOverloadPct)
    .filter((f) => f.code === 'replay-overload')
    .map((f) => {
      const host = f.message.slice(0, f.message.indexOf(':'));
      const h = normal?.hosts.find((x) => x.name === host);
      const resource = (['cpu', 'memory', 'network', 'iops'] as const).find((k) =>
        f.message.includes(` measured ${k === 'cpu' ? 'CPU' : k === 'iops' ? 'IOPS' : k} demand`),
      )!;
      const r = h?.[resource];
      return {
        kind: 'replay-overload',
        host,
        resource,
        required: r ? r.peak : null,
        available: r ? r.capacity : null,
        shortfall: r ? Math.round((r.peak - r.capacity) * 100) / 100 : null,
        message: f.message,
        ...(f.params ? { step: { code: f.code, params: f.params } } : {}),
      };
    });
  return { window, violations };
}
