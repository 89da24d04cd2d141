// Row-level data problems that are not errors, counted per (code, server) so a file with a
// million odd rows yields one finding ("… on 1,000,000 rows, first at line 12"), not a million.
import type { Finding, Severity } from '../../domain/finding.ts';

export interface Tally {
  code: string;
  server: string;
  file: string;
  row: number;
  column: string;
  message: string;
  count: number;
  severity: Severity;
  /** The message's figures by name (the row count is added as `rows`). */
  params?: Record<string, string | number>;
}

export class RowIssues {
  private readonly byKey = new Map<string, Tally>();

  note(
    code: string,
    server: string,
    loc: { file: string; row: number; column: string },
    message: string,
    severity: Severity = 'warning',
    params?: Record<string, string | number>,
  ): void {
    const key = `${code}\u0000${server}\u0000${loc.file}`;
    const t = this.byKey.get(key);
    if (t) t.count++;
    else
      this.byKey.set(key, {
        code,
        server,
        file: loc.file,
        row: loc.row,
        column: loc.column,
        message,
        count: 1,
        severity,
        ...(params ? { params } : {}),
      });
  }

  /** The tallies as plain data (sent between threads by long-csv-split.ts). */
  tallies(): Tally[] {
    return [...this.byKey.values()];
  }

  /** Adds the tallies of a later part of the same file, whose rows count from 1 after `rowOffset` lines. */
  absorb(tallies: Tally[], rowOffset: number): void {
    for (const t of tallies) {
      const key = `${t.code}\u0000${t.server}\u0000${t.file}`;
      const mine = this.byKey.get(key);
      if (mine) mine.count += t.count;
      else this.byKey.set(key, { ...t, row: t.row + rowOffset });
    }
  }

  findings(): Finding[] {
    return [...this.byKey.values()].map((t) => ({
      severity: t.severity,
      code: t.code,
      message: t.count > 1 ? `${t.message}; ${t.count} rows` : t.message,
      file: t.file,
      row: t.row,
      column: t.column,
      server: t.server,
      ...(t.params ? { params: { ...t.params, rows: t.count } } : {}),
    }));
  }
}
