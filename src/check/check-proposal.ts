// checkProposal: a loaded proposal + the current data → CheckReport. Reads the inputs
// (ingest), sizes them (sizing), then evaluates (pure). Exit-code policy stays in the CLI.
import { currentVms } from './current-vms.ts';
import { evaluateProposal } from './evaluate.ts';
import type { LoadedProposal } from './load-proposal.ts';
import type { CheckReport } from './report-model.ts';
import { replayCheck } from './check-replay.ts';

export interface CheckOptions {
  /** Newer monitoring CSV files, read in addition to the proposal's own. */
  monitoringFiles?: string[];
}

export async function checkProposal(loaded: LoadedProposal, opts: CheckOptions = {}): Promise<CheckReport> {
  const newer = opts.monitoringFiles ?? [];
  const data = await currentVms(loaded, newer);
  const { proposal } = loaded;
  const report = evaluateProposal({ file: loaded.file, proposal, hostNames: loaded.hostNames, current: data.vms });
  // The newer window replayed on the proposal (method §14.3); a store's statistics carry no samples.
  if (newer.length === 0 || !data.newerSamples) return report;
  const { window, violations } = replayCheck(proposal, report, data.servers, data.newerSamples);
  const all = [...report.violations, ...violations];
  return { ...report, holds: report.holds && violations.length === 0, violations: all, replay: window };
}
