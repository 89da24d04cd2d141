import { deriveHost, growHostSpec, hypervisorPartitions, } from "../sizing/index.js";
import { simulateFailures, solvePlacement } from "../placement/index.js";
import { hostCapacity, placementResources, toPlacementModel } from "../sizing/host-capacity.js";
const MAX_GROWTH_STEPS = 24;
export async function chooseHosts(inp) {
    return inp.settings.cluster.mode === 'catalog' && inp.catalog
        ? chooseFromCatalog(inp, inp.catalog)
        : chooseDerived(inp);
}
async function chooseDerived(inp) {
    const { settings } = inp;
    const known = inp.sourceGhz.filter((g) => g !== null);
    // The derived host's clock (sizing/derive-host.ts): minCpuGhz, else the slowest source.
    const targetGhz = settings.cluster.minCpuGhz ?? (known.length ? Math.min(...known) : undefined);
    const sized = inp.sizeAll(settings.sizing.cpuNormalisation === 'clock' ? targetGhz : undefined);
    const candidates = sized.filter((s) => !s.excluded).map((s) => s.vm);
    const k = settings.cluster.redundancy;
    const counts = settings.cluster.hostCount
        ? [settings.cluster.hostCount]
        : Array.from({ length: 64 }, (_, i) => k + 1 + i);
    let last;
    let lastReason;
    for (const n of counts) {
        const derived = deriveHost(candidates, inp.sourceGhz, settings, n);
        if (!derived.host) {
            lastReason = derived.reason;
            continue;
        }
        let spec = derived.host;
        for (let step = 0; spec && step < MAX_GROWTH_STEPS; step++) {
            inp.onProgress?.(`placing ${candidates.length} VMs on ${n} × (${describe(spec)})`);
            const attempt = await placeOn(spec, sized, settings, n);
            if (holds(attempt))
                return attempt;
            last ??= attempt;
            const tight = tightestResource(attempt);
            const grown = growHostSpec(spec, tight, settings);
            spec = grown && {
                ...grown,
                derivation: [
                    ...spec.derivation,
                    `bin-packing needed more ${tight === 'cpu' ? 'CPU' : 'memory'} than the ideal share: grown to ${describe(grown)}`,
                ],
            };
        }
    }
    return last ?? noHostChoice(sized, settings, lastReason);
}
/** No standard host can be derived: every candidate is unplaced, with the reason. */
function noHostChoice(sized, settings, reason) {
    const message = reason?.message ?? 'no standard host shape fits the hypervisor limits';
    const model = {
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
        derivation: [message],
    };
    const problem = buildProblem(model, sized, settings, 0, 0);
    const result = {
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
async function chooseFromCatalog(inp, catalog) {
    const { settings } = inp;
    const models = [...catalog].sort((a, b) => a.price - b.price || (a.name < b.name ? -1 : 1));
    let best;
    const tried = [];
    // Sizing depends on the model only under clock normalisation; otherwise size once.
    const clock = settings.sizing.cpuNormalisation === 'clock';
    const unscaled = clock ? null : inp.sizeAll(undefined);
    for (const model of models) {
        const sized = unscaled ?? inp.sizeAll(model.cpuGhz);
        inp.onProgress?.(`catalog: trying ${model.name}`);
        const attempt = await placeOn({ ...model, derivation: [] }, sized, settings, undefined);
        const ok = holds(attempt);
        tried.push(`${model.name}: ${ok ? `${attempt.result.hostsUsed} hosts, cost ${attempt.result.hostsUsed * model.price}` : 'cannot hold the load with N+k'}`);
        if (!best || better(attempt, best))
            best = attempt;
    }
    if (!best)
        throw new Error('the host catalog is empty');
    best.model = {
        ...best.model,
        derivation: [`catalog: cheapest model holding every VM with N+${settings.cluster.redundancy}`, ...tried],
    };
    return best;
}
function better(a, b) {
    const ha = holds(a);
    const hb = holds(b);
    if (ha !== hb)
        return ha;
    if (!ha)
        return a.result.unplaced.length < b.result.unplaced.length;
    const ca = a.result.hostsUsed * a.model.price;
    const cb = b.result.hostsUsed * b.model.price;
    return ca < cb || (ca === cb && a.result.hostsUsed < b.result.hostsUsed);
}
async function placeOn(model, sized, settings, hostCount) {
    const partitions = hypervisorPartitions(model.memoryGb, model.localDiskMb, settings.partitions);
    const capacity = hostCapacity(model, settings, partitions.totalMb);
    const problem = buildProblem(model, sized, settings, partitions.totalMb, hostCount);
    const result = await solvePlacement(problem);
    const scenarios = settings.cluster.redundancy > 0 ? simulateFailures(problem, result) : [];
    const prefix = settings.cluster.hostNamePrefix;
    const hostNames = new Map(result.hosts.map((h, i) => [h.name, `${prefix}${i + 1}`]));
    return { model, capacity, partitions, sized, problem, result, scenarios, hostNames };
}
export function buildProblem(model, sized, settings, partitionsTotalMb, hostCount) {
    const resources = placementResources(settings);
    const c = settings.cluster;
    return {
        resources,
        hostModels: [toPlacementModel(model, settings, partitionsTotalMb)],
        vms: sized
            .filter((s) => !s.excluded)
            .map(({ vm }) => ({
            name: vm.name,
            demand: Object.fromEntries(resources.map((r) => [r, vm[r]])),
            haPriority: vm.haPriority,
        })),
        redundancy: c.redundancy,
        ceilingPct: { vcpu: c.cpuCeilingPct, memoryGb: c.memoryCeilingPct, diskGb: 100 },
        failoverCeilingPct: c.failoverCeilingPct,
        objective: settings.placement.objective,
        timeLimitSeconds: settings.placement.timeLimitSeconds,
        seed: settings.placement.seed,
        ...(hostCount ? { hostCount } : {}),
    };
}
function holds(c) {
    return c.result.unplaced.length === 0 && c.scenarios.every((s) => s.satisfied);
}
/** The resource closest to its limit across hosts and failure scenarios. */
function tightestResource(c) {
    const total = (r) => c.problem.vms.reduce((a, v) => a + (v.demand[r] ?? 0), 0);
    const survivors = Math.max(1, c.result.hosts.length - c.problem.redundancy);
    const cpu = total('vcpu') / (survivors * c.capacity.vcpu);
    const mem = total('memoryGb') / (survivors * c.capacity.memoryGb);
    return cpu >= mem ? 'cpu' : 'memory';
}
function describe(m) {
    return `${m.sockets} × ${m.coresPerSocket} cores, ${m.memoryGb} GB`;
}
