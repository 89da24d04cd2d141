// The comparison of scenarios as Markdown (docs/report.md, "Scenarios and the comparison"):
// one section, the same text in the baseline's plan.md and in `capplan compare`'s
// comparison.md, with its chart beside it.
import { md, num, qty } from './format.ts';
import { mdTable } from './markdown-table.ts';
import type { Cell, Comparison, ComparisonRow } from './comparison.ts';
import { barChartSvg } from './charts/bar-chart.ts';
import { svgToPng } from './charts/render-png.ts';

export const COMPARISON_CHART = 'chart-comparison.png';

const DIGITS: Record<ComparisonRow['kind'], number> = { int: 0, pct: 1, money: 2, text: 0 };

function value(v: Cell, kind: ComparisonRow['kind'], c: Comparison): string {
  if (v === null) return c.t.notPriced;
  if (typeof v === 'string') return md(v);
  return kind === 'int' ? qty(v) : num(v, DIGITS[kind]);
}

function delta(d: number | null, kind: ComparisonRow['kind']): string {
  if (d === null) return '—';
  const s = kind === 'int' ? qty(Math.abs(d)) : num(Math.abs(d), DIGITS[kind]);
  return Number(s) === 0 ? s : `${d > 0 ? '+' : '-'}${s}`;
}

export function comparisonSection(c: Comparison): string {
  const k = c.t.comparison;
  const columns = [
    { header: k.figure },
    ...c.plans.flatMap((p, i) => [
      { header: md(p.name), align: 'right' as const },
      ...(i > 0 ? [{ header: k.delta, align: 'right' as const }] : []),
    ]),
  ];
  const rows = c.rows.map((r) => [
    r.label,
    ...r.cells.flatMap((v, i) => [
      value(v, r.kind, c),
      ...(i > 0 ? [r.deltas ? delta(r.deltas[i]!, r.kind) : ''] : []),
    ]),
  ]);
  const described = c.plans.filter((p) => p.description);
  return [
    `## ${c.title}`,
    '',
    c.intro,
    '',
    ...(described.length ? [...described.map((p) => `- ${md(k.scenarioLine(p.name, p.description!))}`), ''] : []),
    mdTable(columns, rows),
    '',
    `*${md(c.costNote)}*`,
    '',
    `![${md(k.alt)}](${COMPARISON_CHART})`,
  ].join('\n');
}

/** The chart of the comparison as PNG. */
export function comparisonChartPng(c: Comparison): Uint8Array {
  return svgToPng(barChartSvg(c.chart));
}
