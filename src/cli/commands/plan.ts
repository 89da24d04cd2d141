import type { CommandModule } from 'yargs';
import type { PlanArgs } from '../run-plan.ts';

export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan <project>',
  describe:
    'Size, place and check a project (a folder with capplan.yaml, or the file itself); write plan.json, plan.md, ' +
    'plan.xlsx',
  builder: (y) =>
    y
      .positional('project', { type: 'string', demandOption: true, describe: 'Project folder or capplan.yaml' })
      .option('out', { type: 'string', describe: 'Output folder (default reports/<project>/)' })
      .option('replay', {
        type: 'string',
        array: true,
        describe:
          'Also replay the plan on these monitoring files or folders (a backtest window, e.g. the next month); ' +
          'exit 1 when it is overloaded',
      })
      .option('emit-proposal', {
        type: 'string',
        describe:
          'Also write the plan as a proposal for `capplan check` (a file; empty: proposal.yaml in the output folder)',
      }),
  handler: async (args) => {
    const { runPlan } = await import('../run-plan.ts');
    process.exitCode = await runPlan(args);
  },
};
