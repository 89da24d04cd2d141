// checkProposal: a loaded proposal + the current data → CheckReport. Reads the inputs
// (ingest), sizes them (sizing), then evaluates (pure). Exit-code policy stays in the CLI.
import { currentVms } from "./current-vms.js";
import { evaluateProposal } from "./evaluate.js";
export async function checkProposal(loaded, opts = {}) {
    const current = await currentVms(loaded, opts.monitoringFiles ?? []);
    return evaluateProposal({ file: loaded.file, proposal: loaded.proposal, hostNames: loaded.hostNames, current });
}
