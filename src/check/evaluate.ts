// evaluateProposal: a proposal + the VMs as the current data sizes them → CheckReport.
// Pure (no I/O); the one place that decides whether the promise still holds. Findings are
// collected, never thrown ; the report is byte-stable for stable input.
import { hypervisorPartitions } from '../sizing/index.ts';
import { hostMemoryGb } from '../sizing/vm-overhead.ts';
import { proposalSettings, type Proposal } from '../domain/proposal.ts';
import {
  failoverCeilings,
  fits,
  freeFraction,
  headroom,
  modelCapacity,
  normalCeilings,
  resourceLabel,
  sumFigures,
  unitOf,
  type Capacity,
} from './capacity.ts';
import { checkViolation, placementOf, simulateScenarios, type SimVm } from './failover.ts';
import { verifyPlacement } from '../placement/verify.ts';
import { note, notesOf, type Note } from '../placement/note.ts';
import { textStep } from '../domain/text-step.ts';
import type { CheckReport, CheckResource, HostCheck, VmCheck, VmFigures, Violation } from './report-model.ts';
import { round2 } from '../util/round.ts';
import { baselineOf, driftOf, exclusionViolations, figuresOf, vmLimitViolations, type CurrentVm } from './vm-checks.ts';
import { exceeds } from '../util/tolerance.ts';

export interface CheckInput {
  /** The proposal file as given (messages, annotations). */
  file: string;
  proposal: Proposal;
  hostNames: string[];
  /** Every VM the current inventory + monitoring yields, excluded ones included. */
  current: CurrentVm[];
}

export function evaluateProposal(input: CheckInput): CheckReport {
  const { proposal } = input;
  const settings = proposalSettings(proposal);
  const model = proposal.hosts.model;
  // With local storage VM disks share what the hypervisor's partitions leave (method §7).
  const partitions = hypervisorPartitions(model.memoryGb, model.localDiskMb, settings.partitions);
  const capacity = modelCapacity(model, settings, partitions.totalMb);
  const ceilings = normalCeilings(settings);
  const violations: Violation[] = [];
  const notes: Note[] = [];

  const vms = classifyVms(input, violations, notes);
  const byHost = new Map(input.hostNames.map((h) => [h, [] as SimVm[]]));
  const current = new Map(input.current.map((c) => [c.name, c]));
  // On a host a VM takes its guest RAM plus the per-VM overhead (method §5.1), as `plan` places it.
  const onHost = (f: VmFigures): VmFigures => ({ ...f, memoryGb: hostMemoryGb(f, proposal.hypervisor) });
  const simVm = (v: VmCheck): SimVm => ({ name: v.name, haPriority: v.haPriority, ...onHost(v.current!) });
  for (const v of vms) if (v.status === 'placed') byHost.get(v.host!)!.push(simVm(v));

  // VMs without a proposal host: largest memory first onto the host with most room.
  const toPlace = vms
    .filter((v) => v.status === 'added')
    .sort((a, b) => b.current!.memoryGb - a.current!.memoryGb || cmp(a.name, b.name));
  for (const v of toPlace) {
    const hosts = [...byHost.entries()].sort(
      (a, b) => freeFraction(sumFigures(b[1]), capacity, ceilings) - freeFraction(sumFigures(a[1]), capacity, ceilings),
    );
    const target = hosts.find(([, list]) => fits(sumFigures(list), onHost(v.current!), capacity, ceilings));
    if (target) {
      v.host = target[0];
      target[1].push(simVm(v));
      notes.push(
        note(
          'placed-by-check',
          { vm: v.name, inProposal: v.baseline ? 'yes' : 'no', host: target[0] },
          (p) =>
            `${p.vm} ${p.inProposal === 'yes' ? 'has no host in the proposal' : 'is new since the proposal'}: the ` +
            `check placed it on ${p.host}`,
        ),
      );
    } else {
      v.status = 'unplaced';
      const need = onHost(v.current!);
      violations.push(...unplacedViolations(v.name, need, hosts[0]?.[0], hosts[0]?.[1] ?? [], capacity, ceilings));
    }
  }

  for (const [host, list] of byHost) {
    for (const vm of list)
      violations.push(...vmLimitViolations(current.get(vm.name)!, host, proposal.hypervisor, proposal.hosts.model));
  }
  const hosts: HostCheck[] = [...byHost].map(([name, list]) => ({
    name,
    vms: list.map((v) => v.name),
    resources: headroom(sumFigures(list), capacity, ceilings),
  }));
  const cluster = {
    hosts: [...byHost].map(([name, list]) => ({ name, vms: list })),
    capacity,
    ceilings: failoverCeilings(settings),
    k: proposal.cluster.redundancy,
  };
  // Capacity and N+k are the placement verifier's to judge, the same one `plan` and `place` use.
  const unplaced = vms.filter((v) => v.status === 'unplaced').map((v) => v.name);
  const { problem, placement } = placementOf(cluster, ceilings, model.name, unplaced);
  for (const v of verifyPlacement(problem, placement)) violations.push(checkViolation(v, cluster));
  const failover = simulateScenarios(cluster);
  notes.push(...failover.notes);

  return {
    file: input.file,
    project: proposal.project,
    holds: violations.length === 0,
    policy: `N+${proposal.cluster.redundancy}`,
    hosts,
    scenarios: failover.scenarios,
    vms,
    violations,
    ...notesOf(notes),
    ...(proposal.language ? { language: proposal.language } : {}),
  };
}

/** Proposal VMs ∪ current VMs, by name: status, host, baseline, current figures, drift. */
function classifyVms(input: CheckInput, violations: Violation[], notes: Note[]): VmCheck[] {
  const proposed = new Map(input.proposal.vms.map((v) => [v.name, v]));
  const current = new Map(input.current.map((c) => [c.name, c]));
  const names = [...new Set([...proposed.keys(), ...current.keys()])].sort(cmp);
  return names.map((name) => {
    const p = proposed.get(name);
    const c = current.get(name);
    const baseline = p ? baselineOf(p) : null;
    const figures = c ? figuresOf(c) : null;
    const drift = baseline && figures ? driftOf(baseline, figures, p?.networkMBps !== undefined) : [];
    const base = {
      name,
      baseline,
      current: figures,
      drift,
      haPriority: c?.haPriority ?? 'medium',
      reasons: c?.excluded ? c.reasons : [],
    } as const;
    if (!c) {
      notes.push(note('gone', { vm: name }, (q) => `${q.vm} is in the proposal but no longer in the inventory`));
      return { ...base, host: p?.host ?? null, status: 'gone' };
    }
    if (c.excluded) {
      if (p?.host) violations.push(...exclusionViolations(c, p.host));
      return { ...base, host: null, status: 'excluded' };
    }
    if (p?.excluded !== undefined) {
      notes.push(
        note(
          'now-candidate',
          { vm: name, excluded: p.excluded },
          (q) => `${q.vm} was left out of the proposal (${q.excluded}) but the current data makes it a candidate`,
        ),
      );
      return { ...base, host: null, status: 'excluded' };
    }
    if (p?.host) return { ...base, host: p.host, status: 'placed' };
    return { ...base, host: null, status: 'added' };
  });
}

function unplacedViolations(
  vm: string,
  need: VmFigures,
  host: string | undefined,
  list: SimVm[],
  capacity: Capacity,
  ceilings: Capacity,
): Violation[] {
  const load = sumFigures(list);
  const out: Violation[] = [];
  for (const r of Object.keys(capacity) as CheckResource[]) {
    const available = ((capacity[r] ?? 0) * (ceilings[r] ?? 100)) / 100;
    const required = load[r] + need[r];
    if (!exceeds(required, available)) continue;
    out.push({
      kind: 'unplaced',
      vm,
      ...(host ? { host } : {}),
      resource: r,
      required: round2(required),
      available: round2(available),
      shortfall: round2(required - available),
      ...said(
        textStep(
          'unplaced',
          {
            vm,
            host: host ?? null,
            resource: r,
            unit: unitOf(r),
            required: round2(required),
            available: round2(available),
          },
          (p) =>
            `${p.vm} fits on no host: even ${p.host ?? 'the freest host'} would ` +
            `carry ${p.required} ${p.unit} of ${resourceLabel(p.resource)} against ${p.available} ${p.unit}`,
        ),
      ),
    });
  }
  return out;
}

const said = (s: { text: string; step: Violation['step'] }) => ({ message: s.text, step: s.step });

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
