import type { CommandModule } from 'yargs';
import type { IngestArgs } from '../run-ingest.ts';

export const ingestCommand: CommandModule<object, IngestArgs> = {
  command: 'ingest <inputs..>',
  describe:
    'Read client files (inventory CSV, RVTools, perfmon, sysstat sadf, nmon, VM traces, monitoring CSV); ' +
    'write servers.csv, metrics-summary.csv, data-quality.md',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Files or folders' })
      .option('out', { type: 'string', demandOption: true, describe: 'Output folder' })
      .option('format', {
        type: 'string',
        describe:
          'Force a format: long, wide, perfmon, sadf-d, sadf-j, nmon, bitbrains, inventory, rvtools, rvtools-csv',
      })
      .option('encoding', {
        type: 'string',
        describe: 'Text encoding of the inputs (utf-8, utf-16le, windows-1252 …); default: detected',
      })
      .option('utc-offset', {
        type: 'string',
        // One argument, taken even when it starts with "-": `--utc-offset -06:00`.
        nargs: 1,
        describe: 'UTC offset of local timestamps without a zone (perfmon without bias, nmon, sadf -t), e.g. +05:30',
      })
      .option('percentiles', { type: 'number', array: true, describe: 'Percentiles besides p50, p95, p99' })
      .option('powered-off', {
        type: 'string',
        choices: ['include', 'exclude'],
        default: 'include',
        describe: 'RVTools powered-off VMs',
      }),
  handler: async (args) => {
    const { runIngest } = await import('../run-ingest.ts');
    process.exitCode = await runIngest(args);
  },
};
