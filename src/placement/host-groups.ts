// Licence-aware host groups (docs/placement.md, "Licence-aware host groups"). A VM of a host
// group runs only on hosts licensed for the group. The optimiser chooses which hosts those
// are: every host of one cluster (the group licenses them all), or dedicated hosts holding
// only the group's VMs, each part with its own N+k (a VM restarts within its part). Starting
// from one cluster it dedicates one group at a time, in name order, and keeps a step when
// the objective — with licence prices in the cost — improves: under min-cost, one more host
// is weighed against licensing fewer.
import type { PlacementProblem } from '../domain/problem.ts';
import { licenceLines } from './licences.ts';
import { inGroup, note, notesFrom, notesOf, type Note } from './note.ts';
import { simView, survivesFailures } from './failover.ts';
import type { PlacedHost, PlacementResult } from './types.ts';

type Solve = (problem: PlacementProblem) => Promise<PlacementResult>;

interface Part {
  group: string | undefined;
  result: PlacementResult;
}

/** Does the problem put any VM in a host group? */
export function hasHostGroups(problem: PlacementProblem): boolean {
  return problem.vms.some((v) => v.hostGroup !== undefined);
}

/** The problem without groups, restricted to `vms` (a part, or the whole estate). */
function subProblem(
  problem: PlacementProblem,
  keep: (vm: PlacementProblem['vms'][number]) => boolean,
  seconds: number,
) {
  const { hostGroups: _g, ...rest } = problem;
  const vms = problem.vms.filter(keep).map(({ hostGroup: _h, ...v }) => v);
  return { ...rest, vms, timeLimitSeconds: seconds };
}

function hardwareCost(problem: PlacementProblem, hosts: readonly PlacedHost[]): number {
  const price = new Map(problem.hostModels.map((m) => [m.name, m.cost]));
  return hosts.reduce((s, h) => s + (price.get(h.model) ?? 0), 0);
}

/** The parts as one result: general hosts first (pins keep their numbers), then each group's. */
function merge(problem: PlacementProblem, parts: readonly Part[], oneCluster: PlacementResult): PlacementResult {
  const hosts: PlacedHost[] = [];
  for (const part of parts)
    for (const h of part.result.hosts)
      hosts.push({ ...h, name: `host${hosts.length + 1}`, ...(part.group ? { group: part.group } : {}) });
  const licences = licenceLines(problem, hosts, oneCluster.hosts);
  const licenceCost = licences.reduce((s, l) => s + l.cost, 0);
  const first = parts[0]!.result;
  const dedicated = parts.flatMap((p) => (p.group ? [p.group] : []));
  return {
    ...first,
    hosts,
    unplaced: parts.flatMap((p) => p.result.unplaced).sort((a, b) => (a.vm < b.vm ? -1 : a.vm > b.vm ? 1 : 0)),
    method: parts.map((p) => (p.group ? `${p.group}:${p.result.method}` : p.result.method)).join(' + '),
    hostsUsed: hosts.length,
    cost: hardwareCost(problem, hosts) + licenceCost,
    seconds: parts.reduce((s, p) => s + p.result.seconds, 0),
    ...mergedNotes(parts, dedicated),
    licences,
  };
}

/** The parts' notes, each group's led by its name, after the note naming the dedicated groups. */
function mergedNotes(
  parts: readonly Part[],
  dedicated: readonly string[],
): Pick<PlacementResult, 'notes' | 'noteSteps'> {
  const head = dedicated.length
    ? [
        note(
          'dedicated-hosts',
          { groups: [...dedicated] },
          (p) => `dedicated hosts for host group${p.groups.length > 1 ? 's' : ''} ${p.groups.join(', ')}`,
        ),
      ]
    : [];
  const each = parts.map((p) => notesFrom(p.result)?.map((n) => (p.group ? inGroup(p.group, n) : n)) ?? null);
  if (each.every((list) => list !== null)) return { ...notesOf([...head, ...each.flat()]) };
  // A part built without steps: the texts alone, as they always were.
  const texts = parts.flatMap((p) => p.result.notes.map((n) => (p.group ? `${p.group}: ${n}` : n)));
  return { notes: [...head.map((n) => n.text), ...texts], noteSteps: undefined };
}

function holds(problem: PlacementProblem, r: PlacementResult): boolean {
  if (r.unplaced.length > 0) return false;
  const view = simView(problem, r);
  return survivesFailures(view.hosts, view.vms, problem.redundancy, view.refCap);
}

/** Negative when a is better for the objective: holding first, then cost (min-cost) or hosts. */
function compare(problem: PlacementProblem, a: PlacementResult, b: PlacementResult): number {
  const ha = holds(problem, a);
  if (ha !== holds(problem, b)) return ha ? -1 : 1;
  const hosts = a.hostsUsed - b.hostsUsed;
  const cost = a.cost - b.cost;
  return problem.objective === 'min-cost' ? cost || hosts : hosts || cost;
}

/** Affinity groups joining a VM of `group` with one outside it: such a group cannot be dedicated. */
function splitsAffinity(problem: PlacementProblem, group: string): boolean {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const v of problem.vms) for (const a of v.affinity ?? []) (v.hostGroup === group ? inside : outside).add(a);
  return [...inside].some((a) => outside.has(a));
}

export async function solveWithHostGroups(problem: PlacementProblem, solve: Solve): Promise<PlacementResult> {
  const groups = [...new Set(problem.vms.flatMap((v) => (v.hostGroup ? [v.hostGroup] : [])))].sort();
  const seconds = problem.timeLimitSeconds / (1 + 2 * groups.length);
  const one = await solve(subProblem(problem, () => true, seconds));
  let best = merge(problem, [{ group: undefined, result: one }], one);
  const skipped: Note[] = [];
  if (problem.hostCount !== undefined)
    skipped.push(
      note('fixed-count-one-cluster', {}, () => 'a fixed host count keeps one cluster: no dedicated hosts tried'),
    );
  const parts = new Map<string, PlacementResult>();
  let dedicated: string[] = [];
  for (const g of problem.hostCount === undefined ? groups : []) {
    if (splitsAffinity(problem, g)) {
      skipped.push(
        note(
          'affinity-not-dedicated',
          { group: g },
          (p) => `host group ${p.group} shares an affinity group with other VMs: not dedicated`,
        ),
      );
      continue;
    }
    const trial = [...dedicated, g];
    const inTrial = (v: PlacementProblem['vms'][number]) => v.hostGroup !== undefined && trial.includes(v.hostGroup);
    const general = await solve(subProblem(problem, (v) => !inTrial(v), seconds));
    const own = await solve(subProblem(problem, (v) => v.hostGroup === g, seconds));
    parts.set(g, own);
    const candidate = merge(
      problem,
      [{ group: undefined, result: general }, ...trial.map((t) => ({ group: t, result: parts.get(t)! }))].filter(
        (p) => p.result.hosts.length > 0 || p.result.unplaced.length > 0 || p.group === undefined,
      ),
      one,
    );
    if (compare(problem, candidate, best) < 0) {
      best = candidate;
      dedicated = trial;
    }
  }
  const licenceCost = (r: PlacementResult) => (r.licences ?? []).reduce((s, l) => s + l.cost, 0);
  const withoutGroups = { hosts: one.hostsUsed, hardwareCost: hardwareCost(problem, one.hosts), licenceCost: 0 };
  withoutGroups.licenceCost = licenceCost(merge(problem, [{ group: undefined, result: one }], one));
  // Optimality is proved for one cluster's host count only, not for the choice of dedicated hosts.
  const optimal = dedicated.length === 0 && problem.objective !== 'min-cost' && one.optimal;
  const steps = best.noteSteps ? { noteSteps: [...best.noteSteps, ...skipped.map((n) => n.step)] } : {};
  return { ...best, optimal, notes: [...best.notes, ...skipped.map((n) => n.text)], ...steps, withoutGroups };
}
