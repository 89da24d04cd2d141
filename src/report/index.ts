// The report layer's public face: pure renderers from a Plan to bytes/strings. The io layer
// writes what these return (src/io/write-atomic.ts).
import { serialisePlan, type Plan } from '../domain/plan.ts';
import { planCharts } from './charts/plan-charts.ts';
import { replayCharts } from './charts/replay-chart.ts';
import { markdownText, type MarkdownReport } from './markdown.ts';
import { buildWorkbook } from './workbook.ts';

export { buildWorkbook } from './workbook.ts';
export { renderTerminalSummary } from './terminal.ts';
export { nothingPlacedReasons } from './summary.ts';
export { renderReplayMarkdown, replayStatusLine } from './replay-report.ts';
export type { MarkdownReport } from './markdown.ts';

/** plan.md and the chart images to write beside it (names relative to plan.md). */
export function renderMarkdown(plan: Plan): MarkdownReport {
  const charts = planCharts(plan);
  const images = [...charts, ...replayCharts(plan)].map((c) => ({ name: c.name, data: c.png }));
  return { markdown: markdownText(plan, charts), images };
}

export type ReportFormat = 'xlsx' | 'md' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'md', 'json'];

/**
 * Every file of the asked formats, rendered in memory (nothing is written here):
 * plan.xlsx; plan.md + chart PNGs; plan.json (the plan re-serialised canonically).
 */
export async function renderReportFiles(
  plan: Plan,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Promise<{ name: string; data: string | Uint8Array }[]> {
  const files: { name: string; data: string | Uint8Array }[] = [];
  if (formats.includes('json')) files.push({ name: 'plan.json', data: serialisePlan(plan) });
  if (formats.includes('md')) {
    const { markdown, images } = renderMarkdown(plan);
    files.push({ name: 'plan.md', data: markdown }, ...images);
  }
  if (formats.includes('xlsx')) files.push({ name: 'plan.xlsx', data: await buildWorkbook(plan) });
  return files;
}
