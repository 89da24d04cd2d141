// `capplan plan <project>`: read the inputs, assemble the plan, render every output in
// memory (plan.json as it is written), then write them (atomically, each) and print the
// terminal summary.
import path from 'node:path';
import { readProjectInputs } from '../ingest/project-inputs.ts';
import { planScenarios } from '../plan/scenarios.ts';
import { readWindowSamples } from '../ingest/window-samples.ts';
import { nothingPlacedReasons, renderReportFiles, renderTerminalSummary } from '../report/index.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { proposalFromPlan } from '../check/proposal-from-plan.ts';
import type { Plan } from '../domain/plan.ts';
import { progressReporter, useColor } from './tty.ts';
import { renderUnmatchedTable } from '../ingest/output/unmatched-table.ts';
import { Deadline } from '../placement/deadline.ts';
import { writtenFilesLine } from './written-files.ts';
import { messagesFor } from '../report/messages/index.ts';

/**
 * Part of the time left after reading that is kept for rendering and writing the reports
 * (method §6.5): a plan of many hosts takes seconds to render, and the limit counts from the
 * command's start, like `capplan place`'s.
 */
const REPORT_SHARE = 0.25;

export interface PlanArgs {
  project: string;
  out?: string;
  emitProposal?: string;
  replay?: string[];
}

export async function runPlan(args: PlanArgs): Promise<number> {
  const progress = progressReporter();
  const { inputs, project, names, scenarios: scenarioInputs } = await readProjectInputs(args.project, { progress });
  const backtest = args.replay?.length ? (await readWindowSamples(args.replay)).samples : undefined;
  // The data is read once; the baseline and each scenario are planned on it (plan/scenarios.ts).
  const clock = Deadline.afterStart(inputs.settings.placement.timeLimitSeconds).share(1 - REPORT_SHARE);
  const { baseline: plan, scenarios } = await planScenarios(
    { ...inputs, onProgress: progress, deadline: clock, ...(backtest ? { backtest } : {}) },
    scenarioInputs,
  );
  progress.done();

  const outputs = await renderReportFiles(
    plan,
    undefined,
    scenarios.map((s) => s.plan),
  );
  // Each scenario's plan.json and plan.md (with its charts) in scenarios/<slug>/.
  for (const s of scenarios)
    for (const f of await renderReportFiles(s.plan, ['json', 'md']))
      outputs.push({ name: `scenarios/${s.slug}/${f.name}`, data: f.data });
  const outDir = args.out ?? path.join('reports', plan.project);
  if (args.emitProposal !== undefined) {
    // Rendered with the rest, before anything is written. A file named on the command line
    // is where the user said (relative to the working directory); none: beside the plan.
    const file = args.emitProposal ? path.resolve(args.emitProposal) : path.resolve(outDir, 'proposal.yaml');
    const text = proposalFromPlan(plan, { projectDir: project.dir, proposalDir: path.dirname(file) });
    outputs.push({ name: path.relative(path.resolve(outDir), file), data: text });
  }
  await writeFilesAtomic(outDir, outputs);

  if (names) process.stdout.write(renderUnmatchedTable(names));
  process.stdout.write(renderTerminalSummary(plan, { color: useColor() }));
  const k = messagesFor(plan).terminal;
  for (const { plan: p } of scenarios) {
    const { hostsUsed } = p.placement;
    // JSON quoting: a client's name cannot move the cursor or colour the terminal.
    const line = k.scenario(
      JSON.stringify(p.scenario?.name),
      hostsUsed,
      p.hostModel.name,
      p.redundancy.policy,
      p.redundancy.satisfied,
    );
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(
    `\n${writtenFilesLine(
      outDir,
      outputs.map((o) => o.name),
      k,
    )}\n`,
  );
  const empty = emptyPlanReason(plan);
  if (empty) process.stderr.write(`capplan: ${empty}\n`);
  // Exit 1 when the plan does not hold: no VM placed, a VM left unplaced, a failure it
  // cannot survive, or a backtest window it was overloaded on (method §14.3).
  const backtestFailed = plan.replay?.windows.some((w) => w.role === 'backtest' && w.overloaded) ?? false;
  return empty || plan.totals.unplaced > 0 || !plan.redundancy.satisfied || backtestFailed ? 1 : 0;
}

/** Why a plan places nothing (every server excluded or unplaced), or null. */
function emptyPlanReason(plan: Plan): string | null {
  const why = nothingPlacedReasons(plan);
  return why === null ? null : `nothing to plan: 0 of ${plan.totals.servers} servers could be placed (${why})`;
}
