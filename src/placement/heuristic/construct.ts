// Constructive packers over a fixed list of hosts: first fit, best fit and worst fit
// (balance) decreasing, items taken largest first (instance order). Pinned items go first.
import type { Instance, ModelSpec } from '../instance.ts';
import { addInto, fits, zeros } from '../vector.ts';
import type { Deadline } from '../deadline.ts';
import { FirstFitTree } from './first-fit-tree.ts';

export type FitMode = 'ffd' | 'bfd' | 'wfd';

/** Up to this many resources a VM's demand vector is a shape worth remembering. */
export const SHAPE_DIMS = 64;

export interface Bin {
  model: ModelSpec;
  load: number[];
  /** Item indices (Instance.items). */
  items: number[];
  anti: Set<string>;
}

export function newBin(model: ModelSpec, dims: number): Bin {
  return { model, load: zeros(dims), items: [], anti: new Set() };
}

export function canTake(inst: Instance, bin: Bin, item: number): boolean {
  const it = inst.items[item]!;
  for (const g of it.anti) if (bin.anti.has(g)) return false;
  return fits(bin.load, it.demand, bin.model.cap);
}

export function put(inst: Instance, bin: Bin, item: number): void {
  const it = inst.items[item]!;
  addInto(bin.load, it.demand);
  bin.items.push(item);
  for (const g of it.anti) bin.anti.add(g);
}

/** Score of putting an item into a bin under a mode; lower is better. */
function score(inst: Instance, bin: Bin, item: number, mode: FitMode): number {
  if (mode === 'ffd') return 0;
  // Worst fit minimises the resulting peak utilisation (balance: spread evenly); best fit
  // minimises the normalised slack left (tight packing). Both of load + demand, summed in
  // place: a copy of the load per host tried per item was most of the garbage a large
  // placement made (2 GB of 4 at 30,000 servers). The figures are maxUtil's and slack's.
  const load = bin.load;
  const d = inst.items[item]!.demand;
  const cap = bin.model.cap;
  if (mode === 'wfd') {
    let m = 0;
    for (let r = 0; r < cap.length; r++) {
      const after = load[r]! + d[r]!;
      const u = cap[r]! > 0 ? after / cap[r]! : after > 0 ? Infinity : 0;
      if (u > m) m = u;
    }
    return m;
  }
  const refCap = inst.refCap;
  let sum = 0;
  for (let r = 0; r < cap.length; r++) sum += refCap[r]! > 0 ? (cap[r]! - (load[r]! + d[r]!)) / refCap[r]! : 0;
  return sum;
}

/** Index of the bin a scoring mode (best or worst fit) chooses for an item, or -1. Ties go to the earlier bin. */
function chooseBin(inst: Instance, bins: readonly Bin[], item: number, mode: FitMode): number {
  let best = -1;
  let bestScore = Infinity;
  for (let b = 0; b < bins.length; b++) {
    if (!canTake(inst, bins[b]!, item)) continue;
    const s = score(inst, bins[b]!, item, mode);
    if (s < bestScore - 1e-12) {
      bestScore = s;
      best = b;
    }
  }
  return best;
}

/** First fit through the tree: the first host from `from` that takes the item, or -1. */
function firstFit(inst: Instance, bins: readonly Bin[], tree: FirstFitTree, item: number, from: number): number {
  const demand = inst.items[item]!.demand;
  for (let b = tree.first(from, demand); b >= 0; b = tree.first(b + 1, demand))
    if (canTake(inst, bins[b]!, item)) return b;
  return -1;
}

export interface Packing {
  bins: Bin[];
  /** Items that found no room. */
  failed: number[];
}

/** Which model to open for an item that fits no open host (null: none may be opened). */
export type Opener = (item: number, bins: readonly Bin[]) => ModelSpec | null;

/**
 * Packs every item into the given hosts (`models[i]` is host i's model). With `open`, a
 * new host of that model (or the opener's choice) is opened whenever nothing fits. First fit
 * goes through a tree of the hosts' room (first-fit-tree.ts), so past the deadline the
 * remaining items still go by first fit, in logarithmic time per item: a plan comes back in
 * time on any input (docs/method.md §6.5), as tightly packed as first fit decreasing packs.
 */
export function construct(
  inst: Instance,
  models: readonly ModelSpec[],
  mode: FitMode,
  opener?: ModelSpec | Opener,
  deadline?: Deadline,
): Packing {
  const open = typeof opener === 'function' ? opener : opener ? () => opener : undefined;
  const dims = inst.resources.length;
  const bins = models.map((m) => newBin(m, dims));
  const failed: number[] = [];
  const order = inst.items.map((_, i) => i);
  const pinned = order.filter((i) => inst.items[i]!.pin !== null);
  for (const i of pinned) {
    const p = inst.items[i]!.pin!;
    while (open && bins.length <= p) {
      const m = open(i, bins);
      if (!m) break;
      bins.push(newBin(m, dims));
    }
    const bin = bins[p];
    if (bin && canTake(inst, bin, i)) put(inst, bin, i);
    else failed.push(i);
  }
  // First fit: loads and anti-affinity sets only grow while packing, so a bin that refused
  // an item refuses every later item of the same shape; remember where each shape starts
  // looking (makes FFD near-linear on real estates, where VM shapes repeat).
  const firstFree = new Map<string, number>();
  const tree = new FirstFitTree(dims);
  for (const [b, bin] of bins.entries()) tree.update(b, bin.load, bin.model.cap);
  let late = false;
  for (const i of order) {
    const it = inst.items[i]!;
    if (it.pin !== null) continue;
    if (!late && deadline && (i & 255) === 0 && deadline.passed()) {
      late = true;
      deadline.stop('construction');
    }
    const first = mode === 'ffd' || late;
    // Demand series (one dimension per slot, method §14.4) hardly ever repeat: no shape key.
    // Past the deadline no shape is remembered (a key per VM costs more than the tree saves).
    const shape = first && !late && dims <= SHAPE_DIMS ? `${it.demand.join(',')}|${it.anti.join(',')}` : '';
    let b = first ? firstFit(inst, bins, tree, i, firstFree.get(shape) ?? 0) : chooseBin(inst, bins, i, mode);
    const m = b < 0 && open ? open(i, bins) : null;
    if (m) {
      const bin = newBin(m, dims);
      if (canTake(inst, bin, i)) {
        bins.push(bin);
        b = bins.length - 1;
      }
    }
    if (b >= 0) {
      put(inst, bins[b]!, i);
      tree.update(b, bins[b]!.load, bins[b]!.model.cap);
    } else failed.push(i);
    if (shape !== '') firstFree.set(shape, b >= 0 ? b : bins.length);
  }
  return { bins, failed };
}
