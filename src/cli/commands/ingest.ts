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
          'Force a format: long, wide, perfmon, sadf-d, sadf-j, nmon, bitbrains, vrops, inventory, rvtools, ' +
          'rvtools-csv',
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
      .option('timezone', {
        type: 'string',
        describe: 'IANA time zone of local timestamps without an offset (e.g. America/Mexico_City); --utc-offset wins',
      })
      .option('delimiter', { type: 'string', describe: 'Field delimiter of CSV inputs: , ; | tab (default: detected)' })
      .option('decimal', { type: 'string', describe: 'Decimal separator: . or , (default: detected)' })
      .option('thousands', { type: 'string', describe: "Thousands separator: none , . space ' (default: detected)" })
      .option('date-format', {
        type: 'string',
        describe: 'Date order: iso, dd/mm/yyyy, mm/dd/yyyy, yyyy/mm/dd, epoch-s, epoch-ms (default: detected)',
      })
      .option('columns', {
        type: 'string',
        describe:
          'YAML/JSON column map: { inventory: { memory_mb: "Memoria (MB)" }, monitoring: { server: "Equipo" } }',
      })
      .option('strict', {
        type: 'boolean',
        default: false,
        describe: 'A file of a folder in no known format is an error (default: skipped with a warning)',
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
