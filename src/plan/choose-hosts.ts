// Choosing the host hardware and placing the VMs on it (method §5.2–§5.3 and §6).
// derive:  the smallest standard spec for n hosts with N+k (sizing/derive-host.ts), placed
//          and failure-simulated; when bin-packing needs more than the ideal share, the
//          spec grows one step in its tightest resource and the placement is retried.
// catalog: every model on its own (one CPU type per cluster, method §5.3), the fewest hosts of
//          it that hold the load with N+k; the cheapest wins (then fewer hosts, then name).
import type { ProjectSettings } from '../domain/project.ts';
import type { HostModel } from '../domain/catalog.ts';
import {
  deriveHost,
  growHostSpec,
  hypervisorPartitions,
  type DerivedHost,
  type SizeServerResult,
} from '../sizing/index.ts';
import {
  derivationLine,
  derivationOf,
  withLine,
  type Derivation,
  type DerivationLine,
} from '../sizing/derivation-line.ts';
import { catalogChoiceLine, catalogLine, countLine, noCandidates, packingLine, type NoHost } from './choice-lines.ts';
import { simulateFailures, solvePlacement } from '../placement/index.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { PlacementResult } from '../placement/types.ts';
import { hostCapacity, placementResources, toPlacementModel, type HostCapacity } from '../sizing/host-capacity.ts';
import type { FailoverScenario, Partitions } from '../domain/plan.ts';
import type { DemandSeries } from '../replay/index.ts';
import { withSeries } from './series-problem.ts';
import { Deadline } from '../placement/deadline.ts';
import { hostMemoryGb } from '../sizing/vm-overhead.ts';
import type { RuleSet } from './placement-rules.ts';
import { minOf } from '../util/extent.ts';
import { extend } from '../util/extend.ts';

type Sized = SizeServerResult;

export interface HostChoice {
  model: HostModel & Derivation;
  capacity: HostCapacity;
  partitions: Partitions;
  sized: Sized[];
  problem: PlacementProblem;
  result: PlacementResult;
  scenarios: FailoverScenario[];
  /** Placement's host names → plan host names (<prefix>1, <prefix>2, …). */
  hostNames: Map<string, string>;
}

interface ChooseInput {
  settings: ProjectSettings;
  sizeAll: (targetGhz: number | undefined) => Sized[];
  /** Clock of every source server (null where the inventory does not say). */
  sourceGhz: (number | null)[];
  catalog: HostModel[] | null;
  /** Placement rules and host groups (plan/placement-rules.ts). */
  rules: RuleSet;
  onProgress?: (message: string) => void;
  /** Demand series of the VMs (placement.demand: series, method §14.4). */
  series?: DemandSeries;
  /** The plan's clock; absent: placement.timeLimitSeconds from now. */
  deadline?: Deadline;
  /** False: placements without exact mode (solve.ts SolveOptions.exact), e.g. the trade-off rows. */
  exact?: boolean;
}

const MAX_GROWTH_STEPS = 24;

export async function chooseHosts(inp: ChooseInput): Promise<HostChoice> {
  // One clock for every placement the host search runs (method §6.5).
  const deadline = inp.deadline ?? Deadline.after(inp.settings.placement.timeLimitSeconds);
  return inp.settings.cluster.mode === 'catalog' && inp.catalog
    ? chooseFromCatalog(inp, inp.catalog, deadline)
    : chooseDerived(inp, deadline);
}

type Derived = ReturnType<typeof deriveHost>;

/**
 * The smallest host count whose per-host requirement fits a standard shape (method §6.6):
 * doubling from k + 1, then halving back; the requirement only falls as hosts are added.
 * When even k + (number of VMs) hosts cannot be derived — a survivor then carries about one
 * VM — no count can, and the reason says so with that count's figures.
 */
function smallestDerivable(derive: (n: number) => Derived, k: number, vmCount: number): { n: number; d: Derived } {
  const most = k + Math.max(1, vmCount);
  let lo = k; // not derivable (fewer than k + 1 hosts cannot do N+k)
  let hi = k + 1;
  let d = derive(hi);
  while (!d.host && hi < most) {
    lo = hi;
    hi = Math.min(most, lo * 2);
    d = derive(hi);
  }
  if (!d.host) {
    const why = d.reason.message.replace(/: add hosts$/, '');
    const line = derivationLine(
      'no-host-count',
      { hosts: hi, why: d.step },
      (p) => `${why} — even with ${p.hosts} hosts, about one VM per survivor, so no host count can`,
    );
    return { n: hi, d: { host: null, reason: { ...d.reason, message: line.text }, step: line.step } };
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = derive(mid);
    if (m.host) [hi, d] = [mid, m];
    else lo = mid;
  }
  return { n: hi, d };
}

async function chooseDerived(inp: ChooseInput, deadline: Deadline): Promise<HostChoice> {
  const { settings } = inp;
  const known = inp.sourceGhz.filter((g): g is number => g !== null);
  // The derived host's clock (sizing/derive-host.ts): minCpuGhz, else the slowest source.
  const targetGhz = settings.cluster.minCpuGhz ?? (known.length ? minOf(known) : undefined);
  // The target clock also divides CPU MHz of a server whose own clock is unknown (method §3.7).
  const sized = inp.sizeAll(targetGhz);
  const candidates = sized.filter((s) => !s.excluded).map((s) => s.vm);
  const k = settings.cluster.redundancy;
  const derive = (n: number) => deriveHost(candidates, inp.sourceGhz, settings, n);
  // Nothing to place: no hosts, not a spec for an empty cluster (every count reads 0).
  if (candidates.length === 0) return noHostChoice(sized, settings, noCandidates(sized.length), inp.rules);
  const fixed = settings.cluster.hostCount;
  const first = fixed ? { n: fixed, d: derive(fixed) } : smallestDerivable(derive, k, candidates.length);
  let firstAttempt: HostChoice | undefined;
  let tried: { n: number; spec: DerivedHost; result: PlacementResult } | undefined;
  let lastReason: NoHost | undefined;
  for (let n = first.n, derived: Derived = first.d; ; n++, derived = derive(n)) {
    if (!derived.host) {
      lastReason = derived;
      break;
    }
    let spec: DerivedHost | null = derived.host;
    for (let step = 0; spec && step < MAX_GROWTH_STEPS; step++) {
      inp.onProgress?.(`placing ${candidates.length} VMs on ${n} × (${describe(spec)})`);
      const attempt = await placeOn(spec, sized, settings, n, deadline, inp);
      if (holds(attempt)) return attempt;
      firstAttempt ??= attempt;
      tried = { n, spec, result: attempt.result };
      if (deadline.passed()) break;
      const tight = tightestResource(attempt);
      const grown: DerivedHost | null = growHostSpec(spec, tight, settings);
      // The packing line stands for the growth step: the grown spec's own line is not kept.
      spec =
        grown &&
        withLine(
          { ...grown, derivation: spec.derivation, derivationSteps: spec.derivationSteps },
          packingLine(tight, grown),
        );
    }
    // A fixed count is kept; otherwise one more host (method §6.6), within the VMs' number.
    if (fixed || deadline.passed() || n >= k + Math.max(1, candidates.length)) break;
  }
  if (!firstAttempt || !tried) return noHostChoice(sized, settings, lastReason, inp.rules);
  // Out of time with VMs left over on the count tried: the spec, derived for that count, fits
  // any larger one, so the placement opens the hosts the whole VMs need — first fit in
  // logarithmic time per VM past the deadline, a complete plan in little time (method §6.6).
  // A fixed count, or a search that tried every count in time, answers with its first attempt
  // (the smallest spec), as before.
  if (fixed || !deadline.passed()) return firstAttempt;
  inp.onProgress?.(
    `placing ${candidates.length} VMs on ${describe(tried.spec)} hosts, the count chosen by the placement`,
  );
  // The attempts kept to compare with or fall back on are kept without their failure
  // scenarios (a scenario set of 100,000 VMs on 1,231 hosts is 100,000 restarts and the
  // loads they touch), made again for the one returned: the simulation is deterministic.
  const fallback = lean(firstAttempt);
  firstAttempt = undefined;
  const opened = await placeOn(tried.spec, sized, settings, undefined, deadline, inp);
  const open = lean(opened);
  // The attempt's own packing, completed on new hosts where its left-over VMs fit: near the
  // bound when only a few were left over, where packing afresh past the deadline is not.
  // (Host groups place each group on hosts of its own: their pins would not carry over.)
  const completed =
    inp.rules.hostGroups.length > 0
      ? opened
      : await placeOn(tried.spec, sized, settings, undefined, deadline, inp, tried.result);
  const best = betterCompletion(lean(completed), open) ? completed : withScenarios(open, settings);
  if (!holds(best) && best.result.unplaced.length >= fallback.choice.result.unplaced.length)
    return withScenarios(fallback, settings);
  return { ...best, model: withLine(best.model, countLine(tried.n, best.result.hostsUsed)) };
}

/** An attempt without its failure scenarios, and whether it held with them. */
interface Lean {
  choice: Omit<HostChoice, 'scenarios'>;
  holds: boolean;
}

function lean(c: HostChoice): Lean {
  const { scenarios: _scenarios, ...choice } = c;
  return { choice, holds: holds(c) };
}

/** The attempt with its failure scenarios simulated again (as placeOn simulates them). */
function withScenarios(c: Lean, settings: ProjectSettings): HostChoice {
  const { problem, result } = c.choice;
  const scenarios = settings.cluster.redundancy > 0 ? simulateFailures(problem, result, { touchedOnly: true }) : [];
  return { ...c.choice, scenarios };
}

/** Holding first, then fewer VMs left over, then fewer hosts. */
function betterCompletion(a: Lean, b: Lean): boolean {
  if (a.holds !== b.holds) return a.holds;
  const ua = a.choice.result.unplaced.length;
  const ub = b.choice.result.unplaced.length;
  return ua < ub || (ua === ub && a.choice.result.hostsUsed < b.choice.result.hostsUsed);
}

/** No standard host can be derived: every candidate is unplaced, with the reason. */
function noHostChoice(sized: Sized[], settings: ProjectSettings, why: NoHost | undefined, rules: RuleSet): HostChoice {
  const line = why
    ? { text: why.reason.message, step: why.step }
    : derivationLine('no-host-shape', {}, () => 'no standard host shape fits the hypervisor limits');
  const message = line.text;
  const model: DerivedHost = {
    name: 'none',
    sockets: 0,
    coresPerSocket: 0,
    threadsPerCore: 0,
    cpuGhz: 0,
    memoryGb: 0,
    nics: 0,
    nicGbps: 0,
    localDiskMb: settings.cluster.localDiskMb,
    price: 0,
    watts: 0,
    ...derivationOf([line]),
  };
  const problem = buildProblem(model, sized, settings, 0, 0, rules);
  const result: PlacementResult = {
    hosts: [],
    unplaced: problem.vms.map((v) => ({ vm: v.name, reasons: [message] })),
    method: 'none',
    hostsUsed: 0,
    cost: 0,
    lowerBound: 0,
    optimal: false,
    bindingResource: null,
    seconds: 0,
    seed: settings.placement.seed,
    notes: [message],
    // The derivation's own step: a report says this note as it says the derivation line.
    noteSteps: [{ code: 'host-derivation', params: { line: line.step } }],
  };
  const partitions = hypervisorPartitions(0, settings.cluster.localDiskMb, settings.partitions);
  return {
    model,
    capacity: { vcpu: 0, memoryGb: 0, diskGb: 0 },
    partitions,
    sized,
    problem,
    result,
    scenarios: [],
    hostNames: new Map(),
  };
}

async function chooseFromCatalog(inp: ChooseInput, catalog: HostModel[], deadline: Deadline): Promise<HostChoice> {
  const { settings } = inp;
  const models = [...catalog].sort((a, b) => a.price - b.price || (a.name < b.name ? -1 : 1));
  let best: HostChoice | undefined;
  const tried: DerivationLine[] = [];
  // Sizing depends on the model only under clock normalisation; otherwise size once, CPU MHz of a
  // server whose own clock is unknown over the slowest model's cores (method §3.7: more vCPU, never fewer).
  const clock = settings.sizing.cpuNormalisation === 'clock';
  const unscaled = clock ? null : inp.sizeAll(models.length ? minOf(models.map((m) => m.cpuGhz)) : undefined);
  if (unscaled?.every((s) => s.excluded))
    return noHostChoice(unscaled, settings, noCandidates(unscaled.length), inp.rules);
  for (const model of models) {
    if (best && deadline.passed()) {
      tried.push(catalogLine(model.name, { outcome: 'not-tried' }));
      continue;
    }
    const sized = unscaled ?? inp.sizeAll(model.cpuGhz);
    inp.onProgress?.(`catalog: trying ${model.name}`);
    const attempt = await placeOn({ ...model, ...derivationOf([]) }, sized, settings, undefined, deadline, inp);
    const { hostsUsed: hosts, cost } = attempt.result;
    tried.push(catalogLine(model.name, holds(attempt) ? { outcome: 'holds', hosts, cost } : { outcome: 'cannot' }));
    if (!best || better(attempt, best)) best = attempt;
  }
  if (!best) throw new Error('the host catalog is empty');
  best.model = { ...best.model, ...derivationOf([catalogChoiceLine(settings.cluster.redundancy), ...tried]) };
  return best;
}

function better(a: HostChoice, b: HostChoice): boolean {
  const ha = holds(a);
  const hb = holds(b);
  if (ha !== hb) return ha;
  if (!ha) return a.result.unplaced.length < b.result.unplaced.length;
  // Hardware and host-group licences (docs/placement.md): the result's cost.
  const ca = a.result.cost;
  const cb = b.result.cost;
  return ca < cb || (ca === cb && a.result.hostsUsed < b.result.hostsUsed);
}

async function placeOn(
  model: HostModel & Derivation,
  sized: Sized[],
  settings: ProjectSettings,
  hostCount: number | undefined,
  deadline: Deadline,
  { rules, series, exact }: Pick<ChooseInput, 'rules' | 'series' | 'exact'>,
  keep?: PlacementResult,
): Promise<HostChoice> {
  const partitions = hypervisorPartitions(model.memoryGb, model.localDiskMb, settings.partitions);
  const capacity = hostCapacity(model, settings, partitions.totalMb);
  // Host groups choose their own host count (dedicated hosts) unless the project fixes it.
  const count = rules.hostGroups.length > 0 && settings.cluster.hostCount === null ? undefined : hostCount;
  const allocation = buildProblem(model, sized, settings, partitions.totalMb, count, rules);
  const problem = series ? withSeries(allocation, model, settings, series) : allocation;
  const result = await solvePlacement(keep ? pinnedTo(problem, keep) : problem, { deadline, exact: exact !== false });
  const scenarios = settings.cluster.redundancy > 0 ? simulateFailures(problem, result, { touchedOnly: true }) : [];
  const prefix = settings.cluster.hostNamePrefix;
  const hostNames = new Map(result.hosts.map((h, i) => [h.name, `${prefix}${i + 1}`]));
  return { model, capacity, partitions, sized, problem, result, scenarios, hostNames };
}

/**
 * The problem with every VM `keep` placed pinned to its host there: a placement of it keeps
 * that packing and places only the rest. Its result is also one of the unpinned problem,
 * which the choice keeps (pins only narrow where a VM may go).
 */
function pinnedTo(problem: PlacementProblem, keep: PlacementResult): PlacementProblem {
  const hostOf = new Map<string, string>();
  for (const h of keep.hosts) for (const vm of h.vms) hostOf.set(vm, h.name);
  return {
    ...problem,
    vms: problem.vms.map((v) => (v.pin || !hostOf.has(v.name) ? v : extend(v, { pin: hostOf.get(v.name) }))),
  };
}

/**
 * The placement's VMs of `sized`, made once for every attempt on them: the host search places
 * the same VMs on several specs (three placements of 100,000 VMs past the deadline), and the
 * problems it keeps to compare hold one list, not one each. The placement does not change them.
 */
const problemVms = new WeakMap<Sized[], { settings: ProjectSettings; rules: RuleSet; vms: PlacementProblem['vms'] }>();

function vmsOf(sized: Sized[], settings: ProjectSettings, rules: RuleSet): PlacementProblem['vms'] {
  const known = problemVms.get(sized);
  if (known && known.settings === settings && known.rules === rules) return known.vms;
  const resources = placementResources(settings);
  const vms = sized
    .filter((s) => !s.excluded)
    .map(({ vm }) => ({
      name: vm.name,
      // Memory on the host: guest RAM plus the per-VM overhead (method §5.1).
      demand: Object.fromEntries(
        resources.map((r) => [r, r === 'memoryGb' ? hostMemoryGb(vm, settings.hypervisor) : vm[r]]),
      ),
      haPriority: vm.haPriority,
      ...rules.vms.get(vm.name),
    }));
  problemVms.set(sized, { settings, rules, vms });
  return vms;
}

export function buildProblem(
  model: HostModel,
  sized: Sized[],
  settings: ProjectSettings,
  partitionsTotalMb: number,
  hostCount: number | undefined,
  rules: RuleSet,
): PlacementProblem {
  const resources = placementResources(settings);
  const c = settings.cluster;
  const groups = rules.hostGroups.length > 0 ? { hostGroups: rules.hostGroups } : {};
  return {
    resources,
    hostModels: [toPlacementModel(model, settings, partitionsTotalMb)],
    vms: vmsOf(sized, settings, rules),
    ...groups,
    ...(rules.enforceOnFailover ? { enforceAntiAffinityOnFailover: true } : {}),
    redundancy: c.redundancy,
    ceilingPct: { vcpu: c.cpuCeilingPct, memoryGb: c.memoryCeilingPct, diskGb: 100 },
    failoverCeilingPct: c.failoverCeilingPct,
    objective: settings.placement.objective,
    timeLimitSeconds: settings.placement.timeLimitSeconds,
    seed: settings.placement.seed,
    ...(hostCount ? { hostCount } : {}),
  };
}

function holds(c: HostChoice): boolean {
  return c.result.unplaced.length === 0 && c.scenarios.every((s) => s.satisfied);
}

/** The resource closest to its limit across hosts and failure scenarios. */
function tightestResource(c: HostChoice): 'cpu' | 'memory' {
  const total = (r: 'vcpu' | 'memoryGb') => c.problem.vms.reduce((a, v) => a + (v.demand[r] ?? 0), 0);
  const survivors = Math.max(1, c.result.hosts.length - c.problem.redundancy);
  const cpu = total('vcpu') / (survivors * c.capacity.vcpu);
  const mem = total('memoryGb') / (survivors * c.capacity.memoryGb);
  return cpu >= mem ? 'cpu' : 'memory';
}

function describe(m: HostModel): string {
  return `${m.sockets} × ${m.coresPerSocket} cores, ${m.memoryGb} GB`;
}
