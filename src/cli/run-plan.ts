// `capplan plan <project>`: read the inputs, assemble the plan, render every output in
// memory, then write them (atomically, each) and print the terminal summary.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadProject } from '../ingest/project-file.ts';
import { readCatalog, readInventoryCsv, readMonitoring } from '../ingest/index.ts';
import { assemblePlan } from '../plan/assemble.ts';
import { renderPlanOutputs } from '../plan/outputs.ts';
import { renderTerminalSummary } from '../report/index.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { progressReporter, useColor } from './tty.ts';

export async function runPlan(args: { project: string; out?: string }): Promise<number> {
  const project = await loadProject(args.project);
  const { settings } = project;
  const progress = progressReporter();
  const servers = await readInventoryCsv(project.inventoryFile);
  const monitoring = await readMonitoring(project.monitoringFiles, { percentiles: requestedPercentiles(settings.sizing.statistic) });
  const usage = new Map(monitoring.servers.map((u) => [u.server, u]));
  const catalog = project.catalogFile ? await readCatalog(project.catalogFile) : null;
  const files = [project.inventoryFile, ...project.monitoringFiles, ...(project.catalogFile ? [project.catalogFile] : [])];
  const inputFiles = await Promise.all(
    [project.file, ...files].map(async (f) => ({ file: path.relative(project.dir, f).split(path.sep).join('/'), sha256: await sha256(f) })),
  );
  const plan = await assemblePlan({ settings, servers, usage, catalog, inputFiles, onProgress: progress });
  progress.done();

  const outputs = await renderPlanOutputs(plan);
  const outDir = args.out ?? path.join('reports', settings.project);
  const written = await writeFilesAtomic(outDir, outputs);

  process.stdout.write(renderTerminalSummary(plan, { color: useColor() }));
  process.stdout.write(`\nWrote ${written.length} files to ${outDir}: ${outputs.map((o) => o.name).join(', ')}\n`);
  // Exit 1 when the plan does not hold: a VM left unplaced or a failure it cannot survive.
  return plan.totals.unplaced > 0 || !plan.redundancy.satisfied ? 1 : 0;
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
