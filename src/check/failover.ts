// N+k for a proposal (method §6.4: if a host fails the others must run every VM; HA VMs
// restart in priority order high, medium, low). Whether a proposal holds is the placement
// verifier's verdict (placement/verify.ts, the one `plan` and `place` trust); its violations
// are worded here for the check's reports. The scenarios the check shows — restarts and the
// headroom of each survivor — come from the placement engine's own simulation
// (placement/failover.ts), so `check` and `plan` agree on what survives.
import { InternalError } from '../domain/errors.ts';
import { textStep } from '../domain/text-step.ts';
import type { Note } from '../placement/note.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { HaPriority } from '../domain/server.ts';
import { failureNote, failureSets, runScenario, type SimHost, type SimVm as EngineVm } from '../placement/failover.ts';
import type { Placement } from '../placement/verify.ts';
import type { Violation as PlacementViolation } from '../placement/types.ts';
import { normSize } from '../placement/vector.ts';
import { round2 } from '../util/round.ts';
import { headroom, resourceLabel, sumFigures, unitOf, type Capacity } from './capacity.ts';
import type { CheckResource, ScenarioCheck, VmFigures, Violation } from './report-model.ts';

export interface SimVm extends VmFigures {
  name: string;
  haPriority: HaPriority;
}

export interface ClusterState {
  /** Host name → VMs it runs in normal operation (order of hosts = proposal order). */
  hosts: { name: string; vms: SimVm[] }[];
  capacity: Capacity;
  /** Failover ceilings, % per resource. */
  ceilings: Capacity;
  k: number;
}

/** The proposal's cluster as a placement problem and its placement, for the verifier. */
export function placementOf(
  state: ClusterState,
  normalCeilings: Capacity,
  model: string,
  unplaced: string[],
): { problem: PlacementProblem; placement: Placement } {
  const resources = Object.keys(state.capacity) as CheckResource[];
  const record = (c: Capacity) => Object.fromEntries(resources.map((r) => [r, c[r] ?? 100]));
  const vms = state.hosts.flatMap((h) => h.vms);
  const problem: PlacementProblem = {
    resources,
    hostModels: [{ name: model, capacity: record(state.capacity), cost: 0 }],
    vms: [
      ...vms.map((v) => ({
        name: v.name,
        demand: Object.fromEntries(resources.map((r) => [r, v[r]])),
        haPriority: v.haPriority,
      })),
      ...unplaced.map((name) => ({ name, demand: {} })),
    ],
    redundancy: state.k,
    ceilingPct: record(normalCeilings),
    failoverCeilingPct: record(state.ceilings),
    objective: 'balance',
    timeLimitSeconds: 1,
  };
  const placement: Placement = {
    hosts: state.hosts.map((h) => ({ name: h.name, model, vms: h.vms.map((v) => v.name) })),
    unplaced: unplaced.map((vm) => ({ vm, reasons: [] })),
  };
  return { problem, placement };
}

/** A verifier finding, worded for the check: numbers rounded, units named. */
export function checkViolation(v: PlacementViolation, state: ClusterState): Violation {
  const resource = v.resource ?? 'placement';
  const amounts = {
    required: v.required === undefined ? null : round2(v.required),
    available: v.available === undefined ? null : round2(v.available),
    shortfall: v.shortfall === undefined ? null : round2(v.shortfall),
  };
  const u = unitOf(resource);
  if (v.rule === 'capacity' && v.host) {
    const { required, available, shortfall } = amounts;
    const { text: message, step } = textStep(
      'host-capacity',
      {
        host: v.host,
        resource,
        unit: u,
        required,
        available,
        shortfall,
        capacity: round2(v.capacity ?? 0),
        ceilingPct: v.ceilingPct ?? null,
      },
      (p) =>
        `${p.host} carries ${p.required} ${p.unit} of ${resourceLabel(p.resource)}, above its ${p.available} ` +
        `${p.unit} (${p.capacity} × ${v.ceilingPct} % ceiling): short by ${p.shortfall} ${p.unit}`,
    );
    return { kind: 'host-capacity', host: v.host, resource, ...amounts, message, step };
  }
  if (v.rule === 'failover' && !v.failedHosts) {
    const { text: message, step } = textStep(
      'too-few-hosts',
      { k: state.k, needed: state.k + 1, hosts: state.hosts.length },
      (p) => `N+${p.k} needs at least ${p.needed} hosts; the proposal has ${p.hosts}`,
    );
    return { kind: 'failover', resource, ...amounts, message, step };
  }
  if (v.rule === 'failover' && v.failedHosts) {
    const scenario = scenarioId(v.failedHosts);
    const stranded = (v.stranded ?? []).join(', ');
    const { text: message, step } =
      v.resource === undefined
        ? textStep(
            'stranded',
            { scenario, stranded },
            (p) => `if ${p.scenario}, ${p.stranded} cannot restart on any survivor`,
          )
        : textStep(
            'survivor-short',
            { scenario, host: v.host ?? '', resource, unit: u, ...amounts, stranded },
            (p) =>
              `if ${p.scenario}, ${p.host} must carry ${p.required} ${p.unit} of ${resourceLabel(p.resource)} ` +
              `but has ${p.available} ${p.unit}: short by ${p.shortfall} ${p.unit}; cannot restart ${p.stranded}`,
          );
    return { kind: 'failover', ...(v.host ? { host: v.host } : {}), scenario, resource, ...amounts, message, step };
  }
  // The check builds the placement itself: any other broken rule is a bug in the check.
  throw new InternalError(`check: the verifier reports ${v.rule}: ${v.message}`);
}

const scenarioId = (failed: readonly string[]) => `${failed.join('+')} ${failed.length === 1 ? 'fails' : 'fail'}`;

/** Every failure scenario with its restarts and the headroom of each survivor afterwards. */
export function simulateScenarios(state: ClusterState): { scenarios: ScenarioCheck[]; notes: Note[] } {
  if (state.k === 0 || state.hosts.length <= state.k) return { scenarios: [], notes: [] };
  const view = engineView(state);
  const scenarios = failureSets(view.hosts, state.k, view.refCap).sets.map((set) => scenario(state, view, set));
  const note = failureNote(state.hosts.length, state.k);
  return { scenarios, notes: note ? [note] : [] };
}

interface EngineView {
  resources: CheckResource[];
  hosts: SimHost[];
  vms: EngineVm[];
  /** Engine VM index → check VM. */
  byIndex: SimVm[];
  refCap: number[];
}

function engineView(state: ClusterState): EngineView {
  const resources = Object.keys(state.capacity) as CheckResource[];
  const cap = resources.map((r) => state.capacity[r] ?? 0);
  const failCap = resources.map((r, i) => (cap[i]! * (state.ceilings[r] ?? 100)) / 100);
  const byIndex = state.hosts.flatMap((h) => h.vms);
  const vms = byIndex.map((v) => {
    const demand = resources.map((r) => v[r]);
    return { name: v.name, demand, priority: v.haPriority, size: normSize(demand, cap) };
  });
  let next = 0;
  const hosts = state.hosts.map((h) => {
    const ids = h.vms.map(() => next++);
    const load = resources.map((r) => sumFigures(h.vms)[r]);
    return { name: h.name, capacity: cap, failCap, load, vms: ids };
  });
  return { resources, hosts, vms, byIndex, refCap: cap };
}

function scenario(state: ClusterState, view: EngineView, set: number[]): ScenarioCheck {
  const failed = set.map((i) => state.hosts[i]!.name);
  const out = runScenario(view.hosts, view.vms, set, view.refCap);
  const survivors = state.hosts.map((h, i) => ({ i, name: h.name, vms: [...h.vms] })).filter((h) => !set.includes(h.i));
  for (const r of out.restarts) if (r.to !== null) survivors.find((s) => s.i === r.to)!.vms.push(view.byIndex[r.vm]!);
  const restarts = out.restarts.map((r) => ({
    vm: view.byIndex[r.vm]!.name,
    from: state.hosts[r.from]!.name,
    to: r.to === null ? null : state.hosts[r.to]!.name,
    haPriority: view.byIndex[r.vm]!.haPriority,
  }));
  const hosts = survivors.map((h) => ({
    name: h.name,
    vms: h.vms.map((v) => v.name),
    resources: headroom(sumFigures(h.vms), state.capacity, state.ceilings),
  }));
  return { id: scenarioId(failed), failedHosts: failed, satisfied: out.satisfied, hosts, restarts };
}
