// `capplan place`: read a problem, solve, check, write the result. Exit 1 when the placement
// does not hold (unplaced VMs, failed N+k, checker findings), each VM explained on stderr.
import { stat } from 'node:fs/promises';
import { InputError } from '../domain/errors.ts';
import { parseText, readStructuredText } from '../domain/load-file.ts';
import { parsePlan } from '../domain/plan.ts';
import { parseProblem, type Objective, type PlacementProblem } from '../domain/problem.ts';
import { problemFromPlan } from '../plan/placement-problem.ts';
import { verifyPlacement, simulateFailures, solvePlacement } from '../placement/index.ts';
import { placeOutput } from '../placement/place-output.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { progressReporter } from './tty.ts';
import { Deadline } from '../placement/deadline.ts';

/**
 * What is kept, of the time left after reading, for simulating and verifying the result and
 * writing it, which run after the optimiser: a fifth, or about 40 µs per VM where that is
 * more (measured: 2.3–3.5 s for 100,000 VMs), but never more than half.
 */
function checkShare(remainingMs: number, vms: number): number {
  if (remainingMs <= 0) return 0.2;
  return Math.min(0.5, Math.max(0.2, (vms * 0.04) / remainingMs));
}

export interface PlaceArgs {
  input: string;
  out?: string;
  objective?: string;
  timeLimit?: number;
  seed?: number;
}

/**
 * The problem behind the input: a problem.json as written, or — for what-if work — the
 * placement problem of a project (sized and derived as `capplan plan` does) or of a plan.json
 * (told apart by its formatVersion).
 */
async function loadProblem(input: string): Promise<PlacementProblem> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new InputError('no such file or folder', { file: input });
  if (info.isDirectory() || /\.ya?ml$/.test(input)) {
    // The project's samples are at hand: a series plan's problem carries its series (method §14.4).
    // The readers and the pipeline load only here: a problem.json starts solving ~0.4 s sooner.
    const { readProjectInputs } = await import('../ingest/project-inputs.ts');
    const { assemblePlan, demandSeriesOf } = await import('../plan/assemble.ts');
    const { withSeries } = await import('../plan/series-problem.ts');
    const { inputs } = await readProjectInputs(input);
    const plan = await assemblePlan({ ...inputs, withoutTradeOff: true });
    const series = demandSeriesOf(inputs);
    return series ? withSeries(problemFromPlan(plan), plan.hostModel, plan.settings, series) : problemFromPlan(plan);
  }
  const text = await readStructuredText(input);
  const { value } = parseText(text, input, 'json');
  const isPlan = value !== null && typeof value === 'object' && 'formatVersion' in value;
  if (!isPlan) return parseProblem(text, input);
  const plan = parsePlan(text, input);
  // plan.json holds no samples, so the series cannot be rebuilt; placing on the allocations
  // alone would quietly drop the time-aware constraints.
  if (plan.settings.placement.demand === 'series')
    throw new InputError(
      'settings.placement.demand is series, and a plan.json does not carry the demand series: place the ' +
        'project folder instead (capplan place <project>), which reads the monitoring again',
      { file: input },
    );
  return problemFromPlan(plan);
}

export async function runPlace(args: PlaceArgs): Promise<number> {
  const problem = await loadProblem(args.input);
  if (args.objective) problem.objective = args.objective as Objective;
  if (args.timeLimit !== undefined) problem.timeLimitSeconds = args.timeLimit;
  if (args.seed !== undefined) problem.seed = args.seed;
  const progress = progressReporter();
  // The limit counts from the command's start; the failure simulation, verification and
  // output of the result keep their part of what reading left (docs/method.md §6.5).
  const whole = Deadline.afterStart(problem.timeLimitSeconds);
  const deadline = whole.share(1 - checkShare(whole.remainingMs(), problem.vms.length));
  const result = await solvePlacement(problem, { onProgress: progress, deadline });
  progress.done();
  // Each scenario lists the survivors that take restarts, not all of them (output linear in VMs).
  const scenarios = simulateFailures(problem, result, { touchedOnly: true });
  const violations = verifyPlacement(problem, result);
  const text = `${JSON.stringify(placeOutput(problem, result, scenarios, violations), null, 2)}\n`;
  if (args.out) await writeFileAtomic(args.out, text);
  else process.stdout.write(text);
  const gap = result.lowerBound > 0 ? ` (lower bound ${result.lowerBound}${result.optimal ? ', optimal' : ''})` : '';
  process.stderr.write(
    `${result.hostsUsed} hosts, cost ${result.cost}${gap}, ${result.method}, ${result.seconds.toFixed(2)} s\n`,
  );
  for (const u of result.unplaced)
    process.stderr.write(`unplaced ${u.vm}:\n${u.reasons.map((r) => `  ${r}\n`).join('')}`);
  for (const s of scenarios.filter((x) => !x.satisfied))
    process.stderr.write(
      `N+${problem.redundancy} fails when ${s.failedHosts.join(' + ')} ` +
        `fail:\n${s.shortfalls.map((r) => `  ${r}\n`).join('')}`,
    );
  for (const v of violations.filter((x) => x.rule !== 'failover')) process.stderr.write(`check: ${v.message}\n`);
  return result.unplaced.length > 0 || violations.length > 0 ? 1 : 0;
}
