import type { CommandModule } from 'yargs';
import type { ReportArgs } from '../run-report.ts';

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <plan>',
  describe: 'Render the deliverables of a plan.json (never re-plans): plan.xlsx, plan.md with chart PNGs, plan.json',
  builder: (y) =>
    y
      .positional('plan', { type: 'string', demandOption: true, describe: 'A plan.json written by capplan plan' })
      .option('format', {
        type: 'string',
        default: 'xlsx,md,json',
        describe: 'Comma-separated formats: xlsx, md, json',
      })
      .option('out', { type: 'string', describe: 'Output folder (default: the folder of plan.json)' }),
  handler: async (args) => {
    const { runReport } = await import('../run-report.ts');
    process.exitCode = await runReport(args);
  },
};
