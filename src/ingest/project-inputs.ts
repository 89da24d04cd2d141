// Everything a project names, read and validated: the inputs of assemblePlan. Shared by
// `plan`, `place` (given a project) and `check`.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InventoryServer, ServerUsage } from '../domain/server.ts';
import { assessAll } from '../quality/assess-quality.ts';
import type { Finding } from '../domain/finding.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { readCatalog } from '../domain/catalog.ts';
import { readStructuredText } from '../domain/load-file.ts';
import { validateRules } from '../domain/validate-rules.ts';
import { readInventory } from './read-inventory.ts';
import type { MonitoringSource } from '../domain/monitoring-source.ts';
import { monitoringSourceFor } from './monitoring-source-for.ts';
import { matchServerNames, type NameMatchResult } from './match-names.ts';
import { loadProject, type LoadedProject, type ProjectData, type ProjectSettings } from '../domain/project.ts';

/** `progress` shows a store's queries on a TTY (a person is watching). */
export async function readProjectInputs(
  projectPath: string,
  opts: { progress?: (message: string) => void } = {},
): Promise<{ project: LoadedProject; inputs: ProjectData; names: NameMatchResult | null }> {
  const project = await loadProject(projectPath);
  const { settings } = project;
  const source = monitoringSourceFor(project.monitoring, [], opts.progress, settings.inputs);
  const { servers, usage, findings, names, samples } = await readServerData(project.inventoryFile, source, settings);
  validateRules(servers, settings, project.file, await readStructuredText(project.file));
  const catalog = project.catalogFile ? await readCatalog(project.catalogFile) : null;
  const files = [
    project.file,
    project.inventoryFile,
    ...project.monitoringFiles,
    ...(project.catalogFile ? [project.catalogFile] : []),
  ];
  const inputFiles = await Promise.all(
    files.map(async (f) => ({
      file: path.relative(project.dir, f).split(path.sep).join('/'),
      sha256: await sha256(f),
    })),
  );
  return {
    project,
    inputs: { settings, servers, usage, catalog, inputFiles, findings, ...(samples ? { samples } : {}) },
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
  inventoryFile: string,
  source: MonitoringSource,
  settings: Pick<ProjectSettings, 'sizing' | 'quality'> & { inputs?: Partial<ProjectSettings['inputs']> },
): Promise<{
  servers: InventoryServer[];
  usage: Map<string, ServerUsage>;
  findings: Finding[];
  /** The samples, when the source keeps them (files); a store's statistics come without. */
  samples?: MonitoringSamples;
  samplesOfFiles?: (files: string[]) => MonitoringSamples;
  names: NameMatchResult | null;
}> {
  const inputs = settings.inputs ?? {};
  const csv = inputs.csv ?? {};
  // A plan names the templates it leaves out (not migratable, method §4), so it reads them.
  const inventory = await readInventory(inventoryFile, {
    templates: 'include',
    csv,
    ...(inputs.columns?.inventory ? { columnMap: inputs.columns.inventory } : {}),
  });
  const servers = inventory.servers;
  const monitoring = await source.statistics({
    percentiles: requestedPercentiles(settings.sizing.statistic),
    servers: servers.map((s) => s.name),
    // The replay (method §14) puts the samples themselves back on the plan: a file source keeps them.
    keepSamples: true,
  });
  // Monitoring names as the inventory spells them (case, FQDN, \\HOST, vm_name: match-names.ts).
  const names = servers.length && monitoring.servers.length ? matchServerNames(servers, monitoring.servers) : null;
  const monitored = names ? names.usage : monitoring.servers;
  // A server without enough data is flagged (missing performance data), not silently sized.
  const verdict = assessAll(
    servers.map((s) => s.name),
    monitored,
    { ...settings.quality, minSamples: settings.sizing.minSamples },
  );
  const usage = new Map(
    monitored.map((u) => [u.server, { ...u, quality: verdict.quality.get(u.server) ?? u.quality }]),
  );
  const findings = [...inventory.findings, ...monitoring.findings, ...verdict.findings];
  const { samples, samplesOfFiles } = monitoring;
  return { servers, usage, findings, names, ...(samples && samplesOfFiles ? { samples, samplesOfFiles } : {}) };
}

/** Percentiles the sizing statistics ask for (e.g. p90), beside the standard ones. */
function requestedPercentiles(statistic: Record<string, string>): number[] {
  const ps = new Set([50, 95, 99]);
  for (const s of Object.values(statistic)) if (s.startsWith('p')) ps.add(Number(s.slice(1)));
  return [...ps].sort((a, b) => a - b);
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
