// A GitHub-flavoured Markdown table whose columns are padded, so the source reads as a
// table in a terminal too. Cells arrive already escaped (format.ts `md`).
/** Display width: code points (the reports' text is Latin; no wide glyphs). */
function width(s) {
    return [...s].length;
}
function pad(s, w, align) {
    const fill = ' '.repeat(Math.max(0, w - width(s)));
    return align === 'right' ? fill + s : s + fill;
}
export function mdTable(columns, rows) {
    const widths = columns.map((c, i) => Math.max(3, width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
    const line = (cells) => `| ${cells.map((cell, i) => pad(cell, widths[i], columns[i].align ?? 'left')).join(' | ')} |`;
    const rule = `|${columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat(widths[i] + 1)}:` : `:${'-'.repeat(widths[i] + 1)}`)).join('|')}|`;
    return [line(columns.map((c) => c.header)), rule, ...rows.map((r) => line(columns.map((_, i) => r[i] ?? '')))].join('\n');
}
