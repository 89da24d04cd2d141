// Every command of the CLI, one file each. A command file declares its options and calls
// one function; handlers are imported lazily so `capplan --help` stays fast.
import type { CommandModule } from 'yargs';
import { planCommand } from './plan.ts';
import { ingestCommand } from './ingest.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [planCommand, ingestCommand];
