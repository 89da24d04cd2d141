// A GFM table of the ingest's data-quality report; every cell is client text, escaped.
import { mdText } from "../../escape/markdown.js";
/** A GFM table; every cell is escaped text. */
export function mdTable(header, rows) {
    const cell = (v) => (v === null ? '–' : typeof v === 'number' ? String(v) : mdText(v));
    const lines = [`| ${header.map(mdText).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (const r of rows)
        lines.push(`| ${r.map(cell).join(' | ')} |`);
    return lines.join('\n');
}
