// checkProposal: a loaded proposal + the current data → CheckReport. Reads the inputs
// (ingest), sizes them (sizing), then evaluates (pure). Exit-code policy stays in the CLI.
import { currentVms } from './current-vms.ts';
import { evaluateProposal } from './evaluate.ts';
import type { LoadedProposal } from './load-proposal.ts';
import type { CheckReport } from './report-model.ts';

export interface CheckOptions {
  /** Newer monitoring CSV files, read in addition to the proposal's own. */
  monitoringFiles?: string[];
}

export async function checkProposal(loaded: LoadedProposal, opts: CheckOptions = {}): Promise<CheckReport> {
  const current = await currentVms(loaded, opts.monitoringFiles ?? []);
  return evaluateProposal({ file: loaded.file, proposal: loaded.proposal, hostNames: loaded.hostNames, current });
}
