// proposalFromPlan: the plan `capplan plan` made, written down as a proposal.yaml that
// `capplan check` can verify later (`capplan plan --emit-proposal`). It records the hosts,
// the placement, the settings the VMs were sized with and each VM's figures as the
// baseline for drift. Deterministic: VMs by name, settings in schema order.
import { InputError } from '../domain/errors.ts';
import path from 'node:path';
import { Document, YAMLMap } from 'yaml';
import type { Plan, PlanVm } from '../domain/plan.ts';
import { PROPOSAL_FORMAT_VERSION, type ProposalInput } from '../domain/proposal.ts';
import { round2 } from '../util/round.ts';

export interface ProposalFromPlanOptions {
  /** Folder of the capplan.yaml the plan was made from (its input paths are relative to it). */
  projectDir: string;
  /** Folder the proposal will be written to; input paths are rewritten relative to it. */
  proposalDir: string;
}

export function proposalFromPlan(plan: Plan, opts: ProposalFromPlanOptions): string {
  const rebase = (p: string) => toPosix(path.relative(opts.proposalDir, path.resolve(opts.projectDir, p)) || '.');
  const { inputs } = plan.settings;
  const m = plan.hostModel;
  // cpuShapes and memorySizesGb only steer host derivation; a proposal's hosts are fixed.
  const { cpuShapes: _shapes, memorySizesGb: _sizes, ...cluster } = plan.settings.cluster;
  const proposal: ProposalInput = {
    formatVersion: PROPOSAL_FORMAT_VERSION,
    project: plan.project,
    title: plan.title,
    // The check reports in the plan's language; English, the default, is not written.
    ...(plan.settings.report?.language && plan.settings.report.language !== 'en'
      ? { language: plan.settings.report.language }
      : {}),
    inputs: {
      ...proposalInputs(inputs, rebase),
      // How the files are written travels with them: `check` must read them as `plan` did.
      ...(inputs.timezone ? { timezone: inputs.timezone } : {}),
      ...(inputs.csv ? { csv: inputs.csv } : {}),
      ...(inputs.columns ? { columns: inputs.columns } : {}),
    },
    hosts: {
      model: {
        name: m.name,
        sockets: m.sockets,
        coresPerSocket: m.coresPerSocket,
        threadsPerCore: m.threadsPerCore,
        cpuGhz: m.cpuGhz,
        ...(m.cpuModel ? { cpuModel: m.cpuModel } : {}),
        ...(m.cpuFamily ? { cpuFamily: m.cpuFamily } : {}),
        memoryGb: m.memoryGb,
        nics: m.nics,
        nicGbps: m.nicGbps,
        localDiskMb: m.localDiskMb,
        price: m.price,
        watts: m.watts,
      },
      names: plan.hosts.map((h) => h.name),
    },
    vms: [...plan.vms].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(proposalVm),
    sizing: plan.settings.sizing,
    hypervisor: plan.settings.hypervisor,
    cluster,
    partitions: plan.settings.partitions,
  };
  const doc = new Document(proposal);
  doc.commentBefore =
    ` capplan proposal for ${plan.project}, written by \`capplan plan --emit-proposal\`.\n` +
    ' `capplan check <this file>` verifies it against the current data (docs/check.md).';
  const vms = doc.get('vms');
  if (vms && typeof vms === 'object' && 'items' in vms)
    for (const item of (vms as { items: unknown[] }).items) if (item instanceof YAMLMap) item.flow = true;
  return doc.toString({ lineWidth: 0 });
}

function proposalVm(vm: PlanVm): ProposalInput['vms'] extends (infer T)[] | undefined ? T : never {
  const where =
    vm.status === 'placed' && vm.host
      ? { host: vm.host }
      : vm.status === 'excluded'
        ? { excluded: vm.reasons[0]?.code ?? 'unknown-error' }
        : {};
  return {
    name: vm.name,
    ...where,
    vcpu: vm.vcpu,
    memoryGb: vm.memoryGb,
    diskGb: vm.diskGb,
    networkMBps: round2(vm.networkMBps),
  };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The monitoring input as seen from the proposal's folder: files and DuckDB globs rebased, a URL as it is. */
function rebaseMonitoring(
  monitoring: NonNullable<Plan['settings']['inputs']['monitoring']>,
  rebase: (p: string) => string,
): ProposalInput['inputs']['monitoring'] {
  if (typeof monitoring === 'string') return rebase(monitoring);
  if (Array.isArray(monitoring)) return monitoring.map(rebase);
  if ('duckdb' in monitoring) {
    const { files } = monitoring.duckdb;
    return { duckdb: { ...monitoring.duckdb, files: typeof files === 'string' ? rebase(files) : files.map(rebase) } };
  }
  return monitoring;
}

/** A proposal is checked against fresh monitoring of the same inventory: it needs both. */
function proposalInputs(inputs: Plan['settings']['inputs'], rebase: (p: string) => string): ProposalInput['inputs'] {
  const { inventory, monitoring } = inputs;
  if (!inventory || !monitoring)
    throw new InputError('a proposal for `capplan check` needs a plan made from an inventory and monitoring', {
      file: 'capplan.yaml',
    });
  return { inventory: rebase(inventory), monitoring: rebaseMonitoring(monitoring, rebase) };
}
