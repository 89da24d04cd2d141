// The few error classes capplan knows, and the one place that maps them to exit codes
// (docs/design/pipeline.md, "Exit codes": 0 ok, 1 the plan does not hold, 2 bad input).

/** Where in an input file a problem is: 1-based row (line) and column, as editors count. */
export interface SourceLocation {
  file: string;
  row?: number;
  column?: number | string;
}

function formatLocation(loc: SourceLocation): string {
  let s = loc.file;
  if (loc.row !== undefined) s += `:${loc.row}`;
  if (loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

export abstract class CapplanError extends Error {
  abstract readonly exitCode: number;
}

/** Bad input data: a file that cannot be read or a malformed value. Exit 2. */
export class InputError extends CapplanError {
  readonly exitCode = 2;
  constructor(
    readonly detail: string,
    readonly location?: SourceLocation,
  ) {
    super(location ? `${formatLocation(location)}: ${detail}` : detail);
    this.name = 'InputError';
  }
}

/** A project/proposal file that does not validate; `path` is the offending setting. Exit 2. */
export class ConfigError extends CapplanError {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string; row?: number }[],
  ) {
    super(
      issues
        .map((i) => `${file}${i.row !== undefined ? `:${i.row}` : ''}: ${i.path || '(root)'}: ${i.message}`)
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** A bug in capplan. Exit 3, so it is never mistaken for bad input. */
export class InternalError extends CapplanError {
  readonly exitCode = 3;
}

export function exitCodeFor(err: unknown): number {
  return err instanceof CapplanError ? err.exitCode : 3;
}
