// N+k by simulation (seed §2.7: "if one node fails the others must run every VM"; spec §3:
// HA VMs restart in priority order high, medium, low). The scenarios and restarts are the
// placement engine's own (placement/failover.ts: failureSets, runScenario), so `check`
// and `plan` agree on what survives. This file adds what a check reports: headroom of each
// survivor, and for a VM left without a host, the survivor it came closest to, the
// resource and the shortfall.
import type { HaPriority } from '../domain/types.ts';
import { failureNote, failureSets, runScenario, type SimHost, type SimVm as EngineVm } from '../placement/failover.ts';
import { normSize } from '../placement/vector.ts';
import { freeFraction, headroom, resourceLabel, sumFigures, unitOf, type Capacity } from './capacity.ts';
import { round2, type CheckResource, type ScenarioCheck, type VmFigures, type Violation } from './report-model.ts';

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

export function simulateScenarios(state: ClusterState): {
  scenarios: ScenarioCheck[];
  violations: Violation[];
  notes: string[];
} {
  const scenarios: ScenarioCheck[] = [];
  const violations: Violation[] = [];
  if (state.k === 0) return { scenarios, violations, notes: [] };
  if (state.hosts.length <= state.k) {
    const n = state.hosts.length;
    violations.push({
      kind: 'failover',
      resource: 'hosts',
      required: state.k + 1,
      available: n,
      shortfall: state.k + 1 - n,
      message: `N+${state.k} needs at least ${state.k + 1} hosts; the proposal has ${n}`,
    });
    return { scenarios, violations, notes: [] };
  }
  const view = engineView(state);
  for (const set of failureSets(view.hosts, state.k, view.refCap).sets) {
    const one = scenario(state, view, set);
    scenarios.push(one.scenario);
    violations.push(...one.violations);
  }
  const note = failureNote(state.hosts.length, state.k);
  return { scenarios, violations, notes: note ? [note] : [] };
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

function scenario(
  state: ClusterState,
  view: EngineView,
  set: number[],
): { scenario: ScenarioCheck; violations: Violation[] } {
  const failed = set.map((i) => state.hosts[i]!.name);
  const id = `${failed.join('+')} ${failed.length === 1 ? 'fails' : 'fail'}`;
  const out = runScenario(view.hosts, view.vms, set, view.refCap);
  const survivors = state.hosts.map((h, i) => ({ i, name: h.name, vms: [...h.vms] })).filter((h) => !set.includes(h.i));
  for (const r of out.restarts) if (r.to !== null) survivors.find((s) => s.i === r.to)!.vms.push(view.byIndex[r.vm]!);
  const restarts = out.restarts.map((r) => ({
    vm: view.byIndex[r.vm]!.name,
    from: state.hosts[r.from]!.name,
    to: r.to === null ? null : state.hosts[r.to]!.name,
    haPriority: view.byIndex[r.vm]!.haPriority,
  }));
  // Each VM left without a host is charged to the survivor with the most room left.
  const freest = [...survivors].sort(
    (a, b) =>
      freeFraction(sumFigures(b.vms), state.capacity, state.ceilings) -
      freeFraction(sumFigures(a.vms), state.capacity, state.ceilings),
  )[0]!;
  const stranded = out.stranded.map((i) => view.byIndex[i]!);
  const violations = stranded.length ? shortfalls(id, freest.name, [...freest.vms, ...stranded], stranded, state) : [];
  const hosts = survivors.map((h) => ({
    name: h.name,
    vms: h.vms.map((v) => v.name),
    resources: headroom(sumFigures(h.vms), state.capacity, state.ceilings),
  }));
  return { scenario: { id, failedHosts: failed, satisfied: out.satisfied, hosts, restarts }, violations };
}

/** One violation per resource the survivor would need beyond its failover capacity. */
function shortfalls(scenario: string, host: string, all: SimVm[], stranded: SimVm[], state: ClusterState): Violation[] {
  const need = sumFigures(all);
  const out: Violation[] = [];
  for (const resource of Object.keys(state.capacity) as CheckResource[]) {
    const available = ((state.capacity[resource] ?? 0) * (state.ceilings[resource] ?? 100)) / 100;
    if (need[resource] <= available + 1e-9) continue;
    const u = unitOf(resource);
    const required = round2(need[resource]);
    const shortfall = round2(need[resource] - available);
    out.push({
      kind: 'failover',
      host,
      scenario,
      resource,
      required,
      available: round2(available),
      shortfall,
      message:
        `if ${scenario}, ${host} must carry ${required} ${u} of ${resourceLabel(resource)} ` +
        `but has ${round2(available)} ${u}: short by ${shortfall} ${u}; cannot restart ${stranded.map((v) => v.name).join(', ')}`,
    });
  }
  return out;
}
