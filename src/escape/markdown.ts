// Client text inside Markdown (plan.md, data-quality.md, the check's pull-request comment):
// never markup. CommonMark lets any ASCII punctuation be backslash-escaped, which
// neutralises emphasis, code spans, links, HTML (`<`), entities (`&`), table cells (`|`,
// GFM) and mentions (`@`) while staying readable as plain text.
const SPECIAL = /[\\`*_[\]<>|&@~!#{}]/g;

/** Control characters (C0, C1) and the bidirectional overrides that reorder what a reader sees. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * `text` made safe for a Markdown table cell, list item or paragraph: line breaks and tabs
 * become spaces, invisible controls U+FFFD, inline specials are escaped, and a leading block
 * marker (`=`, `+`, `-`, digits + `.` or `)`) is escaped so a value never opens a list,
 * heading, quote or setext underline.
 */
export function mdText(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').replace(INVISIBLE, '\ufffd');
  const escaped = noAutolink(oneLine.replace(SPECIAL, (c) => `\\${c}`));
  // An ordered-list marker is 1–9 digits then `.` or `)` then a space or the end.
  return escaped.replace(/^([=+-]|\d{1,9}(?=[.)](\s|$)))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/**
 * GFM turns `scheme://…` and `www.…` in plain text into live links (the autolink extension);
 * a backslash before the `:` or the first `.` keeps them text and reads the same.
 */
function noAutolink(text: string): string {
  return text.replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:').replace(/\b(www)\./gi, '$1\\.');
}
