// The Utilisation sheet: per server, every statistic of every monitored metric (average,
// minimum, maximum, percentiles) and data quality. Sizing formulas look values up here by
// server number and header ("CPU % p95"), so changing the statistic on Assumptions picks
// another column. Every statistic is on screen; the columns other than avg, p95 and max are
// grouped (an outline), so one click folds them away for a readable print.
import type ExcelJS from 'exceljs';
import { hasCpuDemand, shownMetrics, type MetricName, type MetricStats } from '../domain/server.ts';
import type { Plan } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { cellText } from '../escape/spreadsheet.ts';
import { FMT, colLetter, writeTable, type CellValue, type SheetColumn } from './workbook-style.ts';

const METRIC_FMT: Record<MetricName, string> = {
  cpuPct: FMT.pct1,
  memoryUsedMb: FMT.mb2,
  diskUsedGb: FMT.gb2,
  networkMBps: FMT.mbps,
  iops: FMT.dec2,
  cpuMhz: FMT.dec2,
};

export interface UtilizationLayout {
  /** The value under the header `headerExpr` of the server whose number is in `keyCell`, by that number. */
  lookup(keyCell: string, headerExpr: string): string;
  /** The statistic's value as plan.json holds it, or undefined when not monitored. */
  value(serverIndex: number, metric: MetricName, statistic: string): number | undefined;
}

function statValue(stats: MetricStats | undefined, statistic: string): number | undefined {
  if (!stats) return undefined;
  if (statistic === 'avg' || statistic === 'min' || statistic === 'max') return stats[statistic];
  return stats.percentiles[statistic];
}

/** Percentile keys present anywhere in the plan, in numeric order (p50, p95, p99, …). */
function percentileKeys(plan: Plan): string[] {
  const keys = new Set<string>();
  for (const s of plan.servers)
    for (const m of Object.values(s.usage?.metrics ?? {})) for (const k of Object.keys(m.percentiles)) keys.add(k);
  return [...keys].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b));
}

function windowDays(first: string, last: string): number | null {
  const ms = Date.parse(last) - Date.parse(first);
  return Number.isFinite(ms) ? ms / 86_400_000 : null;
}

/** The statistics the sheet has a column for, per metric: what a demand statistic may be. */
export function utilisationStatistics(plan: Plan): string[] {
  return ['avg', 'min', 'max', ...percentileKeys(plan)];
}

/** Statistics printed; the others are on screen only. */
const PRINTED = new Set(['avg', 'p95', 'max']);

export function utilizationSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): UtilizationLayout {
  const stats = utilisationStatistics(plan);
  const w = t.utilisation;
  const columns: SheetColumn[] = [
    { header: t.col.number, width: 5, numFmt: FMT.int },
    { header: t.col.server, width: 28 },
    { header: w.samples, width: 9, numFmt: FMT.int },
    { header: w.first, width: 20 },
    { header: w.last, width: 20 },
    { header: w.days, width: 8, numFmt: FMT.dec2 },
    { header: w.missing, width: 20 },
    { header: w.score, width: 9, numFmt: FMT.int },
    { header: w.quality, width: 10 },
    { header: w.issues, width: 24 },
  ];
  const headColumns = columns.length;
  const metrics = shownMetrics(plan.servers.map((s) => s.usage?.metrics));
  for (const m of metrics)
    for (const st of stats) columns.push({ header: `${w.metric[m]} ${st}`, width: 12, numFmt: METRIC_FMT[m] });
  const rows: CellValue[][] = plan.servers.map((s, i) => {
    const u = s.usage;
    // CPU is missing when neither its % nor its MHz was measured (method §3.7).
    const missing = metrics
      .filter((m) => m !== 'iops' && m !== 'cpuMhz' && !u?.metrics[m] && !(m === 'cpuPct' && hasCpuDemand(u?.metrics)))
      .map((m) => w.metric[m]);
    const head: CellValue[] = [
      i + 1,
      cellText(s.name),
      u?.samples ?? 0,
      u?.firstTimestamp ?? null,
      u?.lastTimestamp ?? null,
      u ? windowDays(u.firstTimestamp, u.lastTimestamp) : null,
      u ? missing.join(', ') || null : w.noData,
      u?.quality?.score ?? (u ? null : 0),
      u?.quality ? w.verdicts[u.quality.verdict] : u ? null : w.missingVerdict,
      u?.quality?.issues.join(', ') || null,
    ];
    return [...head, ...metrics.flatMap((m) => stats.map((st) => statValue(u?.metrics[m], st) ?? null))];
  });
  const first = writeTable(ws, t, w.title, columns, rows, w.note);
  // Statistics other than avg/p95/max: grouped, so they fold away for print.
  for (const [mi] of metrics.entries())
    for (const [si, st] of stats.entries())
      if (!PRINTED.has(st)) ws.getColumn(headColumns + mi * stats.length + si + 1).outlineLevel = 1;
  const lastCol = colLetter(columns.length);
  const lastRow = first + Math.max(plan.servers.length, 1) - 1;
  const sheet = `'${t.sheet.utilisation}'`;
  const table = `${sheet}!$A$${first}:$${lastCol}$${lastRow}`;
  const keys = `${sheet}!$A$${first}:$A$${lastRow}`;
  const header = `${sheet}!$A$${first - 1}:$${lastCol}$${first - 1}`;
  return {
    lookup: (keyCell, headerExpr) => `INDEX(${table},MATCH(${keyCell},${keys},0),MATCH(${headerExpr},${header},0))`,
    value: (i, m, st) => statValue(plan.servers[i]?.usage?.metrics[m], st),
  };
}
