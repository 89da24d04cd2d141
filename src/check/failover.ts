// N+k by simulation (seed §2.7: "if one node fails the others must run every VM"; spec §3:
// HA VMs restart in priority order high, medium, low). For every set of k failed hosts, the
// failed hosts' VMs restart one by one on the survivor with the most room left, within the
// survivors' capacity × failover ceiling. A VM that fits nowhere makes the scenario fail;
// the violation names the survivor it came closest to, the resource and the shortfall.
import { HA_PRIORITIES, type HaPriority } from '../domain/types.ts';
import { fits, freeFraction, headroom, resourceLabel, sumFigures, unitOf, type Capacity } from './capacity.ts';
import { round2, type CheckResource, type ScenarioCheck, type VmFigures, type Violation } from './report-model.ts';

export interface SimVm extends VmFigures {
  name: string;
  haPriority: HaPriority;
}

export interface ClusterState {
  /** Host name → VMs it runs in normal operation (order of hosts = proposal order). */
  hosts: { name: string; vms: SimVm[] }[];
  capacity: Capacity;
  ceilings: Capacity;
  k: number;
}

export function simulateScenarios(state: ClusterState): { scenarios: ScenarioCheck[]; violations: Violation[] } {
  const scenarios: ScenarioCheck[] = [];
  const violations: Violation[] = [];
  if (state.k === 0) return { scenarios, violations };
  const names = state.hosts.map((h) => h.name);
  if (names.length <= state.k) {
    violations.push({
      kind: 'failover', resource: 'hosts', required: state.k + 1, available: names.length, shortfall: state.k + 1 - names.length,
      message: `N+${state.k} needs at least ${state.k + 1} hosts; the proposal has ${names.length}`,
    });
    return { scenarios, violations };
  }
  for (const failed of combinations(names, state.k)) {
    const result = simulateOne(state, failed);
    scenarios.push(result.scenario);
    violations.push(...result.violations);
  }
  return { scenarios, violations };
}

function simulateOne(state: ClusterState, failed: string[]): { scenario: ScenarioCheck; violations: Violation[] } {
  const id = `${failed.join('+')} ${failed.length === 1 ? 'fails' : 'fail'}`;
  const survivors = state.hosts.filter((h) => !failed.includes(h.name)).map((h) => ({ name: h.name, vms: [...h.vms] }));
  const restarts: ScenarioCheck['restarts'] = [];
  const stranded: { vm: SimVm; nearest: string }[] = [];
  for (const { vm, from } of restartOrder(state, failed)) {
    const loadOf = (h: { vms: SimVm[] }) => sumFigures(h.vms);
    // Worst fit: the survivor with the most room left takes the VM (ties: proposal order).
    const ranked = [...survivors].sort((a, b) => freeFraction(loadOf(b), state.capacity, state.ceilings) - freeFraction(loadOf(a), state.capacity, state.ceilings));
    const target = ranked.find((h) => fits(loadOf(h), vm, state.capacity, state.ceilings));
    if (target) target.vms.push(vm);
    else stranded.push({ vm, nearest: ranked[0]!.name });
    restarts.push({ vm: vm.name, from, to: target?.name ?? null, haPriority: vm.haPriority });
  }
  const hosts = survivors.map((h) => ({ name: h.name, vms: h.vms.map((v) => v.name), resources: headroom(sumFigures(h.vms), state.capacity, state.ceilings) }));
  const violations = survivors.flatMap((h) => {
    const mine = stranded.filter((s) => s.nearest === h.name).map((s) => s.vm);
    return mine.length ? shortfalls(id, h.name, [...h.vms, ...mine], mine, state) : [];
  });
  return { scenario: { id, failedHosts: failed, satisfied: stranded.length === 0, hosts, restarts }, violations };
}

/** VMs of the failed hosts in restart order: HA priority, then larger memory, then name. */
function restartOrder(state: ClusterState, failed: string[]): { vm: SimVm; from: string }[] {
  const rank = (p: HaPriority) => HA_PRIORITIES.indexOf(p);
  return state.hosts
    .filter((h) => failed.includes(h.name))
    .flatMap((h) => h.vms.map((vm) => ({ vm, from: h.name })))
    .sort((a, b) => rank(a.vm.haPriority) - rank(b.vm.haPriority) || b.vm.memoryGb - a.vm.memoryGb || cmp(a.vm.name, b.vm.name));
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
      kind: 'failover', host, scenario, resource, required, available: round2(available), shortfall,
      message:
        `if ${scenario.replace(/ fails?$/, '')} ${scenario.endsWith('fails') ? 'fails' : 'fail'}, ${host} must carry ${required} ${u} of ${resourceLabel(resource)} ` +
        `but has ${round2(available)} ${u}: short by ${shortfall} ${u}; cannot restart ${stranded.map((v) => v.name).join(', ')}`,
    });
  }
  return out;
}

/** Every k-subset of `items`, in lexicographic order of positions. */
export function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), k - 1)) out.push([item, ...rest]);
  });
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
