// Row-level data problems that are not errors, counted per (code, server) so a file with a
// million odd rows yields one finding ("… on 1,000,000 rows, first at line 12"), not a million.
import type { Finding, Severity } from '../../validate/findings.ts';

interface Tally {
  code: string;
  server: string;
  file: string;
  row: number;
  column: string;
  message: string;
  count: number;
  severity: Severity;
}

export class RowIssues {
  private readonly tallies = new Map<string, Tally>();

  note(code: string, server: string, loc: { file: string; row: number; column: string }, message: string, severity: Severity = 'warning'): void {
    const key = `${code}\u0000${server}\u0000${loc.file}`;
    const t = this.tallies.get(key);
    if (t) t.count++;
    else this.tallies.set(key, { code, server, file: loc.file, row: loc.row, column: loc.column, message, count: 1, severity });
  }

  findings(): Finding[] {
    return [...this.tallies.values()].map((t) => ({
      severity: t.severity,
      code: t.code,
      message: t.count > 1 ? `${t.message}; ${t.count} rows` : t.message,
      file: t.file,
      row: t.row,
      column: t.column,
      server: t.server,
    }));
  }
}
