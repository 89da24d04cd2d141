// The report layer's public face: pure renderers from a Plan to bytes/strings. The io layer
// writes what these return (src/io/write-atomic.ts).
import { serialisePlan } from "../domain/plan.js";
import { planCharts } from "./charts/plan-charts.js";
import { markdownText } from "./markdown.js";
import { buildWorkbook } from "./workbook.js";
export { buildWorkbook } from "./workbook.js";
export { renderTerminalSummary } from "./terminal.js";
export { planCharts } from "./charts/plan-charts.js";
/** plan.md and the chart images to write beside it (names relative to plan.md). */
export function renderMarkdown(plan) {
    const charts = planCharts(plan);
    return { markdown: markdownText(plan, charts), images: charts.map((c) => ({ name: c.name, data: c.png })) };
}
export const REPORT_FORMATS = ['xlsx', 'md', 'json'];
/**
 * Every file of the asked formats, rendered in memory (nothing is written here):
 * plan.xlsx; plan.md + chart PNGs; plan.json (the plan re-serialised canonically).
 */
export async function renderReportFiles(plan, formats = REPORT_FORMATS) {
    const files = [];
    if (formats.includes('json'))
        files.push({ name: 'plan.json', data: serialisePlan(plan) });
    if (formats.includes('md')) {
        const { markdown, images } = renderMarkdown(plan);
        files.push({ name: 'plan.md', data: markdown }, ...images);
    }
    if (formats.includes('xlsx'))
        files.push({ name: 'plan.xlsx', data: await buildWorkbook(plan) });
    return files;
}
