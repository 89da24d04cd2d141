import type { CommandModule } from 'yargs';
import type { PlaceArgs } from '../run-place.ts';

export const placeCommand: CommandModule<object, PlaceArgs> = {
  command: 'place <input>',
  describe:
    'Place VMs on hosts for what-if work: a problem.json, a project (its sized VMs and host model) or a plan.json; ' +
    'write the placement as JSON',
  builder: (y) =>
    y
      .positional('input', {
        type: 'string',
        demandOption: true,
        describe: 'problem.json, project folder / capplan.yaml, or plan.json',
      })
      .option('out', { type: 'string', describe: 'Write the result here (default: standard output)' })
      .option('objective', {
        type: 'string',
        choices: ['min-hosts', 'min-cost', 'balance', 'pack'],
        describe: 'Override the objective',
      })
      .option('time-limit', { type: 'number', describe: 'Override timeLimitSeconds' })
      .option('seed', { type: 'number', describe: 'Override the seed' }),
  handler: async (args) => {
    const { runPlace } = await import('../run-place.ts');
    process.exitCode = await runPlace(args);
  },
};
