// Builders with defaults for the check's domain objects.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseProposal, type LoadedProposal } from '../../src/check/load-proposal.ts';
import type { CurrentVm } from '../../src/check/vm-checks.ts';
import { repoRoot } from '../helpers/env.ts';

export const fixtureDir = path.join(repoRoot, 'test/check/fixtures');
export const exampleProposalFile = path.join(fixtureDir, 'aseguradora/proposal.yaml');

/** The worked example's proposal (method §2.3–§2.4), optionally edited as text. */
export function exampleProposal(edit: (text: string) => string = (t) => t): LoadedProposal {
  return parseProposal(edit(readFileSync(exampleProposalFile, 'utf8')), 'proposal.yaml');
}

export function currentVm(name: string, over: Partial<CurrentVm> = {}): CurrentVm {
  return {
    name,
    vcpu: 1,
    memoryGb: 1,
    diskGb: 10,
    networkMBps: 0,
    nics: 1,
    osBits: 64,
    haPriority: 'medium',
    excluded: false,
    reasons: [],
    ...over,
  };
}

/** The VMs as the worked example's data sizes them today: equal to the proposal's baseline. */
export function currentFromBaseline(p: LoadedProposal, over: Record<string, Partial<CurrentVm>> = {}): CurrentVm[] {
  return p.proposal.vms.map((v) =>
    currentVm(v.name, {
      vcpu: v.vcpu,
      memoryGb: v.memoryGb,
      diskGb: v.diskGb,
      networkMBps: v.networkMBps ?? 0,
      ...over[v.name],
    }),
  );
}
