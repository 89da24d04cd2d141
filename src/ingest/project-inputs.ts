// Everything a project names, read and validated: the inputs of assemblePlan. Shared by
// `plan`, `place` (given a project) and `check`.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InventoryServer, ServerUsage } from '../domain/server.ts';
import { assessAll } from '../quality/assess-quality.ts';
import { plausibilityFindings } from '../quality/plausibility.ts';
import type { Finding } from '../domain/finding.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { readCatalog } from '../domain/catalog.ts';
import { readStructuredText } from '../domain/load-file.ts';
import { validateRules } from '../domain/validate-rules.ts';
import { readInventory } from './read-inventory.ts';
import type { MonitoringAnswer, MonitoringSource } from '../domain/monitoring-source.ts';
import { monitoringSourceFor } from './monitoring-source-for.ts';
import type { MonitoringResult } from './monitoring/read-monitoring.ts';
import { mergeInventory } from './monitoring-inventory.ts';
import { applyDeclaredUnits } from './monitoring/declared-units.ts';
import type { SourceHost } from '../domain/server-origin.ts';
import { matchServerNames, type NameMatchResult } from './match-names.ts';
import { InputError } from '../domain/errors.ts';
import { loadProject, type LoadedProject, type ProjectData, type ProjectSettings } from '../domain/project.ts';

/** `progress` shows a store's queries on a TTY (a person is watching). */
export async function readProjectInputs(
  projectPath: string,
  opts: { progress?: (message: string) => void } = {},
): Promise<{ project: LoadedProject; inputs: ProjectData; names: NameMatchResult | null }> {
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
  );
  if (servers.length === 0) throw new InputError(noServerMessage(project), { file: noServerFile(project) });
  validateRules(servers, settings, project.file, await readStructuredText(project.file));
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
  return {
    project,
    inputs: {
      settings,
      servers: servers.map((s) => ({ ...s, source: { ...s.source, file: rel(s.source.file) } })),
      usage,
      catalog,
      inputFiles,
      findings: findings.map((f) => (f.file === undefined ? f : { ...f, file: rel(f.file) })),
      noMonitoring,
      ...(sourceHosts.length ? { sourceHosts } : {}),
      ...(samples ? { samples } : {}),
    },
    names,
  };
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
): Promise<{
  servers: InventoryServer[];
  usage: Map<string, ServerUsage>;
  findings: Finding[];
  /** The samples, when the source keeps them (files); a store's statistics come without. */
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
    percentiles: requestedPercentiles(settings.sizing.statistic),
    servers: (inventory?.servers ?? []).map((s) => s.name),
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
  const usage = new Map(
    monitored.map((u) => [u.server, { ...u, quality: verdict.quality.get(u.server) ?? u.quality }]),
  );
  const { samples, samplesOfFiles } = monitoring;
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
    ...(samples && samplesOfFiles ? { samples, samplesOfFiles } : {}),
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
  return path.isAbsolute(file) ? path.relative(dir, file).split(path.sep).join('/') : file;
}

/** Percentiles the sizing statistics ask for (e.g. p90), beside the standard ones. */
function requestedPercentiles(statistic: Record<string, string>): number[] {
  const ps = new Set([50, 95, 99]);
  for (const s of Object.values(statistic)) if (s.startsWith('p')) ps.add(Number(s.slice(1)));
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
