// Number and text formatting shared by the renderers. Fixed decimals (never locale-dependent
// formatting) so output is byte-identical on every machine.

/** A number with `digits` decimals, trailing zeros kept; "—" for null/undefined/NaN. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const s = value.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** An integer when it is one, else `digits` decimals (for figures like 31.5 GB). */
export function qty(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : num(value, digits);
}

export function pct(value: number | null | undefined, digits = 1): string {
  const s = num(value, digits);
  return s === '—' ? s : `${s} %`;
}

export function ratio(value: number | null): string {
  return value === null ? '—' : `${qty(value, 1)}:1`;
}

// CommonMark lets any ASCII punctuation be backslash-escaped, which neutralises emphasis,
// code spans, links, HTML (`<`), entities (`&`), table cells (`|`, GFM) and mentions (`@`)
// while staying readable in a terminal.
const MD_SPECIAL = /[\\`*_[\]<>|&@~!#{}]/g;

/**
 * Client text made safe for a Markdown table cell or paragraph: inline specials escaped,
 * line breaks collapsed, a leading block marker (`=`, `+`, `-`, `>`, digits + `.`) escaped
 * so a value can never open a list, heading, quote or setext underline.
 */
export function md(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const escaped = oneLine.replace(MD_SPECIAL, (c) => `\\${c}`);
  // An ordered-list marker is 1–9 digits then `.` or `)` then a space or the end.
  return escaped.replace(/^([=+\-]|\d{1,9}(?=[.)](\s|$)))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}
