// Client strings inside Markdown: never markup. Escapes what CommonMark/GFM would interpret
// inline (emphasis, links, code, table pipes, HTML) and flattens line breaks; cells and list
// items never start a line, so block markers (#, -, +, digits.) need no escape.
const SPECIAL = /[\\`*_[\]<>|~&]/g;

export function mdText(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A GFM table; every cell is escaped text. */
export function mdTable(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? String(v) : mdText(v));
  const lines = [`| ${header.map(mdText).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}
