// Everything a project names, read and validated: the inputs of assemblePlan. Shared by
// `plan`, `place` (given a project) and `check`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlanInputs } from '../plan/assemble.ts';
import { readCatalog } from './catalog.ts';
import { readInventoryCsv } from './inventory-csv.ts';
import { readMonitoring } from './monitoring/read-monitoring.ts';
import { loadProject, type LoadedProject } from './project-file.ts';

export async function readProjectInputs(projectPath: string): Promise<{ project: LoadedProject; inputs: PlanInputs }> {
  const project = await loadProject(projectPath);
  const { settings } = project;
  const servers = await readInventoryCsv(project.inventoryFile);
  const monitoring = await readMonitoring(project.monitoringFiles, { percentiles: requestedPercentiles(settings.sizing.statistic) });
  const usage = new Map(monitoring.servers.map((u) => [u.server, u]));
  const catalog = project.catalogFile ? await readCatalog(project.catalogFile) : null;
  const files = [project.file, project.inventoryFile, ...project.monitoringFiles, ...(project.catalogFile ? [project.catalogFile] : [])];
  const inputFiles = await Promise.all(
    files.map(async (f) => ({ file: path.relative(project.dir, f).split(path.sep).join('/'), sha256: await sha256(f) })),
  );
  return { project, inputs: { settings, servers, usage, catalog, inputFiles } };
}

/** Percentiles the sizing statistics ask for (e.g. p90), beside the standard ones. */
export function requestedPercentiles(statistic: Record<string, string>): number[] {
  const ps = new Set([50, 95, 99]);
  for (const s of Object.values(statistic)) if (s.startsWith('p')) ps.add(Number(s.slice(1)));
  return [...ps].sort((a, b) => a - b);
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}
