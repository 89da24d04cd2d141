// `capplan plan <project>`: read the inputs, assemble the plan, render every output in
// memory, then write them (atomically, each) and print the terminal summary.
import path from 'node:path';
import { readProjectInputs } from '../ingest/project-inputs.ts';
import { assemblePlan } from '../plan/assemble.ts';
import { renderPlanOutputs } from '../plan/outputs.ts';
import { renderTerminalSummary } from '../report/index.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { progressReporter, useColor } from './tty.ts';

export async function runPlan(args: { project: string; out?: string }): Promise<number> {
  const { inputs } = await readProjectInputs(args.project);
  const progress = progressReporter();
  const plan = await assemblePlan({ ...inputs, onProgress: progress });
  progress.done();

  const outputs = await renderPlanOutputs(plan);
  const outDir = args.out ?? path.join('reports', plan.project);
  const written = await writeFilesAtomic(outDir, outputs);

  process.stdout.write(renderTerminalSummary(plan, { color: useColor() }));
  process.stdout.write(`\nWrote ${written.length} files to ${outDir}: ${outputs.map((o) => o.name).join(', ')}\n`);
  // Exit 1 when the plan does not hold: a VM left unplaced or a failure it cannot survive.
  return plan.totals.unplaced > 0 || !plan.redundancy.satisfied ? 1 : 0;
}
