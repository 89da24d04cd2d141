import type { CommandModule } from 'yargs';
import type { ReplayArgs } from '../run-replay.ts';

export const replayCommand: CommandModule<object, ReplayArgs> = {
  command: 'replay <plan> <monitoring..>',
  describe:
    "Backtest: put another monitoring window's measured demand on an existing plan; write replay.json and " +
    'replay.md. Exit 1 when normal operation is overloaded in more than replay.maxOverloadPct of the intervals',
  builder: (y) =>
    y
      .positional('plan', { type: 'string', demandOption: true, describe: 'The plan (plan.json)' })
      .positional('monitoring', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Monitoring files or folders of the window (any format capplan ingest reads)',
      })
      .option('out', { type: 'string', describe: 'Output folder (default: the folder of plan.json)' }),
  handler: async (args) => {
    const { runReplay } = await import('../run-replay.ts');
    process.exitCode = await runReplay(args);
  },
};
