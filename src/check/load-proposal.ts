// Reading proposal.yaml: validate it (errors name file, line and field path: exit 2), resolve
// its input paths relative to it, and remember the line of every host and VM entry so that
// CI annotations point at the right place.
import path from 'node:path';
import { lineOf, parseStructured, type ParsedFile } from '../domain/load-file.ts';
import { monitoringInput, type MonitoringInput } from '../domain/project.ts';
import { proposalHostNames, proposalSchema, readProposal, type Proposal } from '../domain/proposal.ts';

/** 1-based lines of the entries of proposal.yaml that findings point at. */
export interface ProposalLines {
  /** The `hosts:` key (or the host's own entry in hosts.names). */
  hosts: number;
  host: Record<string, number>;
  /** The `vms:` key (new VMs, not in the file, point here), else the `hosts:` key. */
  vms: number;
  vm: Record<string, number>;
}

export interface LoadedProposal {
  /** Path as given (used in messages and annotations). */
  file: string;
  dir: string;
  proposal: Proposal;
  hostNames: string[];
  inventoryFile: string;
  monitoring: MonitoringInput;
  lines: ProposalLines;
}

export async function loadProposal(file: string): Promise<LoadedProposal> {
  return withLines(await readProposal(file), file);
}

/** Pure part of loadProposal: text → validated proposal with lines. */
export function parseProposal(text: string, file: string): LoadedProposal {
  return withLines(parseStructured(text, file, proposalSchema, 'yaml'), file);
}

function withLines(parsed: ParsedFile<Proposal>, file: string): LoadedProposal {
  const proposal = parsed.value;
  const dir = path.dirname(file);
  const monitoring = monitoringInput(proposal.inputs.monitoring, dir);
  const hostNames = proposalHostNames(proposal);
  return {
    file,
    dir,
    proposal,
    hostNames,
    inventoryFile: path.resolve(dir, proposal.inputs.inventory),
    monitoring,
    lines: entryLines(parsed, hostNames),
  };
}

function entryLines(parsed: ParsedFile<Proposal>, hostNames: string[]): ProposalLines {
  const proposal = parsed.value;
  const { doc, lines: lc } = parsed.document();
  const at = (p: PropertyKey[]) => lineOf(doc, p, lc) ?? 1;
  const hosts = at(['hosts']);
  const host: Record<string, number> = {};
  hostNames.forEach((name, i) => {
    host[name] = proposal.hosts.names ? at(['hosts', 'names', i]) : hosts;
  });
  const vm: Record<string, number> = {};
  proposal.vms.forEach((v, i) => {
    vm[v.name] = at(['vms', i]);
  });
  const vms = proposal.vms.length ? at(['vms']) : hosts;
  return { hosts, host, vms, vm };
}
