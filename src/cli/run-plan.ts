// `capplan plan <project>`: read the inputs, assemble the plan, render every output in
// memory, then write them (atomically, each) and print the terminal summary.
import path from 'node:path';
import { readProjectInputs } from '../ingest/project-inputs.ts';
import { assemblePlan } from '../plan/assemble.ts';
import { renderReportFiles, renderTerminalSummary } from '../report/index.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { proposalFromPlan } from '../check/proposal-from-plan.ts';
import { progressReporter, useColor } from './tty.ts';

export interface PlanArgs {
  project: string;
  out?: string;
  emitProposal?: string;
}

export async function runPlan(args: PlanArgs): Promise<number> {
  const { inputs, project } = await readProjectInputs(args.project);
  const progress = progressReporter();
  const plan = await assemblePlan({ ...inputs, onProgress: progress });
  progress.done();

  const outputs = await renderReportFiles(plan);
  const outDir = args.out ?? path.join('reports', plan.project);
  if (args.emitProposal !== undefined) {
    // Rendered with the rest, before anything is written. A file named on the command line
    // is where the user said (relative to the working directory); none: beside the plan.
    const file = args.emitProposal ? path.resolve(args.emitProposal) : path.resolve(outDir, 'proposal.yaml');
    const text = proposalFromPlan(plan, { projectDir: project.dir, proposalDir: path.dirname(file) });
    outputs.push({ name: path.relative(path.resolve(outDir), file), data: text });
  }
  const written = await writeFilesAtomic(outDir, outputs);

  process.stdout.write(renderTerminalSummary(plan, { color: useColor() }));
  process.stdout.write(`\nWrote ${written.length} files to ${outDir}: ${outputs.map((o) => o.name).join(', ')}\n`);
  // Exit 1 when the plan does not hold: a VM left unplaced or a failure it cannot survive.
  return plan.totals.unplaced > 0 || !plan.redundancy.satisfied ? 1 : 0;
}
