// Client text in files a spreadsheet opens (servers.csv, metrics-summary.csv): a value that
// starts like a formula stays text.

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Client text written to a CSV a spreadsheet may open: a value starting with = + - @ (or a
 * tab/CR) gets a leading `'`, which Excel and LibreOffice treat as "this is text" and hide.
 * capplan's own readers drop that `'` again (unguardFormula), so names survive a round trip.
 */
export function guardFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function unguardFormula(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
