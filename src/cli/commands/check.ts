import type { CommandModule } from 'yargs';
import type { CheckArgs } from '../run-check.ts';

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <proposal>',
  describe:
    'Verify a proposal.yaml against the current data: capacity, N+k, limits, exclusions, drift. Exit 0 holds, 1 ' +
    'does not, 2 bad input',
  builder: (y) =>
    y
      .positional('proposal', { type: 'string', demandOption: true, describe: 'The proposal file (proposal.yaml)' })
      .option('monitoring', {
        type: 'string',
        array: true,
        describe: "Newer monitoring CSV files, read with the proposal's own",
      })
      .option('format', {
        type: 'string',
        choices: ['human', 'json', 'junit', 'github', 'markdown'],
        default: 'human',
        describe: 'Output format',
      })
      .option('out', { type: 'string', describe: 'Write the report to this file instead of stdout' }),
  handler: async (args) => {
    const { runCheck } = await import('../run-check.ts');
    process.exitCode = await runCheck(args);
  },
};
