// `capplan compare <plan.json…> --out DIR`: the comparison of scenarios from existing plans
// (docs/report.md, "Scenarios and the comparison"), each read by the one plan reader; the
// first plan is the baseline. Everything is rendered before anything is written.
import { readPlan } from '../domain/plan.ts';
import { InputError } from '../domain/errors.ts';
import { renderComparisonFiles } from '../report/index.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { withTco } from '../plan/tco.ts';
import { writtenFilesLine } from './written-files.ts';

export interface CompareArgs {
  plans: string[];
  out: string;
}

export async function runCompare(args: CompareArgs): Promise<number> {
  if (args.plans.length < 2) throw new InputError('compare needs at least two plans: the baseline and a scenario');
  const plans = [];
  // A plan written before the cost of ownership existed is priced from its settings, as `report` does.
  for (const file of args.plans) plans.push(withTco(await readPlan(file)));
  const outputs = await renderComparisonFiles(plans);
  await writeFilesAtomic(args.out, outputs);
  process.stdout.write(
    `${writtenFilesLine(
      args.out,
      outputs.map((o) => o.name),
    )}\n`,
  );
  return 0;
}
