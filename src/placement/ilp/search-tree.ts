// A small depth-first branch-and-bound for one host model: can the items go into m hosts?
// Used on small inputs where the MILP's relaxation is too weak to prove infeasibility
// (e.g. 20 items in 10 dimensions, where L1 is one host short). Items go largest first;
// hosts with identical loads are tried once (symmetry); a branch dies when some resource's
// remaining demand exceeds the free capacity left on all m hosts.
import type { Instance, ModelSpec } from '../instance.ts';
import { TOLERANCE } from '../../util/tolerance.ts';
import type { Deadline } from '../deadline.ts';

export type TreeOutcome = { status: 'feasible'; hosts: number[][] } | { status: 'infeasible' } | { status: 'unknown' };

export function packsInto(
  inst: Instance,
  model: ModelSpec,
  m: number,
  nodeLimit: number,
  deadline: Deadline | null = null,
): TreeOutcome {
  const n = inst.items.length;
  const R = inst.resources.length;
  const cap = model.cap;
  const load = Array.from({ length: m }, () => new Array<number>(R).fill(0));
  const members: number[][] = Array.from({ length: m }, () => []);
  const anti: Map<string, number>[] = Array.from({ length: m }, () => new Map());
  const remaining = inst.resources.map((_, r) => inst.items.reduce((s, it) => s + it.demand[r]!, 0));
  let opened = 0;
  let nodes = 0;
  const fitsIn = (b: number, i: number) => {
    const it = inst.items[i]!;
    for (let r = 0; r < R; r++)
      if (load[b]![r]! + it.demand[r]! > cap[r]! + TOLERANCE * Math.max(1, cap[r]!)) return false;
    return it.anti.every((g) => !anti[b]!.get(g));
  };
  // Free capacity only counts on hosts that some remaining item still fits (a host no
  // remaining item fits wastes its free room: the bound that makes 10-D cases provable).
  const slackOk = (next: number) => {
    const open: number[] = [];
    for (let b = 0; b < m; b++) {
      for (let i = next; i < n; i++) {
        if (fitsIn(b, i)) {
          open.push(b);
          break;
        }
      }
    }
    for (let r = 0; r < R; r++) {
      let free = 0;
      for (const b of open) free += cap[r]! - load[b]![r]!;
      if (remaining[r]! > free + TOLERANCE * Math.max(1, cap[r]! * m)) return false;
    }
    return true;
  };
  const apply = (b: number, i: number, sign: 1 | -1) => {
    const it = inst.items[i]!;
    for (let r = 0; r < R; r++) {
      load[b]![r]! += sign * it.demand[r]!;
      remaining[r]! -= sign * it.demand[r]!;
    }
    for (const g of it.anti) anti[b]!.set(g, (anti[b]!.get(g) ?? 0) + sign);
    if (sign > 0) members[b]!.push(i);
    else members[b]!.pop();
  };
  const rec = (i: number): boolean | null => {
    if (i === n) return true;
    if (++nodes > nodeLimit || ((nodes & 4095) === 0 && deadline?.passed())) return null;
    const tried = new Set<string>();
    for (let b = 0; b < Math.min(m, opened + 1); b++) {
      const key =
        load[b]!.join(',') +
        (anti[b]!.size
          ? `|${[...anti[b]!]
              .filter(([, c]) => c > 0)
              .map(([g]) => g)
              .sort()
              .join(',')}`
          : '');
      if (tried.has(key) || !fitsIn(b, i)) continue;
      tried.add(key);
      const opens = b === opened;
      if (opens) opened++;
      apply(b, i, 1);
      const res = slackOk(i + 1) ? rec(i + 1) : false;
      if (res !== false) return res;
      apply(b, i, -1);
      if (opens) opened--;
    }
    return false;
  };
  const res = rec(0);
  if (res === null) return { status: 'unknown' };
  return res
    ? { status: 'feasible', hosts: members.filter((x) => x.length > 0).map((x) => x.slice()) }
    : { status: 'infeasible' };
}
