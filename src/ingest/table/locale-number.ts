// Numbers as clients' spreadsheets write them: a decimal point or comma, thousands grouped by
// `,` `.` space (also the no-break spaces Excel writes) or `'` — accepted only in proper groups
// of three so that a decimal is never mistaken for a thousands separator.

export interface NumberFormat {
  decimal: '.' | ',';
  /** Thousands separator, or '' for none. */
  thousands: '' | ',' | '.' | ' ' | "'";
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();
function grouped(f: NumberFormat): RegExp {
  const key = f.decimal + f.thousands;
  let re = patterns.get(key);
  if (!re) {
    const sep = f.thousands === ' ' ? '[ \u00a0\u202f]' : escapeRegExp(f.thousands);
    const dec = escapeRegExp(f.decimal);
    const int = f.thousands ? `(?:\\d{1,3}(?:${sep}\\d{3})+|\\d+)` : '\\d+';
    re = new RegExp(`^[+-]?(?:${int}(?:${dec}\\d*)?|${dec}\\d+)(?:[eE][+-]?\\d+)?$`);
    patterns.set(key, re);
  }
  return re;
}

/** The value of a numeric cell, or null when it is not a number in this format. */
export function parseLocaleNumber(text: string, f: NumberFormat): number | null {
  const s = text.trim();
  if (f.decimal === '.' && f.thousands === '') return PLAIN.test(s) ? Number(s) : null;
  if (!grouped(f).test(s)) return null;
  const sep = f.thousands === ' ' ? /[ \u00a0\u202f]/g : f.thousands;
  const bare = f.thousands ? s.replaceAll(sep, '') : s;
  const n = Number(f.decimal === ',' ? bare.replace(',', '.') : bare);
  return Number.isFinite(n) ? n : null;
}

/**
 * The number format of a file's cells: a comma followed by other than three digits (`22,59`)
 * is a decimal comma, `1.234,5` too; a point followed by other than three digits is a decimal
 * point. Without evidence, a `;`-delimited file (Excel's choice where the comma is the decimal
 * separator) has a decimal comma.
 */
export function detectNumberFormat(cells: Iterable<string>, delimiter: string): NumberFormat & { evidence: boolean } {
  let comma = 0;
  let point = 0;
  let spaceGroups = 0;
  let commaGroups = 0;
  let pointGroups = 0;
  let apostropheGroups = 0;
  let pointThousands = 0;
  for (const raw of cells) {
    const s = raw.trim();
    if (s === '' || !/^[+-]?[\d.,' \u00a0\u202f]+$/.test(s) || !/\d/.test(s)) continue;
    if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[+-]?\d*,(\d{1,2}|\d{4,})$/.test(s)) comma++;
    else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[+-]?\d*\.(\d{1,2}|\d{4,})$/.test(s)) point++;
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) commaGroups++;
    if (/^[+-]?\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s) || /^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) pointGroups++;
    if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) pointThousands++;
    if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(s)) spaceGroups++;
    if (/^[+-]?\d{1,3}('\d{3})+(\.\d+)?$/.test(s)) apostropheGroups++;
  }
  const evidence = comma + point > 0;
  const decimal: '.' | ',' = comma > point ? ',' : point > comma ? '.' : delimiter === ';' ? ',' : '.';
  let thousands: NumberFormat['thousands'] = '';
  if (spaceGroups) thousands = ' ';
  else if (apostropheGroups && decimal === '.') thousands = "'";
  else if (decimal === '.' && commaGroups) thousands = ',';
  // With a decimal comma, a point can only group thousands (`4.096`).
  else if (decimal === ',' && (pointGroups || pointThousands)) thousands = '.';
  return { decimal, thousands, evidence };
}
