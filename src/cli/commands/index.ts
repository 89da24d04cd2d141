// Every command of the CLI, one file each. A command file declares its options and calls
// one function; handlers are imported lazily so `capplan --help` stays fast.
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.ts';
import { compareCommand } from './compare.ts';
import { placeCommand } from './place.ts';
import { planCommand } from './plan.ts';
import { ingestCommand } from './ingest.ts';
import { provisionCommand } from './provision.ts';
import { reportCommand } from './report.ts';
import { replayCommand } from './replay.ts';
import { schemaCommand } from './schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: each command module declares its own argument type
export const commands: CommandModule<any, any>[] = [
  planCommand,
  ingestCommand,
  placeCommand,
  checkCommand,
  replayCommand,
  compareCommand,
  provisionCommand,
  reportCommand,
  schemaCommand,
];
