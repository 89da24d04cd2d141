// Arc-flow model for one resource (Valério de Carvalho, "Exact solution of bin-packing
// problems using column generation and branch-and-bound", Ann. OR 86, 1999; placement-
// notes.md: GLPK solves all Falkenauer instances with it, the assignment model 5 %).
// Nodes are fill levels 0…W; an item arc (u, u + w) places an item of size w; loss arcs
// join consecutive levels; the flow out of 0 counts hosts. Arcs follow the standard
// reduction: within a host, items are placed in decreasing size, at most b_t of size t.
import type { Instance } from '../instance.ts';
import type { LP } from './glpk.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';

export interface ArcFlowGraph {
  capacity: number;
  /** Distinct sizes, largest first, and the items of each. */
  sizes: number[];
  itemsOfSize: number[][];
  /** Item arcs: [from, to, size index]; loss arcs: [from, to, -1]. */
  arcs: [number, number, number][];
  nodes: number[];
}

/** Builds the reduced graph, or null when the instance is not a 1-D integer one, the graph
 * exceeds `maxArcs` or the deadline passes. */
export function arcFlowGraph(
  inst: Instance,
  capacity: number,
  maxArcs: number,
  deadline: Deadline,
): ArcFlowGraph | null {
  if (inst.resources.length !== 1) return null;
  const W = Math.floor(capacity + TOLERANCE);
  const bySize = new Map<number, number[]>();
  for (let i = 0; i < inst.items.length; i++) {
    const w = inst.items[i]!.demand[0]!;
    if (!Number.isInteger(w) || w <= 0 || w > W) return null;
    const list = bySize.get(w);
    if (list) list.push(i);
    else bySize.set(w, [i]);
  }
  const sizes = [...bySize.keys()].sort((a, b) => b - a);
  const itemsOfSize = sizes.map((w) => bySize.get(w)!);
  const reach = new Uint8Array(W + 1);
  reach[0] = 1;
  const arcs: [number, number, number][] = [];
  for (let t = 0; t < sizes.length; t++) {
    const w = sizes[t]!;
    const count = itemsOfSize[t]!.length;
    const starts: number[] = [];
    for (let u = 0; u + w <= W; u++) if (reach[u]) starts.push(u);
    // From every level reachable with larger items, a chain of up to `count` items of this
    // size; an arc shared by two chains is added once.
    const seen = new Set<number>();
    for (const u of starts) {
      for (let c = 0, from = u; c < count && from + w <= W; c++, from += w) {
        if (!seen.has(from)) {
          seen.add(from);
          arcs.push([from, from + w, t]);
          reach[from + w] = 1;
        }
      }
      if (arcs.length > maxArcs) return null;
    }
    if (deadline.passed()) {
      deadline.stop('arc-flow graph');
      return null;
    }
  }
  const nodes: number[] = [];
  for (let u = 0; u <= W; u++) if (reach[u]) nodes.push(u);
  if (nodes[nodes.length - 1] !== W) nodes.push(W);
  for (let k = 0; k + 1 < nodes.length; k++) arcs.push([nodes[k]!, nodes[k + 1]!, -1]);
  return { capacity: W, sizes, itemsOfSize, arcs, nodes };
}

const arcName = (k: number) => `f_${k}`;

/** Arc indices by their tail (end 0) or head (end 1) node. */
function arcsBy(g: ArcFlowGraph, end: 0 | 1): Map<number, number[]> {
  const by = new Map<number, number[]>();
  g.arcs.forEach((arc, k) => {
    const list = by.get(arc[end]);
    if (list) list.push(k);
    else by.set(arc[end], [k]);
  });
  return by;
}

/** min z = flow out of 0, conservation at inner nodes, demand per size, z ≤ cutoff. */
export function arcFlowLp(g: ArcFlowGraph, cutoff: number): LP {
  const out = arcsBy(g, 0);
  const into = arcsBy(g, 1);
  const z = (out.get(0) ?? []).map((k) => ({ name: arcName(k), coef: 1 }));
  const rows: LP['subjectTo'] = [];
  for (const u of g.nodes) {
    if (u === 0 || u === g.capacity) continue;
    const vars = [
      ...(into.get(u) ?? []).map((k) => ({ name: arcName(k), coef: 1 })),
      ...(out.get(u) ?? []).map((k) => ({ name: arcName(k), coef: -1 })),
    ];
    rows.push({ name: `flow_${u}`, vars, bnds: { type: 5, lb: 0, ub: 0 } });
  }
  const ofSize = g.sizes.map((): { name: string; coef: number }[] => []);
  g.arcs.forEach(([, , t], k) => {
    if (t >= 0) ofSize[t]!.push({ name: arcName(k), coef: 1 });
  });
  g.sizes.forEach((_, t) => {
    const vars = ofSize[t]!;
    rows.push({ name: `demand_${t}`, vars, bnds: { type: 2, lb: g.itemsOfSize[t]!.length, ub: 0 } });
  });
  rows.push({ name: 'cutoff', vars: z, bnds: { type: 3, lb: 0, ub: cutoff } });
  return {
    name: 'arcflow',
    objective: { direction: 1, name: 'hosts', vars: z },
    subjectTo: rows,
    generals: g.arcs.map((_, k) => arcName(k)),
  };
}

/** Decomposes the flow into host paths; each item arc takes one unplaced item of its size. */
export function decodeArcFlow(g: ArcFlowGraph, values: Record<string, number>): number[][] {
  const flow = g.arcs.map((_, k) => Math.round(values[arcName(k)] ?? 0));
  const out = arcsBy(g, 0);
  const next = g.itemsOfSize.map(() => 0);
  const hosts: number[][] = [];
  for (;;) {
    const items: number[] = [];
    let u = 0;
    let moved = false;
    while (u !== g.capacity) {
      const k = (out.get(u) ?? []).find((a) => flow[a]! > 0);
      if (k === undefined) break;
      flow[k]!--;
      moved = true;
      const [, v, t] = g.arcs[k]!;
      // Demand rows are ≥, so a path may carry more arcs of a size than items remain.
      if (t >= 0 && next[t]! < g.itemsOfSize[t]!.length) items.push(g.itemsOfSize[t]![next[t]!++]!);
      u = v;
    }
    if (!moved) break;
    if (items.length > 0) hosts.push(items);
  }
  return hosts;
}
