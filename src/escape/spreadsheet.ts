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

/** Excel refuses a cell of more characters than this (its specifications and limits). */
const CELL_MAX_CHARS = 32_767;

/** Control characters (C0 but tab/line breaks, C1) and the bidirectional overrides that reorder what a reader sees. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * Client text for a workbook cell: invisible controls and bidi overrides become U+FFFD (a
 * name never reads backwards), and text beyond Excel's cell limit is cut with "…" (a cell
 * Excel would refuse to open). exceljs writes it as a string cell, never a formula.
 */
export function cellText(s: string): string;
export function cellText(s: string | null): string | null;
export function cellText(s: string | null): string | null {
  if (s === null) return null;
  const visible = s.replace(INVISIBLE, '\ufffd');
  if (visible.length <= CELL_MAX_CHARS) return visible;
  let cut = visible.slice(0, CELL_MAX_CHARS - 1);
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
