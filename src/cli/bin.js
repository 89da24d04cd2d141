#!/usr/bin/env node
// The `capplan` executable: registers tsx (TypeScript at run time, no build step) and runs
// the CLI. Kept in plain JavaScript because it is the one file node loads untranslated.
import { register } from 'tsx/esm/api';

register();
// `capplan plan … | head`: a closed pipe ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
    throw err;
  });
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
