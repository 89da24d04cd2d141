// Everything a project names, read and validated: the inputs of assemblePlan. Shared by
// `plan`, `place` (given a project) and `check`.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { METRIC_NAMES, type InventoryServer, type ServerUsage } from '../domain/server.ts';
import { SeriesSamples } from './series-samples.ts';
import { assessAll } from '../quality/assess-quality.ts';
import { plausibilityFindings } from '../quality/plausibility.ts';
import type { Finding } from '../domain/finding.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { readCatalog } from '../domain/catalog.ts';
import { lineOf, parseText, readStructuredText } from '../domain/load-file.ts';
import { ConfigError, InternalError } from '../domain/errors.ts';
import type { Scenario } from '../domain/scenarios.ts';
import { validateRules } from '../domain/validate-rules.ts';
import { readInventory } from './read-inventory.ts';
import type { MonitoringAnswer, MonitoringSource, ServerSeries } from '../domain/monitoring-source.ts';
import { monitoringSourceFor } from './monitoring-source-for.ts';
import type { MonitoringResult } from './monitoring/read-monitoring.ts';
import { installedMemory, mergeInventory } from './monitoring-inventory.ts';
import { applyDeclaredUnits } from './monitoring/declared-units.ts';
import type { SourceHost } from '../domain/server-origin.ts';
import { matchServerNames, type NameMatchResult } from './match-names.ts';
import { InputError } from '../domain/errors.ts';
import { loadProject, type LoadedProject, type ProjectData, type ProjectSettings } from '../domain/project.ts';

/** `progress` shows a store's queries on a TTY (a person is watching). */
export async function readProjectInputs(
  projectPath: string,
  opts: { progress?: (message: string) => void } = {},
): Promise<{
  project: LoadedProject;
  inputs: ProjectData;
  names: NameMatchResult | null;
  /** Each scenario's inputs: the same data read once, with the scenario's settings and catalog. */
  scenarios: { scenario: Scenario<ProjectSettings>; inputs: ProjectData }[];
}> {
  const project = await loadProject(projectPath);
  const { settings } = project;
  // A folder of monitoring files (a trace folder) is read as its files, in name order.
  const given = project.monitoring;
  const input = given.kind === 'files' ? { ...given, files: await expandFolders(given.files) } : given;
  const source = monitoringSourceFor(input, [], opts.progress, settings.inputs);
  const { servers, usage, findings, names, sourceHosts, samples } = await readServerData(
    project.inventoryFile,
    source,
    settings,
    project.scenarios.map((s) => s.settings.sizing.statistic),
  );
  if (servers.length === 0) throw new InputError(noServerMessage(project), { file: noServerFile(project) });
  // A placement on demand series (method §14.4) reads them before it places: fetched now.
  if ([settings, ...project.scenarios.map((s) => s.settings)].some((s) => s.placement.demand === 'series'))
    await samples?.load?.();
  const projectText = await readStructuredText(project.file);
  validateRules(servers, settings, project.file, projectText);
  project.scenarios.forEach((s, i) => {
    validateScenarioRules(servers, s.settings, settings, { file: project.file, text: projectText, index: i });
  });
  // From here on a file is named relative to the project, as inputFiles names it: the plan and
  // its reports carry no folder of the consultant's machine, and the same project gives the
  // same bytes wherever it lies.
  const rel = (f: string) => projectRelative(project.dir, f);
  const catalog = project.catalogFile ? await readCatalog(project.catalogFile) : null;
  const files = [
    project.file,
    ...(project.inventoryFile ? [project.inventoryFile] : []),
    ...project.monitoringFiles,
    ...(project.catalogFile ? [project.catalogFile] : []),
  ];
  const inputFiles = await Promise.all(
    (await expandFolders(files)).map(async (f) => ({
      file: rel(f),
      sha256: await sha256(f),
    })),
  );
  const noMonitoring = project.monitoring.kind === 'files' && project.monitoring.files.length === 0;
  const baseline: ProjectData = {
    settings,
    servers: servers.map((s) => ({ ...s, source: { ...s.source, file: rel(s.source.file) } })),
    usage,
    catalog,
    inputFiles,
    findings: findings.map((f) => (f.file === undefined ? f : { ...f, file: rel(f.file) })),
    noMonitoring,
    ...(sourceHosts.length ? { sourceHosts } : {}),
    ...(samples ? { samples } : {}),
  };
  const scenarios = [];
  for (const scenario of project.scenarios) {
    const given = scenario.settings.inputs.catalog;
    const file = given ? path.resolve(project.dir, given) : null;
    if (file === project.catalogFile) {
      scenarios.push({ scenario, inputs: { ...baseline, settings: scenario.settings } });
      continue;
    }
    // Its own catalog replaces the project's among the inputs it names.
    const others = inputFiles.filter((f) => !project.catalogFile || f.file !== rel(project.catalogFile));
    const own = file ? [{ file: rel(file), sha256: await sha256(file) }] : [];
    const inputs = {
      ...baseline,
      settings: scenario.settings,
      catalog: file ? await readCatalog(file) : null,
      inputFiles: [...others, ...own],
    };
    scenarios.push({ scenario, inputs });
  }
  return { project, inputs: baseline, scenarios, names };
}

/**
 * A scenario whose placement rules differ from the project's is checked against the
 * inventory too; its problems are named under the scenario (`scenarios[1].placement.rules…`).
 */
function validateScenarioRules(
  servers: InventoryServer[],
  own: ProjectSettings,
  project: ProjectSettings,
  at: { file: string; text: string; index: number },
): void {
  const rules = (s: ProjectSettings) => JSON.stringify([s.placement.rules, s.placement.licenses]);
  if (rules(own) === rules(project)) return;
  try {
    validateRules(servers, own, at.file, at.text);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const { doc, lines } = parseText(at.text, at.file, 'yaml').document();
    const row = lineOf(doc, ['scenarios', at.index], lines);
    throw new ConfigError(
      at.file,
      err.issues.map((i) => ({
        path: `scenarios[${at.index}].${i.path}`,
        message: i.message,
        ...(row ? { row } : {}),
      })),
    );
  }
}

/**
 * The servers and what their monitoring says, with the data-quality verdict applied:
 * what sizing needs. Any inventory the readers know (capplan CSV, RVTools xlsx or CSV
 * folder) and any monitoring format they detect (docs/ingest.md): `plan` and `check` read data
 * exactly as `ingest` does.
 */
export async function readServerData(
  inventoryFile: string | null,
  source: MonitoringSource,
  settings: Pick<ProjectSettings, 'sizing' | 'quality'> & { inputs?: Partial<ProjectSettings['inputs']> },
  /** Statistics other plans of the same data will size on (scenarios): their percentiles are computed too. */
  alsoStatistics: Record<string, string>[] = [],
): Promise<{
  servers: InventoryServer[];
  usage: Map<string, ServerUsage>;
  findings: Finding[];
  /** The samples (files), or a store's demand series at its slot seen as samples (method §14.1). */
  samples?: MonitoringSamples;
  samplesOfFiles?: (files: string[]) => MonitoringSamples;
  sourceHosts: SourceHost[];
  names: NameMatchResult | null;
}> {
  const inputs = settings.inputs ?? {};
  const csv = inputs.csv ?? {};
  // A plan names the templates it leaves out (not migratable, method §4), so it reads them.
  const inventory = inventoryFile
    ? await readInventory(inventoryFile, {
        csv,
        ...(inputs.columns?.inventory ? { columnMap: inputs.columns.inventory } : {}),
      })
    : null;
  // Files read into capplan's store also say which format each was and the inventory they carry.
  const monitoring: MonitoringAnswer & Pick<MonitoringResult, 'files' | 'inventory'> = await source.statistics({
    percentiles: requestedPercentiles([settings.sizing.statistic, ...alsoStatistics]),
    servers: (inventory?.servers ?? []).map((s) => s.name),
    ...installedMemory(inventory?.servers ?? []),
    // The replay (method §14) puts the samples themselves back on the plan: a file source keeps them.
    keepSamples: true,
  });
  // A monitoring source that carries inventory (Bitbrains, nmon) fills the inventory when none is
  // given, and its blanks when one is (ingest/monitoring-inventory.ts).
  const merged = mergeInventory(inventory?.servers ?? null, monitoring.inventory ?? []);
  const servers = merged.servers;
  // inputs.units: a capplan-shaped column (long, wide CSV) in another unit is converted here.
  const shaped = new Set(
    (monitoring.files ?? []).filter((f) => f.format === 'long' || f.format === 'wide').flatMap((f) => f.servers),
  );
  const converted = inputs.units ? applyDeclaredUnits(monitoring.servers, shaped, inputs.units) : monitoring.servers;
  // Monitoring names as the inventory spells them (case, FQDN, \\HOST, vm_name: match-names.ts).
  const names = servers.length && converted.length ? matchServerNames(servers, converted) : null;
  const monitored = names ? names.usage : converted;
  // A server without enough data is flagged (missing performance data), not silently sized.
  const verdict = assessAll(
    servers.map((s) => s.name),
    monitored,
    { ...settings.quality, minSamples: settings.sizing.minSamples },
  );
  // The verdict is set on the usage itself, not on a copy: the name match (kept for the
  // command's unmatched-names table) holds these objects too, and a copy would keep two per
  // server for the whole run.
  for (const u of monitored) u.quality = verdict.quality.get(u.server) ?? u.quality;
  const usage = new Map(monitored.map((u) => [u.server, u]));
  const { samplesOfFiles } = monitoring;
  const samples = monitoring.samples ?? storeSamples(source, servers, usage);
  return {
    servers,
    usage,
    findings: [
      ...(inventory?.findings ?? []),
      ...merged.findings,
      ...monitoring.findings,
      ...verdict.findings,
      ...plausibilityFindings(servers, usage),
    ],
    sourceHosts: inventory?.sourceHosts ?? [],
    names,
    ...(samples ? { samples } : {}),
    ...(samplesOfFiles ? { samplesOfFiles } : {}),
  };
}

/**
 * A store keeps the samples: the replay (method §14.1) reads each server's demand series at
 * the store's slot instead (the highest sample of each slot), every metric the source maps.
 * They are fetched when the plan first needs them (load()): the replay, after the placement.
 * At 100,000 servers they are 134 MB, and the placement is where a plan's memory peaks; held
 * through it, they added their size to that peak.
 */
function storeSamples(
  source: MonitoringSource,
  servers: readonly InventoryServer[],
  usage: Map<string, ServerUsage>,
): MonitoringSamples | undefined {
  const slotSecondsOf = source.replaySlotSeconds?.bind(source);
  if (!slotSecondsOf || usage.size === 0) return undefined;
  const slotSeconds = slotSecondsOf([...usage.values()]);
  const names = servers.map((s) => s.name).filter((n) => usage.has(n));
  let loaded: MonitoringSamples | undefined;
  let loading: Promise<void> | undefined;
  const fetch = async () => {
    // Packed server by server as the store answers (ingest/series-samples.ts).
    const packed = new SeriesSamples(slotSeconds);
    const onServer = (s: ServerSeries) => packed.add(s);
    await source.series({ servers: names, metrics: [...METRIC_NAMES], slotSeconds, statistic: 'max', onServer });
    loaded = packed.samples();
  };
  const ready = () => {
    if (!loaded) throw new InternalError("a store's samples were read before load()");
    return loaded;
  };
  return {
    load: () => {
      loading ??= fetch();
      return loading;
    },
    visit: (server, fn) => ready().visit(server, fn),
    span: (server) => ready().span(server),
    intervalSeconds: (server) => ready().intervalSeconds(server),
  };
}

/**
 * An inventory (or, without one, monitoring) that names no server leaves nothing to plan: bad
 * input, said before anything is written, rather than a plan of 0 servers on 0 hosts.
 */
function noServerMessage(project: LoadedProject): string {
  return project.inventoryFile
    ? 'the inventory holds no server (a header and no rows?): there is nothing to plan'
    : 'the monitoring names no server (a header and no samples?): there is nothing to plan';
}

function noServerFile(project: LoadedProject): string {
  return project.inventoryFile ?? project.monitoringFiles[0] ?? project.file;
}

/** A path inside or beside the project, relative to its folder with `/` separators; a name that is not a path stays. */
function projectRelative(dir: string, file: string): string {
  // The project folder may itself be given relative to the working directory, and the files
  // found in it then are too (`fixtures/x/inventory.csv`); a store's name (a URL) is neither.
  const inProject = path.isAbsolute(file) || file === dir || file.startsWith(dir + path.sep);
  return inProject ? path.relative(dir, file).split(path.sep).join('/') : file;
}

/** Percentiles the sizing statistics ask for (e.g. p90), beside the standard ones. */
function requestedPercentiles(statistics: Record<string, string>[]): number[] {
  const ps = new Set([50, 95, 99]);
  for (const s of statistics.flatMap((st) => Object.values(st))) if (s.startsWith('p')) ps.add(Number(s.slice(1)));
  return [...ps].sort((a, b) => a - b);
}

/** A folder input (RVTools CSV export, trace folder) is recorded as its files, in name order. */
async function expandFolders(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    if ((await stat(f)).isDirectory()) out.push(...(await readdir(f)).sort().map((n) => path.join(f, n)));
    else out.push(f);
  }
  return out;
}

/** sha256 of a file; of an RVTools CSV export folder, of its files' names and bytes in name order. */
export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  if ((await stat(file)).isDirectory()) {
    for (const name of (await readdir(file)).sort()) {
      const p = path.join(file, name);
      if (!(await stat(p)).isFile()) continue;
      hash.update(`${name}\0`).update(await readFile(p));
    }
    return hash.digest('hex');
  }
  return hash.update(await readFile(file)).digest('hex');
}
