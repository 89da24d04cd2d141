// Reading proposal.yaml: validate it (errors name file, line and field path: exit 2), resolve
// its input paths relative to it, and remember the line of every host and VM entry so that
// CI annotations point at the right place.
import path from 'node:path';
import { lineOf, parseStructured } from "../domain/load-file.js";
import { proposalHostNames, proposalSchema, readProposal } from "../domain/proposal.js";
export async function loadProposal(file) {
    return withLines(await readProposal(file), file);
}
/** Pure part of loadProposal: text → validated proposal with lines. */
export function parseProposal(text, file) {
    return withLines(parseStructured(text, file, proposalSchema, 'yaml'), file);
}
function withLines(parsed, file) {
    const proposal = parsed.value;
    const dir = path.dirname(file);
    const monitoring = Array.isArray(proposal.inputs.monitoring)
        ? proposal.inputs.monitoring
        : [proposal.inputs.monitoring];
    const hostNames = proposalHostNames(proposal);
    return {
        file,
        dir,
        proposal,
        hostNames,
        inventoryFile: path.resolve(dir, proposal.inputs.inventory),
        monitoringFiles: monitoring.map((m) => path.resolve(dir, m)),
        lines: entryLines(parsed, hostNames),
    };
}
function entryLines(parsed, hostNames) {
    const proposal = parsed.value;
    const { doc, lines: lc } = parsed.document();
    const at = (p) => lineOf(doc, p, lc) ?? 1;
    const hosts = at(['hosts']);
    const host = {};
    hostNames.forEach((name, i) => {
        host[name] = proposal.hosts.names ? at(['hosts', 'names', i]) : hosts;
    });
    const vm = {};
    proposal.vms.forEach((v, i) => {
        vm[v.name] = at(['vms', i]);
    });
    const vms = proposal.vms.length ? at(['vms']) : hosts;
    return { hosts, host, vms, vm };
}
