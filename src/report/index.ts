// The report layer's public face: pure renderers from a Plan to bytes/strings. The io layer
// writes what these return (src/io/write-atomic.ts).
import type { Plan, PlanWithTco } from '../domain/plan.ts';
import { jsonChunks } from '../util/json-chunks.ts';
import type { FileData } from '../domain/file-data.ts';
import { planCharts } from './charts/plan-charts.ts';
import { replayCharts } from './charts/replay-chart.ts';
import { markdownText, type MarkdownReport } from './markdown.ts';
import { buildComparisonWorkbook, buildWorkbook } from './workbook.ts';
import { buildComparison, type Comparison } from './comparison.ts';
import { COMPARISON_CHART, comparisonChartPng, comparisonSection } from './comparison-markdown.ts';
import type { CheckWords } from '../domain/check-words.ts';
import type { ReportLanguage } from '../domain/report-settings.ts';
import { checkEs } from './messages/check-es.ts';

export { buildWorkbook } from './workbook.ts';
export { renderTerminalSummary } from './terminal.ts';
export { nothingPlacedReasons } from './summary.ts';
export { renderReplayMarkdown, replayStatusLine } from './replay-report.ts';
export type { MarkdownReport } from './markdown.ts';

/** plan.md and the chart images to write beside it (names relative to plan.md). */
export function renderMarkdown(plan: Plan, comparison?: Comparison): MarkdownReport {
  const charts = planCharts(plan);
  const images = [...charts, ...replayCharts(plan)].map((c) => ({ name: c.name, data: c.png }));
  if (comparison) images.push({ name: COMPARISON_CHART, data: comparisonChartPng(comparison) });
  const section = comparison ? comparisonSection(comparison) : undefined;
  return { markdown: markdownText(plan, charts, section), images };
}

export type ReportFormat = 'xlsx' | 'md' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'md', 'json'];

/**
 * serialisePlan's text (domain/plan.ts), byte for byte, made a chunk at a time as it is written:
 * the plan of 100,000 servers is some 400 MB of JSON, too much to hold beside the plan.
 */
function planJson(plan: Plan): FileData {
  return {
    *chunks() {
      yield* jsonChunks(plan);
      yield '\n';
    },
  };
}

/**
 * Every file of the asked formats, rendered in memory (nothing is written here): plan.xlsx;
 * plan.md + chart PNGs; plan.json (the plan re-serialised canonically, made as it is written).
 */
export async function renderReportFiles(
  plan: PlanWithTco,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
  /** The plan is the baseline of these scenario plans: plan.md and plan.xlsx compare them. */
  scenarios: readonly PlanWithTco[] = [],
): Promise<{ name: string; data: FileData }[]> {
  const files: { name: string; data: FileData }[] = [];
  const comparison = scenarios.length > 0 ? buildComparison([plan, ...scenarios]) : undefined;
  if (formats.includes('json')) files.push({ name: 'plan.json', data: planJson(plan) });
  if (formats.includes('md')) {
    const { markdown, images } = renderMarkdown(plan, comparison);
    files.push({ name: 'plan.md', data: markdown }, ...images);
  }
  if (formats.includes('xlsx')) files.push({ name: 'plan.xlsx', data: await buildWorkbook(plan, comparison) });
  return files;
}

/**
 * `capplan compare`: comparison.md (the section plan.md of the baseline holds, byte for byte),
 * its chart and comparison.xlsx (the Comparison sheet alone), the first plan the baseline.
 */
export async function renderComparisonFiles(
  plans: readonly PlanWithTco[],
): Promise<{ name: string; data: string | Uint8Array }[]> {
  const comparison = buildComparison([...plans]);
  return [
    { name: 'comparison.md', data: `${comparisonSection(comparison)}\n` },
    { name: COMPARISON_CHART, data: comparisonChartPng(comparison) },
    { name: 'comparison.xlsx', data: await buildComparisonWorkbook(plans[0]!, comparison) },
  ];
}

/** The words of `capplan check`'s report in `language`; English: the check's own (none given). */
export function checkWordsFor(language: ReportLanguage | undefined): { words?: CheckWords } {
  return language === 'es' ? { words: checkEs } : {};
}
