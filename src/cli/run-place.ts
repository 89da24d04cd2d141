// `capplan place`: read a problem, solve, check, write the result. Exit 1 when the placement
// does not hold (unplaced VMs, failed N+k, checker findings), each VM explained on stderr.
import { stat } from 'node:fs/promises';
import { InputError } from '../domain/errors.ts';
import { parseText, readStructuredText } from '../domain/load-file.ts';
import { parsePlan } from '../domain/plan.ts';
import { validateProblem, type Objective, type PlacementProblem } from '../domain/problem.ts';
import { problemFromPlan } from '../plan/placement-problem.ts';
import { verifyPlacement, simulateFailures, solvePlacement } from '../placement/index.ts';
import { placeOutput } from '../placement/place-output.ts';
import { placementIndex } from '../placement/placement-index.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { jsonChunks } from '../util/json-chunks.ts';
import { progressReporter } from './tty.ts';
import { Deadline } from '../placement/deadline.ts';

/**
 * What is kept, of the time left after reading, for simulating and verifying the result and
 * writing it, which run after the optimiser (docs/method.md §6.5): a fifth, or what the VMs
 * need where that is more — about 10 µs each for verifying and writing, 20 µs more with N+k
 * for the failure simulation, or, on a machine slower than that (a busy one), twice what
 * reading the problem.json took — but never more than three fifths:
 * the optimiser keeps the rest, and past its deadline it finishes by first fit (logarithmic per VM).
 * Measured on a shared 2-core machine: 200,000 VMs read in 1.4 s, checked and written in 3.2 s
 * after the optimiser's deadline; 100,000 with N+1 in 0.6 s and 3.0 s.
 */
function checkShare(remainingMs: number, vms: number, redundancy: number, readMs: number): number {
  if (remainingMs <= 0) return 0.2;
  const needMs = Math.max(vms * (redundancy > 0 ? 0.03 : 0.01), readMs * 2);
  return Math.min(0.6, Math.max(0.2, needMs / remainingMs));
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
  // Parsed once: JSON.parse of a million VMs' problem.json is about a second.
  const parsed = parseText(text, input, 'json');
  const { value } = parsed;
  const isPlan = value !== null && typeof value === 'object' && 'formatVersion' in value;
  if (!isPlan) return validateProblem(parsed, input);
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
  const readStart = performance.now();
  const problem = await loadProblem(args.input);
  // The pace of this machine, now: reading a problem.json is a pass over every VM, as checking
  // and writing are. A project folder's reading is its sizing instead, and says nothing of it.
  const readMs = /\.json$/i.test(args.input) ? performance.now() - readStart : 0;
  if (args.objective) problem.objective = args.objective as Objective;
  if (args.timeLimit !== undefined) problem.timeLimitSeconds = args.timeLimit;
  if (args.seed !== undefined) problem.seed = args.seed;
  const progress = progressReporter();
  // The limit counts from the command's start; the failure simulation, verification and
  // output of the result keep their part of what reading left (docs/method.md §6.5).
  const whole = Deadline.afterStart(problem.timeLimitSeconds);
  const share = checkShare(whole.remainingMs(), problem.vms.length, problem.redundancy, readMs);
  const deadline = whole.share(1 - share);
  const result = await solvePlacement(problem, { onProgress: progress, deadline });
  progress.done();
  // One index of the result for the failure simulation, the verifier and the output (a million
  // VMs: one map of names).
  const index = placementIndex(problem, result);
  // Each scenario lists the survivors that take restarts, not all of them (output linear in VMs).
  const scenarios = simulateFailures(problem, result, { touchedOnly: true, index });
  const violations = verifyPlacement(problem, result, index);
  // In chunks, the bytes of JSON.stringify(output, null, 2) and a newline: a million VMs'
  // result is 100 MB, never held as one string.
  const output = placeOutput(problem, result, scenarios, violations, index);
  const text = {
    *chunks() {
      yield* jsonChunks(output);
      yield '\n';
    },
  };
  if (args.out) await writeFileAtomic(args.out, text);
  else for (const chunk of text.chunks()) process.stdout.write(chunk);
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
