// Large-neighbourhood search for min-cost on mixed catalogs (ruin and recreate, Schrimpf et
// al., J. Comp. Physics 159, 2000; string/host removal as in Christiaens & Vanden Berghe's
// SISR, Transp. Sci. 2020): empty a few hosts and scatter a few VMs of others, reinsert
// them by best fit into open hosts, opening the cheapest closed host per workload share
// when nothing fits; late acceptance on cost (Burke & Bykov, EJOR 258, 2017). Budgets are
// iteration counts (same seed, same plan); the deadline only cuts long runs short.
import type { Instance, ModelSpec } from '../instance.ts';
import { newBin, put, type Bin, type Packing } from './construct.ts';
import { type Rng, randInt } from '../../util/rng.ts';
import { fits } from '../vector.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';

export interface LnsOptions {
  rng: Rng;
  deadline: Deadline;
  /** Ruin-and-recreate iterations at most. */
  iterations: number;
  /** Stop after this many iterations without a new best. */
  stall: number;
  /** Stop at this cost (the lower bound). */
  target: number;
  /** Models a closed host may be bought from (one CPU family, or the whole catalog). */
  models: readonly ModelSpec[];
}

/** One host slot: a model instance, open while it carries items. */
interface Slot {
  index: number;
  model: ModelSpec;
  load: number[];
  items: Set<number>;
  anti: Map<string, number>;
}

interface State {
  inst: Instance;
  slots: Slot[];
  /** Slots per model (created lazily up to maxCount). */
  byModel: Map<ModelSpec, Slot[]>;
  where: Int32Array;
  cost: number;
}

function newSlot(inst: Instance, model: ModelSpec): Slot {
  return {
    index: -1,
    model,
    load: new Array<number>(inst.resources.length).fill(0),
    items: new Set(),
    anti: new Map(),
  };
}

function slotOf(s: State, model: ModelSpec): Slot {
  const slot = newSlot(s.inst, model);
  slot.index = s.slots.length;
  s.slots.push(slot);
  s.byModel.set(model, [...(s.byModel.get(model) ?? []), slot]);
  return slot;
}

function insert(s: State, h: number, item: number): void {
  const slot = s.slots[h]!;
  const it = s.inst.items[item]!;
  if (slot.items.size === 0) s.cost += slot.model.cost;
  for (let r = 0; r < slot.load.length; r++) slot.load[r]! += it.demand[r]!;
  slot.items.add(item);
  for (const g of it.anti) slot.anti.set(g, (slot.anti.get(g) ?? 0) + 1);
  s.where[item] = h;
}

function remove(s: State, item: number): number {
  const h = s.where[item]!;
  const slot = s.slots[h]!;
  const it = s.inst.items[item]!;
  for (let r = 0; r < slot.load.length; r++) slot.load[r]! -= it.demand[r]!;
  slot.items.delete(item);
  for (const g of it.anti) slot.anti.set(g, slot.anti.get(g)! - 1);
  if (slot.items.size === 0) s.cost -= slot.model.cost;
  s.where[item] = -1;
  return h;
}

function canTake(s: State, h: number, item: number): boolean {
  const slot = s.slots[h]!;
  const it = s.inst.items[item]!;
  for (const g of it.anti) if ((slot.anti.get(g) ?? 0) > 0) return false;
  return fits(slot.load, it.demand, slot.model.cap);
}

function fromPacking(inst: Instance, packing: Packing): State {
  const s: State = { inst, slots: [], byModel: new Map(), where: new Int32Array(inst.items.length).fill(-1), cost: 0 };
  packing.bins.forEach((b) => {
    const h = s.slots.length;
    slotOf(s, b.model);
    for (const i of b.items) insert(s, h, i);
  });
  return s;
}

/** Best fit over open slots: the least normalised slack left (Σ_r (cap − load) / cap). */
function bestOpen(s: State, item: number, banned: ReadonlySet<number>): number {
  const d = s.inst.items[item]!.demand;
  let best = -1;
  let bestKey = Infinity;
  for (let h = 0; h < s.slots.length; h++) {
    const slot = s.slots[h]!;
    if (slot.items.size === 0 || banned.has(h) || !canTake(s, h, item)) continue;
    let key = 0;
    for (let r = 0; r < d.length; r++)
      key += slot.model.cap[r]! > 0 ? (slot.model.cap[r]! - slot.load[r]! - d[r]!) / slot.model.cap[r]! : 0;
    if (key < bestKey) [best, bestKey] = [h, key];
  }
  return best;
}

/**
 * A closed host for an item nothing open takes: the model with the lowest price per share
 * of the still-unplaced demand it can absorb, cost / min_r min(1, cap_r / rest_r) (the
 * bottleneck resource, as in mixed.ts), with a little seeded noise for diversity.
 */
function openFor(
  s: State,
  item: number,
  rest: readonly number[],
  banned: ReadonlySet<number>,
  models: readonly ModelSpec[],
  rng: Rng,
): number {
  let best: Slot | null = null;
  let bestKey = Infinity;
  const probe = (slot: Slot, h: number) => {
    if (banned.has(h)) return false;
    const it = s.inst.items[item]!;
    if (!fits(slot.load, it.demand, slot.model.cap)) return false;
    let share = 1;
    for (let r = 0; r < rest.length; r++) if (rest[r]! > 0) share = Math.min(share, slot.model.cap[r]! / rest[r]!);
    const key = (slot.model.cost / Math.max(share, 1e-12)) * (1 + 0.05 * rng());
    if (key < bestKey) [best, bestKey] = [slot, key];
    return true;
  };
  for (const model of models) {
    const slots = s.byModel.get(model) ?? [];
    const free = slots.find((sl) => sl.items.size === 0 && !banned.has(sl.index));
    if (free) probe(free, free.index);
    else if (slots.length < Math.min(model.maxCount, s.inst.items.length)) probe(newSlot(s.inst, model), -1);
  }
  if (!best) return -1;
  const chosen: Slot = best;
  return chosen.index >= 0 ? chosen.index : slotOf(s, chosen.model).index;
}

/** Hosts to ruin: random, or weighted by cost per used capacity (expensive and empty first). */
function pickHosts(s: State, count: number, rng: Rng): number[] {
  const open = s.slots.map((_, h) => h).filter((h) => s.slots[h]!.items.size > 0);
  const waste = (h: number) => {
    const sl = s.slots[h]!;
    let used = 0;
    for (let r = 0; r < sl.load.length; r++) used += sl.model.cap[r]! > 0 ? sl.load[r]! / sl.model.cap[r]! : 0;
    return sl.model.cost / Math.max(used / sl.load.length, 1e-3);
  };
  const byWaste = rng() < 0.5;
  const chosen: number[] = [];
  while (chosen.length < count && open.length > 0) {
    let k = randInt(rng, open.length);
    if (byWaste) {
      // Tournament of three: cheap to compute, biased towards wasteful hosts.
      for (let t = 0; t < 2; t++) {
        const j = randInt(rng, open.length);
        if (waste(open[j]!) > waste(open[k]!)) k = j;
      }
    }
    chosen.push(open[k]!);
    open.splice(k, 1);
  }
  return chosen;
}

/** One ruin-and-recreate step; returns the moves made ([item, from]) or null when it failed. */
function step(s: State, models: readonly ModelSpec[], rng: Rng): [number, number][] | null {
  const journal: [number, number][] = [];
  const hosts = pickHosts(s, 1 + randInt(rng, 3), rng);
  const banned = new Set(hosts);
  const out: number[] = [];
  for (const h of hosts) for (const i of [...s.slots[h]!.items]) if (s.inst.items[i]!.pin === null) out.push(i);
  const extra = randInt(rng, Math.min(12, s.inst.items.length));
  for (let e = 0; e < extra; e++) {
    const i = randInt(rng, s.inst.items.length);
    if (s.where[i]! >= 0 && !banned.has(s.where[i]!) && s.inst.items[i]!.pin === null && !out.includes(i)) out.push(i);
  }
  for (const i of out) journal.push([i, remove(s, i)]);
  // Largest first, with "blinks" (SISR): an occasional neighbour swap in the order.
  out.sort((a, b) => s.inst.items[b]!.size - s.inst.items[a]!.size || a - b);
  for (let i = 0; i + 1 < out.length; i++) if (rng() < 0.1) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  const rest = new Array<number>(s.inst.resources.length).fill(0);
  for (const i of out)
    s.inst.items[i]!.demand.forEach((x, r) => {
      rest[r]! += x;
    });
  for (const i of out) {
    let h = bestOpen(s, i, banned);
    if (h < 0) h = openFor(s, i, rest, banned, models, rng);
    if (h < 0) {
      undo(s, journal);
      return null;
    }
    insert(s, h, i);
    s.inst.items[i]!.demand.forEach((x, r) => {
      rest[r]! -= x;
    });
  }
  return journal;
}

function undo(s: State, journal: readonly [number, number][]): void {
  for (let j = journal.length - 1; j >= 0; j--) {
    const [i, from] = journal[j]!;
    if (s.where[i]! >= 0) remove(s, i);
    insert(s, from, i);
  }
}

function toPacking(s: State, where: Int32Array, failed: number[]): Packing {
  const bins = new Map<number, Bin>();
  where.forEach((h, i) => {
    if (h < 0) return;
    if (!bins.has(h)) bins.set(h, newBin(s.slots[h]!.model, s.inst.resources.length));
    put(s.inst, bins.get(h)!, i);
  });
  return { bins: [...bins.keys()].sort((a, b) => a - b).map((h) => bins.get(h)!), failed };
}

/** Improves a feasible packing's cost; returns the best packing found (the input if none). */
export function lnsMinCost(inst: Instance, packing: Packing, opts: LnsOptions): Packing {
  if (packing.bins.length === 0 || inst.items.some((it) => it.pin !== null)) return packing;
  const s = fromPacking(inst, packing);
  let bestCost = s.cost;
  let bestWhere = s.where.slice();
  // Late acceptance: a candidate is accepted when no worse than the current cost or the
  // cost L iterations ago.
  const history = new Array<number>(200).fill(s.cost);
  let sinceBest = 0;
  for (let iter = 0; iter < opts.iterations && sinceBest < opts.stall && bestCost > opts.target + TOLERANCE; iter++) {
    if ((iter & 63) === 0 && opts.deadline.passed()) {
      opts.deadline.stop('LNS');
      break;
    }
    const before = s.cost;
    const journal = step(s, opts.models, opts.rng);
    sinceBest++;
    if (!journal) continue;
    const v = iter % history.length;
    if (s.cost <= before + TOLERANCE || s.cost <= history[v]! + TOLERANCE) {
      if (s.cost < bestCost - TOLERANCE) [bestCost, bestWhere, sinceBest] = [s.cost, s.where.slice(), 0];
    } else undo(s, journal);
    history[v] = s.cost;
  }
  return bestCost < packing.bins.reduce((a, b) => a + b.model.cost, 0) - TOLERANCE
    ? toPacking(s, bestWhere, packing.failed)
    : packing;
}
