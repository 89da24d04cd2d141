// assemblePlan: inventory + usage + settings → Plan. The one pipeline every command builds
// on (docs/design/pipeline.md): size each server, choose the host hardware (derived spec or the
// cheapest catalog model), place the VMs with N+k, simulate every failure, lay out each
// hypervisor's disk. No I/O: readers run before it, writers after it.
import type { ProjectData, ProjectSettings } from '../domain/project.ts';
import { InternalError } from '../domain/errors.ts';
import { verifyPlacement } from '../placement/verify.ts';
import { largestTargetHost, sizeServer } from '../sizing/index.ts';
import { hostMemoryGb } from '../sizing/vm-overhead.ts';
import type { PlacementResult } from '../placement/types.ts';
import { sortFindings } from '../domain/finding.ts';
import { chooseHosts, type HostChoice } from './choose-hosts.ts';
import { ruleSet } from './placement-rules.ts';
import { tradeOffRows } from './trade-off.ts';
import { computeTco } from './tco.ts';
import { pct, round2 } from '../util/round.ts';
import { extend } from '../util/extend.ts';
import { Interner } from '../util/interner.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { demandSeries, type DemandSeries, ghzPerCpuPct, replayFindings, replayWindow } from '../replay/index.ts';
import { Deadline } from '../placement/deadline.ts';
import type { TextStep } from '../domain/text-step.ts';
import {
  PLAN_FORMAT_VERSION,
  type FailoverScenario,
  type Plan,
  type PlanHost,
  type PlanVm,
  type PlanWithTco,
} from '../domain/plan.ts';

export interface PlanInputs extends ProjectData {
  onProgress?: (message: string) => void;
  /** Samples of a later window to replay the plan on as well (`plan --replay`). */
  backtest?: MonitoringSamples;
  /** Set for the variants of the trade-off table, which have none of their own and replay
   * normal operation only (the table shows nothing of the failure scenarios). */
  withoutTradeOff?: boolean;
  /** The command's clock (method §6.5), kept within placement.timeLimitSeconds from now;
   * absent: placement.timeLimitSeconds from now. */
  deadline?: Deadline;
  /** False: placements with the seeded heuristics only, no clock-bound MILP (the trade-off
   * rows, method §14.5: same input, same rows however busy the machine). */
  exact?: boolean;
}

/** Share of the time limit the plan's own placement gets when the trade-off rows follow (§14.5). */
const BASELINE_SHARE = 0.5;

export async function assemblePlan(inp: PlanInputs): Promise<PlanWithTco> {
  const plan = await assembleUnpriced(inp);
  // Last: the power model reads the replayed utilisation (method §15.5).
  return { ...plan, tco: computeTco(plan) };
}

async function assembleUnpriced(inp: PlanInputs): Promise<Plan> {
  const { settings } = inp;
  // One clock for the plan's placement and the trade-off table's (method §6.5, §14.5): the
  // plan's own placement gets half of it when the table follows, the rows share the rest.
  const limit = settings.placement.timeLimitSeconds;
  const deadline = inp.deadline ? inp.deadline.within(limit) : Deadline.after(limit);
  const tradeOff = settings.replay.tradeOff && !inp.withoutTradeOff && inp.samples !== undefined;
  // Stable order whatever the inventory order: by VM name, then source server name.
  const servers = [...inp.servers].sort((a, b) => cmp(a.vmName, b.vmName) || cmp(a.name, b.name));
  // A VM's "would monopolise a node" rule is measured against the largest host it may get (method §3.6).
  const ctx = {
    noMonitoring: inp.noMonitoring ?? inp.usage.size === 0,
    target: largestTargetHost(settings, inp.catalog),
    shared: new Interner(),
  };
  const sizeAll = (targetGhz: number | undefined) =>
    servers.map((s) => sizeServer(s, inp.usage.get(s.name) ?? null, settings, targetGhz, ctx));

  const series = demandSeriesOf(inp);
  const choice = await chooseHosts({
    settings,
    sizeAll,
    ...(series ? { series } : {}),
    // VMs run on the source hosts (vHost): their clocks are the source clocks (method §5.2).
    sourceGhz: [
      ...servers.map((s) => s.cpuGhz),
      ...(inp.sourceHosts ?? []).map((h) => (h.cpuMhz ? h.cpuMhz / 1000 : null)),
    ],
    catalog: inp.catalog,
    rules: ruleSet(servers, settings),
    onProgress: inp.onProgress,
    deadline: tradeOff ? deadline.share(BASELINE_SHARE) : deadline,
    exact: inp.exact !== false,
  });
  verifyChoice(choice, settings.cluster.redundancy);
  const vms = finishVms(choice);
  const hosts = finishHosts(choice, vms, settings);
  const scenarios = choice.scenarios.map((s) => renameScenario(s, choice.hostNames));

  const candidates = vms.filter((v) => v.status !== 'excluded');
  const k = settings.cluster.redundancy;

  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    project: settings.project,
    title: settings.title ?? `Consolidation plan: ${settings.project}`,
    client: settings.client ?? null,
    inputs: inp.inputFiles,
    settings,
    hostModel: choice.model,
    servers: servers.map(({ source: _source, ...s }) => extend(s, { usage: inp.usage.get(s.name) ?? null })),
    vms,
    ...(inp.sourceHosts?.length ? { sourceHosts: inp.sourceHosts } : {}),
    hosts,
    totals: {
      vcpu: sum(candidates.map((v) => v.vcpu)),
      memoryGb: sum(candidates.map((v) => v.memoryGb)),
      diskGb: sum(candidates.map((v) => v.diskGb)),
      servers: servers.length,
      placed: vms.filter((v) => v.status === 'placed').length,
      excluded: vms.filter((v) => v.status === 'excluded').length,
      unplaced: vms.filter((v) => v.status === 'unplaced').length,
    },
    redundancy: {
      policy: `N+${k}`,
      k,
      satisfied: scenarios.every((s) => s.satisfied) && choice.result.unplaced.length === 0,
      scenarios,
    },
    // The plan's hosts are the one count every report prints (terminal, plan.md, workbook).
    placement: { ...placementSummary(choice.result, settings), hostsUsed: hosts.length },
    findings: sortFindings(inp.findings ?? []),
  };
  if (!inp.samples) return plan;
  // A store's samples are fetched now, after the placement (ingest/project-inputs.ts).
  await inp.samples.load?.();
  await inp.backtest?.load?.();
  const replayed = withReplay(plan, inp.samples, inp.backtest, !inp.withoutTradeOff);

  if (!tradeOff || plan.hosts.length === 0) return replayed;
  const { rows, omitted } = await tradeOffRows(replayed, deadline, (variant, catalog, rowDeadline) =>
    assemblePlan({
      ...inp,
      settings: variant,
      catalog,
      withoutTradeOff: true,
      onProgress: undefined,
      deadline: rowDeadline,
      exact: false,
    }),
  );
  const table = { hostModel: plan.hostModel.name, rows, ...(omitted.length > 0 ? { omitted } : {}) };
  return { ...replayed, replay: { ...replayed.replay!, tradeOff: table } };
}

/** The VMs' demand series when the plan places on them (placement.demand: series, method §14.4). */
export function demandSeriesOf(inp: PlanInputs): DemandSeries | undefined {
  if (inp.settings.placement.demand !== 'series' || !inp.samples) return undefined;
  return demandSeries(
    inp.servers.map((s) => ({ name: s.vmName, source: { server: s.name, ghzPerCpuPct: ghzPerCpuPct(s) } })),
    inp.samples,
    inp.settings.placement.series,
  );
}

/**
 * Replays the planning window on the plan (and a backtest window when given) and adds the
 * overload findings (method §14).
 */
function withReplay(
  plan: Plan,
  planning: MonitoringSamples,
  backtest: MonitoringSamples | undefined,
  failures: boolean,
) {
  const maxOverloadPct = plan.settings.replay.maxOverloadPct;
  const windows = [replayWindow(plan, planning, 'planning', { failures })];
  if (backtest) windows.push(replayWindow(plan, backtest, 'backtest', { failures }));
  const findings = windows.flatMap((w) => replayFindings(w, maxOverloadPct));
  return {
    ...plan,
    findings: sortFindings([...(plan.findings ?? []), ...findings]),
    replay: { maxOverloadPct, windows },
  };
}

/**
 * The verifier (placement/verify.ts), not the optimiser, has the last word: a placement that
 * breaks a rule, or a failover simulation it disagrees with, is a bug, never a plan.
 */
function verifyChoice(choice: HostChoice, k: number): void {
  const violations = verifyPlacement(choice.problem, choice.result);
  const broken = violations.filter((v) => v.rule !== 'failover');
  const comparable = k > 0 && choice.result.hosts.length > k;
  const engineFails = choice.scenarios.some((s) => !s.satisfied);
  const verifierFails = violations.some((v) => v.rule === 'failover');
  if (broken.length > 0 || (comparable && engineFails !== verifierFails)) {
    const what = broken.length ? broken.map((v) => v.message) : ['the failover simulations disagree'];
    throw new InternalError(`the placement does not pass its verification: ${what.join('; ')}`);
  }
}

function finishVms(choice: HostChoice): PlanVm[] {
  const hostOf = new Map<string, string>();
  for (const h of choice.result.hosts) for (const vm of h.vms) hostOf.set(vm, choice.hostNames.get(h.name) ?? h.name);
  const unplaced = new Map(choice.result.unplaced.map((u) => [u.vm, u]));
  // No host could be derived: the reason is the derivation's line, whose step the plan's note holds.
  const first = choice.result.noteSteps?.[0];
  const derivation = first?.code === 'host-derivation' ? { text: choice.result.notes[0], step: first } : null;
  return choice.sized.map(({ vm, excluded }) => {
    const host = excluded ? null : (hostOf.get(vm.name) ?? null);
    const status = excluded ? 'excluded' : host ? 'placed' : 'unplaced';
    const reasons = [...vm.reasons];
    if (status === 'unplaced') {
      // The placement numbers hosts host1, host2, …; the plan names them <prefix>1, <prefix>2, …
      const rename = (r: string) => r.replace(/\bhost([1-9][0-9]*)\b/g, (h) => choice.hostNames.get(h) ?? h);
      const u = unplaced.get(vm.name);
      const why = (u?.reasons ?? ['no host had room left for it']).map(rename);
      const message = why.join('; ');
      const own = why.length === 1 ? u?.steps?.[0] : null;
      const step =
        derivation && message === derivation.text
          ? { step: derivation.step }
          : own
            ? { step: renamedStep(own, rename) }
            : {};
      reasons.push({ code: 'exceeds-host-capacity', message, ...step });
    }
    return extend(vm, { host, status, reasons });
  });
}

/** A placement reason's figures with its host names as the plan names them. */
function renamedStep(step: TextStep, rename: (s: string) => string): TextStep {
  const params = Object.fromEntries(
    Object.entries(step.params).map(([k, v]) => [k, typeof v === 'string' ? rename(v) : v]),
  );
  return { code: step.code, params };
}

function finishHosts(choice: HostChoice, vms: PlanVm[], settings: ProjectSettings): PlanHost[] {
  const { model, capacity, partitions } = choice;
  // Each host's VMs in plan order, grouped once: a filter per host is quadratic at 10,000 VMs.
  const byHost = new Map<string, PlanVm[]>();
  for (const v of vms) {
    if (v.host === null) continue;
    const list = byHost.get(v.host);
    if (list) list.push(v);
    else byHost.set(v.host, [v]);
  }
  return choice.result.hosts.map((h) => {
    const name = choice.hostNames.get(h.name) ?? h.name;
    const mine = byHost.get(name) ?? [];
    const vcpu = sum(mine.map((v) => v.vcpu));
    // What the host carries: guest RAM plus the per-VM overhead, as placement counted it (method §5.1).
    const memoryGb = sum(mine.map((v) => hostMemoryGb(v, settings.hypervisor)));
    return {
      name,
      model: model.name,
      sockets: model.sockets,
      coresPerSocket: model.coresPerSocket,
      threadsPerCore: model.threadsPerCore,
      cpuGhz: model.cpuGhz,
      memoryGb: model.memoryGb,
      nics: model.nics,
      nicGbps: model.nicGbps,
      localDiskMb: model.localDiskMb,
      price: model.price,
      watts: model.watts,
      partitions,
      load: {
        vcpu,
        memoryGb,
        cpuPct: pct(vcpu, capacity.vcpu),
        memoryPct: pct(memoryGb, capacity.memoryGb),
        diskGb: sum(mine.map((v) => v.diskGb)),
        networkMBps: round2(sum(mine.map((v) => v.networkMBps))),
      },
      vms: mine.map((v) => v.name),
      ...(h.group ? { hostGroup: h.group } : {}),
    };
  });
}

function renameScenario(s: FailoverScenario, names: Map<string, string>): FailoverScenario {
  const n = (h: string) => names.get(h) ?? h;
  return {
    ...s,
    failedHosts: s.failedHosts.map(n),
    restarts: s.restarts.map((r) => ({ ...r, from: n(r.from), to: r.to === null ? null : n(r.to) })),
    load: s.load.map((l) => ({ ...l, host: n(l.host) })),
    ...(s.ruleBreaks ? { ruleBreaks: s.ruleBreaks.map((b) => ({ ...b, host: n(b.host) })) } : {}),
  };
}

function placementSummary(r: PlacementResult, settings: ProjectSettings): Plan['placement'] {
  // `seconds` is left out on purpose: plan.json must be byte-identical run to run.
  return {
    method: r.method,
    objective: settings.placement.objective,
    hostsUsed: r.hostsUsed,
    cost: r.cost,
    lowerBound: r.lowerBound,
    optimal: r.optimal,
    bindingResource: r.bindingResource,
    seed: r.seed,
    notes: r.notes,
    ...(r.noteSteps ? { noteSteps: r.noteSteps } : {}),
    ...(r.licences ? { licences: r.licences } : {}),
    ...(r.withoutGroups ? { withoutGroups: r.withoutGroups } : {}),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
