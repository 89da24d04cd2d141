// CLI entry: declares the commands, runs one, and maps errors to exit codes in one place
// (0 ok, 1 the plan does not hold, 2 bad input, 3 a bug: src/domain/errors.ts). Command files
// only declare options and call one function.
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { CapplanError, exitCodeFor } from '../domain/errors.ts';
import { commands } from './commands/index.ts';
import { errorText } from '../escape/plain-text.ts';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const cli = yargs(argv)
    .scriptName('capplan')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command: capplan --help lists them.')
    .help()
    .version(packageVersion())
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  for (const command of commands) cli.command(command);
  try {
    const result: unknown = await cli.parseAsync();
    void result;
    exitCode = Number(process.exitCode ?? 0);
  } catch (err) {
    exitCode = report(err);
  }
  return exitCode;
}

class UsageError extends CapplanError {
  readonly exitCode = 2;
}

function report(err: unknown): number {
  const code = exitCodeFor(err);
  if (err instanceof CapplanError) {
    // Messages quote the client's data: neutralised and cut short (escape/plain-text.ts).
    process.stderr.write(`capplan: ${errorText(err.message)}\n`);
  } else {
    process.stderr.write(
      `capplan: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  return code;
}

/** The version in package.json: two folders up from src/cli/ and from dist/cli/ alike. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
