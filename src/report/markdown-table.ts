// A GitHub-flavoured Markdown table whose columns are padded, so the source reads as a
// table in a terminal too. Cells arrive already escaped (format.ts `md`).
import { maxOf } from '../util/extent.ts';

type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Display width: code points (the reports' text is Latin; no wide glyphs). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

export function mdTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    maxOf(
      rows.map((r) => width(r[i] ?? '')),
      Math.max(3, width(c.header)),
    ),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left')).join(' | ')} |`;
  const dashes = (i: number) => '-'.repeat(widths[i]! + 1);
  const rule = `|${columns.map((c, i) => (c.align === 'right' ? `${dashes(i)}:` : `:${dashes(i)}`)).join('|')}|`;
  return [line(columns.map((c) => c.header)), rule, ...rows.map((r) => line(columns.map((_, i) => r[i] ?? '')))].join(
    '\n',
  );
}
