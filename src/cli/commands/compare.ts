import type { CommandModule } from 'yargs';
import type { CompareArgs } from '../run-compare.ts';

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <plans..>',
  describe:
    'Compare plans side by side (the first is the baseline): write comparison.md, its chart and comparison.xlsx',
  builder: (y) =>
    y
      .positional('plans', { type: 'string', array: true, demandOption: true, describe: 'plan.json files' })
      .option('out', { type: 'string', demandOption: true, describe: 'Output folder' }),
  handler: async (args) => {
    const { runCompare } = await import('../run-compare.ts');
    process.exitCode = await runCompare(args);
  },
};
