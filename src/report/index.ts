// The report layer's public face: pure renderers from a Plan to bytes/strings. The io layer
// writes what these return (src/io/write-atomic.ts).
import type { Plan } from '../plan/types.ts';
import { markdownText, type MarkdownReport } from './markdown.ts';

export { buildWorkbook } from './workbook.ts';
export { renderTerminalSummary } from './terminal.ts';
export type { MarkdownReport, RenderedImage } from './markdown.ts';

/** plan.md and the image files to write beside it. */
export function renderMarkdown(plan: Plan): MarkdownReport {
  return { markdown: markdownText(plan), images: [] };
}
