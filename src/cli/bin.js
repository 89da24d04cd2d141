#!/usr/bin/env node
// The `capplan` executable: registers tsx (TypeScript at run time, no build step) and runs
// the CLI. Kept in plain JavaScript because it is the one file node loads untranslated.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
