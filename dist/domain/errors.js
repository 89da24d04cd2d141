// The few error classes capplan knows, and the one place that maps them to exit codes
// (conventions.md §8: 0 ok, 1 the plan does not hold, 2 bad input).
export function formatLocation(loc) {
    let s = loc.file;
    if (loc.row !== undefined)
        s += `:${loc.row}`;
    if (loc.column !== undefined)
        s += `:${loc.column}`;
    return s;
}
export class CapplanError extends Error {
}
/** Bad input data: a file that cannot be read or a malformed value. Exit 2. */
export class InputError extends CapplanError {
    detail;
    location;
    exitCode = 2;
    constructor(detail, location) {
        super(location ? `${formatLocation(location)}: ${detail}` : detail);
        this.detail = detail;
        this.location = location;
        this.name = 'InputError';
    }
}
/** A project/proposal file that does not validate; `path` is the offending setting. Exit 2. */
export class ConfigError extends CapplanError {
    file;
    issues;
    exitCode = 2;
    constructor(file, issues) {
        super(issues
            .map((i) => `${file}${i.row !== undefined ? `:${i.row}` : ''}: ${i.path || '(root)'}: ${i.message}`)
            .join('\n'));
        this.file = file;
        this.issues = issues;
        this.name = 'ConfigError';
    }
}
/** A bug in capplan. Exit 3, so it is never mistaken for bad input. */
export class InternalError extends CapplanError {
    exitCode = 3;
}
export function exitCodeFor(err) {
    return err instanceof CapplanError ? err.exitCode : 3;
}
