// plan.xlsx: the workbook built with exceljs, byte-identical for the same plan. exceljs
// stamps the current time into docProps/core.xml and every zip entry, so the document dates
// are set from the plan (report.date, else the end of its monitoring window) and the zip is
// re-packed with that date on every entry.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Plan } from '../domain/plan.ts';
import { exclusionsSheet, findingsSheet, hostsSheet, inventorySheet, summarySheet } from './workbook-sheets.ts';
import { failoverSheet, placementSheet } from './workbook-placement.ts';
import { sizingSheet } from './workbook-sizing.ts';
import { costSheet } from './workbook-cost.ts';
import { planCharts, type ChartImage } from './charts/plan-charts.ts';
import { assumptionsSheet } from './workbook-assumptions.ts';
import { utilisationStatistics, utilizationSheet } from './workbook-utilization.ts';
import { COVER_CHART_COLUMN, coverSheet, methodSheet } from './workbook-cover.ts';
import { messagesFor } from './messages/index.ts';
import { reportDate } from './report-date.ts';
import { hasReplay, replaySheet, replaySheetName } from './workbook-replay.ts';
import type { Comparison } from './comparison.ts';
import { comparisonSheet } from './workbook-comparison.ts';

export { reportDate as documentDate } from './report-date.ts';

function fillWorkbook(wb: ExcelJS.Workbook, plan: Plan, comparison?: Comparison): void {
  const t = messagesFor(plan);
  setProperties(wb, plan);
  const charts = planCharts(plan);
  const sheet = (name: string, tab?: string) =>
    wb.addWorksheet(name, tab ? { properties: { tabColor: { argb: tab } } } : undefined);
  const cover = sheet(t.sheet.cover, 'FF1F4E79');
  coverSheet(cover, plan, t);
  embedCharts(wb, cover, charts.slice(0, 2));
  summarySheet(sheet(t.sheet.summary), plan, t);
  // The scenarios beside the plan, right after its summary.
  if (comparison) comparisonSheet(wb, sheet(t.sheet.comparison, 'FF548235'), comparison);
  const a = assumptionsSheet(sheet(t.sheet.assumptions, 'FFFFC000'), plan, t, utilisationStatistics(plan));
  const inventory = inventorySheet(sheet(t.sheet.inventory), plan, t);
  const util = utilizationSheet(sheet(t.sheet.utilisation), plan, t);
  sizingSheet(sheet(t.sheet.sizing), { plan, a, util, inventory, t });
  hostsSheet(sheet(t.sheet.hosts), plan, t);
  placementSheet(sheet(t.sheet.placement), plan, a, t);
  failoverSheet(sheet(t.sheet.failover), plan, a, t);
  if (hasReplay(plan)) replaySheet(sheet(replaySheetName(plan)), plan);
  exclusionsSheet(sheet(t.sheet.exclusions), plan, t);
  findingsSheet(sheet(t.sheet.findings), plan, t);
  costSheet(sheet(t.sheet.cost), plan, a, t);
  methodSheet(sheet(t.sheet.method), plan, t);
}

/** Document properties from the plan: its date, who prepared it, never the current time. */
function setProperties(wb: ExcelJS.Workbook, plan: Plan): void {
  const t = messagesFor(plan);
  const date = reportDate(plan);
  const by = plan.settings.report?.preparedBy ?? null;
  wb.creator = by ?? 'capplan';
  wb.lastModifiedBy = by ?? 'capplan';
  wb.created = date;
  wb.modified = date;
  wb.title = plan.title;
  wb.subject = t.doc.subject(plan.project);
  // The company that prepared the document, not the client's.
  wb.company = by ?? '';
  wb.keywords = t.doc.keywords;
  wb.description = t.doc.description;
  // Excel recalculates every formula on open; applications that do not calculate show the
  // cached results, which are the engine's figures (workbook-sizing.ts, workbook-cost.ts).
  wb.calcProperties = { fullCalcOnLoad: true };
}

/**
 * Charts (PNG; exceljs cannot draw native charts) beside the cover's figures, in the columns
 * right of them (COVER_CHART_COLUMN), stacked: visible without scrolling on a laptop screen.
 */
function embedCharts(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, charts: ChartImage[]): void {
  charts.forEach((c, i) => {
    const id = wb.addImage({ buffer: Buffer.from(c.png) as unknown as ExcelJS.Buffer, extension: 'png' });
    // 800×420 px charts at 55 %: 440×231 px, one under the other.
    ws.addImage(id, { tl: { col: COVER_CHART_COLUMN, row: 2 + i * 13 }, ext: { width: 440, height: 231 } });
  });
}

/** plan.xlsx; with `comparison` (the plan is the baseline of scenarios) it gains the Comparison sheet. */
export async function buildWorkbook(plan: Plan, comparison?: Comparison): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fillWorkbook(wb, plan, comparison);
  return finish(wb, plan);
}

/** comparison.xlsx of `capplan compare`: the Comparison sheet alone, dated like the baseline's plan. */
export async function buildComparisonWorkbook(baseline: Plan, comparison: Comparison): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  setProperties(wb, baseline);
  wb.title = comparison.title;
  comparisonSheet(wb, wb.addWorksheet(comparison.t.sheet.comparison), comparison);
  return finish(wb, baseline);
}

async function finish(wb: ExcelJS.Workbook, plan: Plan): Promise<Uint8Array> {
  // Stored, not deflated: the repack below compresses every entry once (twice took 6 s of a
  // 7 MB workbook of 700 hosts), and its bytes come from the entries' contents either way.
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repackDeterministic(new Uint8Array(raw as ArrayBuffer), reportDate(plan));
}

/** Re-zips with entries in their original order, every entry dated `date`. */
async function repackDeterministic(zipBytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(zipBytes);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
  for (const name of names) out.file(name, await src.files[name]!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
