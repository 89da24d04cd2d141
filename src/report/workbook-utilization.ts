// The Utilization sheet: per server, every statistic of every monitored metric (average,
// minimum, maximum, percentiles) and data quality. Sizing formulas look values up here by
// header ("CPU % p95"), so changing the statistic on Assumptions picks another column.
import type ExcelJS from 'exceljs';
import { METRIC_NAMES, type MetricName, type MetricStats } from '../domain/server.ts';
import type { Plan } from '../domain/plan.ts';
import { FMT, colLetter, writeTable, type CellValue, type SheetColumn } from './workbook-style.ts';

export const UTILIZATION_SHEET = 'Utilization';

export const METRIC_LABEL: Record<MetricName, string> = {
  cpuPct: 'CPU %',
  memoryUsedMb: 'Memory MB',
  diskUsedGb: 'Disk GB',
  networkMBps: 'Network MB/s',
  iops: 'IOPS',
};

const METRIC_FMT: Record<MetricName, string> = {
  cpuPct: FMT.pct1,
  memoryUsedMb: FMT.mb2,
  diskUsedGb: FMT.gb2,
  networkMBps: FMT.mbps,
  iops: FMT.dec2,
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

export function utilizationSheet(ws: ExcelJS.Worksheet, plan: Plan): UtilizationLayout {
  const stats = ['avg', 'min', 'max', ...percentileKeys(plan)];
  const columns: SheetColumn[] = [
    { header: '#', width: 5, numFmt: FMT.int },
    { header: 'Server', width: 32 },
    { header: 'Samples', width: 9, numFmt: FMT.int },
    { header: 'First sample (UTC)', width: 21 },
    { header: 'Last sample (UTC)', width: 21 },
    { header: 'Window days', width: 8, numFmt: FMT.dec2 },
    { header: 'Missing metrics', width: 24 },
    { header: 'Quality score', width: 9, numFmt: FMT.int },
    { header: 'Quality', width: 10 },
    { header: 'Quality issues', width: 28 },
  ];
  for (const m of METRIC_NAMES)
    for (const st of stats) columns.push({ header: `${METRIC_LABEL[m]} ${st}`, width: 13, numFmt: METRIC_FMT[m] });
  const rows: CellValue[][] = plan.servers.map((s, i) => {
    const u = s.usage;
    const missing = METRIC_NAMES.filter((m) => m !== 'iops' && !u?.metrics[m]).map((m) => METRIC_LABEL[m]);
    const head: CellValue[] = [
      i + 1,
      s.name,
      u?.samples ?? 0,
      u?.firstTimestamp ?? null,
      u?.lastTimestamp ?? null,
      u ? windowDays(u.firstTimestamp, u.lastTimestamp) : null,
      u ? missing.join(', ') || null : 'no monitoring data',
      u?.quality?.score ?? (u ? null : 0),
      u?.quality?.verdict ?? (u ? null : 'missing'),
      u?.quality?.issues.join(', ') || null,
    ];
    return [...head, ...METRIC_NAMES.flatMap((m) => stats.map((st) => statValue(u?.metrics[m], st) ?? null))];
  });
  const first = writeTable(
    ws,
    'Utilization: measured demand per server, with data quality',
    columns,
    rows,
    'Statistics of the monitoring window, in the units of the headers.',
  );
  const lastCol = colLetter(columns.length);
  const lastRow = first + Math.max(plan.servers.length, 1) - 1;
  const sheet = UTILIZATION_SHEET;
  const table = `${sheet}!$A$${first}:$${lastCol}$${lastRow}`;
  const keys = `${sheet}!$A$${first}:$A$${lastRow}`;
  const header = `${sheet}!$A$${first - 1}:$${lastCol}$${first - 1}`;
  return {
    lookup: (keyCell, headerExpr) => `INDEX(${table},MATCH(${keyCell},${keys},0),MATCH(${headerExpr},${header},0))`,
    value: (i, m, st) => statValue(plan.servers[i]?.usage?.metrics[m], st),
  };
}
