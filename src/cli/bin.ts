#!/usr/bin/env node
// The `capplan` executable (package.json "bin" points at its compiled form, dist/cli/bin.js).
import { main } from './main.ts';

// `capplan plan … | head`: a closed pipe ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
    throw err;
  });
}
process.exitCode = await main(process.argv.slice(2));
