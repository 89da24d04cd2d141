// The problem as the packers see it: vectors instead of records, affinity groups merged
// into single items, VMs in one canonical order (so shuffling the input changes nothing),
// per-model capacities under the normal and the failover ceilings.
import type { HostModelCapacity, PlacementProblem } from '../domain/problem.ts';
import type { UnplacedVm } from './types.ts';
import type { SimVm } from './failover.ts';
import { TOLERANCE } from '../util/tolerance.ts';
import { addInto, fmt, normSize, pctFor, referenceCapacity, zeros } from './vector.ts';

export interface ModelSpec {
  name: string;
  /** Raw capacity per resource. */
  capacity: number[];
  /** capacity × ceilingPct: the most a host may carry in normal operation. */
  cap: number[];
  /** capacity × failoverCeilingPct: the most a survivor may carry after failures. */
  failCap: number[];
  cost: number;
  maxCount: number;
  family: string;
}

/** VMs that must share a host (one affinity group), placed as one. */
interface Item {
  vms: number[];
  demand: number[];
  size: number;
  anti: string[];
  /** Host index (host1 → 0) when pinned. */
  pin: number | null;
  name: string;
}

export interface Instance {
  problem: PlacementProblem;
  resources: string[];
  refCap: number[];
  vms: SimVm[];
  /** Placeable items, largest first (size desc, then name). */
  items: Item[];
  models: ModelSpec[];
  k: number;
  /** VMs no host model can take, with reasons. */
  unplaced: UnplacedVm[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The anti-affinity groups of every item that has none: one frozen array, shared. */
const NO_GROUPS = Object.freeze([]) as unknown as string[];

function modelSpec(problem: PlacementProblem, m: HostModelCapacity): ModelSpec {
  const capacity = problem.resources.map((r) => m.capacity[r] ?? 0);
  const scale = (pct: number | Record<string, number> | undefined) =>
    capacity.map((c, i) => (c * pctFor(pct, problem.resources[i]!, 100)) / 100);
  return {
    name: m.name,
    capacity,
    cap: scale(problem.ceilingPct),
    failCap: scale(problem.failoverCeilingPct),
    cost: m.cost,
    maxCount: m.maxCount ?? Infinity,
    family: m.family ?? m.name,
  };
}

/** Affinity: union-find over shared group names; returns clusters of VM indices. */
function affinityClusters(problem: PlacementProblem): number[][] {
  // No groups (the usual estate): every VM alone, in order, as the union-find below would give.
  if (!problem.vms.some((v) => v.affinity?.length)) return problem.vms.map((_, i) => [i]);
  const parent = problem.vms.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] === i) return i;
    parent[i] = find(parent[i]!);
    return parent[i]!;
  };
  const firstOfGroup = new Map<string, number>();
  problem.vms.forEach((v, i) => {
    for (const g of v.affinity ?? []) {
      const j = firstOfGroup.get(g);
      if (j === undefined) firstOfGroup.set(g, i);
      else parent[find(i)] = find(j);
    }
  });
  const clusters = new Map<number, number[]>();
  problem.vms.forEach((_, i) => {
    const root = find(i);
    const members = clusters.get(root);
    if (members) members.push(i);
    else clusters.set(root, [i]);
  });
  return [...clusters.values()];
}

function parsePin(pin: string | undefined): number | null | 'bad' {
  if (pin === undefined) return null;
  const m = /^host([1-9][0-9]*)$/.exec(pin);
  return m ? Number(m[1]) - 1 : 'bad';
}

function buildItem(problem: PlacementProblem, vms: SimVm[], members: number[], refCap: number[]): Item | string {
  const one = members.length === 1 ? problem.vms[members[0]!]! : null;
  // A VM of its own with no group and no pin (nearly every VM): nothing to merge, and its
  // vectors are the VM's own (no packer writes to an item's demand or groups; a million VMs
  // allocate a million arrays fewer).
  if (one && !one.antiAffinity?.length && one.pin === undefined) {
    const vm = vms[members[0]!]!;
    return { vms: members, demand: vm.demand, size: vm.size, anti: NO_GROUPS, pin: null, name: one.name };
  }
  members.sort((a, b) => byName(vms[a]!.name, vms[b]!.name));
  const demand = zeros(problem.resources.length);
  const anti = new Set<string>();
  const pins = new Set<number>();
  for (const i of members) {
    addInto(demand, vms[i]!.demand);
    const v = problem.vms[i]!;
    for (const g of v.antiAffinity ?? []) {
      if (anti.has(g))
        return `affinity and anti-affinity group "${g}" conflict within ${members.map((j) => vms[j]!.name).join(', ')}`;
      anti.add(g);
    }
    const pin = parsePin(v.pin);
    if (pin === 'bad') return `pinned to "${v.pin}", which is not a host name (host1, host2, …)`;
    if (pin !== null) pins.add(pin);
  }
  if (pins.size > 1)
    return `affinity group members are pinned to different hosts (${[...pins].map((p) => `host${p + 1}`).join(', ')})`;
  const pin = pins.size === 1 ? [...pins][0]! : null;
  return {
    vms: members,
    demand,
    size: normSize(demand, refCap),
    anti: [...anti].sort(byName),
    pin,
    name: vms[members[0]!]!.name,
  };
}

export function buildInstance(problem: PlacementProblem): Instance {
  const resources = problem.resources;
  const refCap = referenceCapacity(resources, problem.hostModels);
  // Each VM's demand entries once, by resource index: looking every resource up in a demand
  // record of hundreds of keys (one per slot, method §14.4) costs seconds on 10,000 VMs.
  // A handful of resources (the usual vcpu and memory) are read by name, which is faster than
  // walking the record's keys — and the same, as the problem's rules refuse keys of no resource.
  const index = new Map(resources.map((r, i) => [r, i]));
  const few = resources.length <= 8;
  const vms: SimVm[] = problem.vms.map((v) => {
    const demand = zeros(resources.length);
    const d = v.demand;
    if (few)
      for (let i = 0; i < resources.length; i++) {
        const x = d[resources[i]!];
        // A number only: a resource named like an inherited member (toString) reads nothing.
        if (typeof x === 'number') demand[i] = x;
      }
    else
      for (const r in d) {
        const i = index.get(r);
        if (i !== undefined) demand[i] = d[r]!;
      }
    const vm: SimVm = { name: v.name, demand, priority: v.haPriority ?? 'medium', size: normSize(demand, refCap) };
    if (problem.enforceAntiAffinityOnFailover && v.antiAffinity) vm.anti = v.antiAffinity;
    return vm;
  });
  const models = problem.hostModels.map((m) => modelSpec(problem, m));
  const items: Item[] = [];
  const unplaced: UnplacedVm[] = [];
  for (const members of affinityClusters(problem)) {
    const item = buildItem(problem, vms, members, refCap);
    const reasons = typeof item === 'string' ? [item] : explainItem(item, problem, models, vms);
    if (typeof item !== 'string' && reasons.length === 0) items.push(item);
    else for (const i of members) unplaced.push({ vm: vms[i]!.name, reasons });
  }
  items.sort((a, b) => b.size - a.size || byName(a.name, b.name));
  unplaced.sort((a, b) => byName(a.vm, b.vm));
  return { problem, resources, refCap, vms, items, models, k: problem.redundancy, unplaced };
}

// Why a VM cannot be placed (Karpenter's InstanceTypeFilterError idea): one line per host
// model naming the resource and the numbers that rule it out.

/** Lines explaining why no model takes `demand`; empty when some model does. */
function explainDemand(demand: readonly number[], problem: PlacementProblem, models: readonly ModelSpec[]): string[] {
  const res = problem.resources;
  const k = problem.redundancy;
  const lines: string[] = [];
  for (const m of models) {
    const why: string[] = [];
    for (let r = 0; r < res.length; r++) {
      const d = demand[r]!;
      // A VM that fits in normal operation but not on a survivor cannot be made N+k safe.
      const limit = k > 0 ? Math.min(m.cap[r]!, m.failCap[r]!) : m.cap[r]!;
      // The words only for a VM that does not fit: this runs for every VM.
      if (!(d > limit * (1 + TOLERANCE))) continue;
      const pct = pctFor(problem.ceilingPct, res[r]!, 100);
      const failPct = pctFor(problem.failoverCeilingPct, res[r]!, 100);
      const usedPct =
        k > 0 && m.failCap[r]! < m.cap[r]! ? `${fmt(failPct)} % failover ceiling` : `${fmt(pct)} % ceiling`;
      why.push(`needs ${res[r]} ${fmt(d)}, host allows ${fmt(limit)} (${fmt(m.capacity[r]!)} at ${usedPct})`);
    }
    if (why.length === 0) return [];
    lines.push(`${m.name}: ${why.join('; ')}`);
  }
  if (models.length === 0) lines.push('no host model in the catalog');
  return lines;
}

function explainItem(
  item: Item,
  problem: PlacementProblem,
  models: readonly ModelSpec[],
  vms: readonly SimVm[],
): string[] {
  const lines = explainDemand(item.demand, problem, models);
  if (lines.length > 0 && item.vms.length > 1) {
    lines.unshift(`affinity group of ${item.vms.map((i) => vms[i]!.name).join(', ')} must share one host`);
  }
  return lines;
}
