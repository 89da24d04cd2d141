// A bar chart (grouped or stacked) as SVG, built with xmlbuilder2 so client text (host
// names) is escaped by the XML writer, never by hand. Coordinates are written with fixed
// decimals so the same data gives the same bytes.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { TOLERANCE } from '../../util/tolerance.ts';
import { serializeXml } from '../../escape/xml.ts';

interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export interface BarChart {
  title: string;
  /** A smaller line under the title (e.g. which hosts a chart of a large plan draws). */
  subtitle?: string;
  categories: string[];
  series: BarSeries[];
  /** Stack the series of a category instead of placing them side by side. */
  stacked?: boolean;
  yLabel: string;
  /** Axis maximum; default: the largest bar rounded up. */
  yMax?: number;
  /** Horizontal lines such as a CPU ceiling. */
  lines?: { value: number; label: string; color: string; series?: number[] }[];
}

export const FONT_FAMILY = 'DejaVu Sans';
const W = 800;
const H = 420;
// The right margin holds the ceiling lines' labels.
const PLOT = { left: 70, right: 120, top: 50, bottom: 110 };

const f = (x: number) => x.toFixed(2);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A "nice" axis maximum: 1, 2, 2.5 or 5 × a power of ten at or above `x`. */
export function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= x - TOLERANCE) ?? 10) * p;
}

export function text(
  parent: XMLBuilder,
  x: number,
  y: number,
  value: string,
  attrs: Record<string, string> = {},
): void {
  parent
    .ele('text', { x: f(x), y: f(y), 'font-family': FONT_FAMILY, 'font-size': '12', fill: '#333333', ...attrs })
    .txt(value)
    .up();
}

function barTops(chart: BarChart): number[] {
  return chart.categories.map((_, ci) => {
    const vals = chart.series.map((s) => s.values[ci] ?? 0);
    return chart.stacked ? vals.reduce((a, b) => a + b, 0) : Math.max(0, ...vals);
  });
}

/** An empty chart of `width` × `height` px on a white background. */
export function svgRoot(width: number, height: number): XMLBuilder {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: String(width),
    height: String(height),
    viewBox: `0 0 ${width} ${height}`,
  });
  root.ele('rect', { x: '0', y: '0', width: String(width), height: String(height), fill: '#ffffff' }).up();
  return root;
}

export function barChartSvg(chart: BarChart): string {
  const root = svgRoot(W, H);
  text(root, W / 2, 28, chart.title, { 'text-anchor': 'middle', 'font-size': '17', 'font-weight': 'bold' });
  if (chart.subtitle) text(root, W / 2, 44, chart.subtitle, { 'text-anchor': 'middle', 'font-size': '12' });
  const pw = W - PLOT.left - PLOT.right;
  const ph = H - PLOT.top - PLOT.bottom;
  const yMax = chart.yMax ?? niceMax(Math.max(...barTops(chart), ...(chart.lines ?? []).map((l) => l.value)));
  const y = (v: number) => PLOT.top + ph - (Math.min(v, yMax) / yMax) * ph;
  for (let i = 0; i <= 5; i++) {
    const v = (yMax * i) / 5;
    root
      .ele('line', {
        x1: f(PLOT.left),
        x2: f(PLOT.left + pw),
        y1: f(y(v)),
        y2: f(y(v)),
        stroke: '#dddddd',
        'stroke-width': '1',
      })
      .up();
    text(root, PLOT.left - 8, y(v) + 4, Number.isInteger(v) ? String(v) : v.toFixed(1), {
      'text-anchor': 'end',
      'font-size': '11',
    });
  }
  text(root, 18, PLOT.top + ph / 2, chart.yLabel, {
    'text-anchor': 'middle',
    transform: `rotate(-90 18 ${f(PLOT.top + ph / 2)})`,
  });
  bars(root, chart, { pw, y });
  for (const l of chart.lines ?? []) {
    // A ceiling is drawn over the bars of the series it applies to only (all when unsaid).
    for (const [x1, x2] of lineSpans(chart, pw, l.series))
      root
        .ele('line', {
          x1: f(x1),
          x2: f(x2),
          y1: f(y(l.value)),
          y2: f(y(l.value)),
          stroke: l.color,
          'stroke-width': '2',
          'stroke-dasharray': '6 4',
        })
        .up();
    // Labelled in the right margin, clear of the bars' value labels.
    text(root, PLOT.left + pw + 4, y(l.value) + 4, l.label, { fill: l.color, 'font-size': '10' });
  }
  root
    .ele('line', {
      x1: f(PLOT.left),
      x2: f(PLOT.left + pw),
      y1: f(y(0)),
      y2: f(y(0)),
      stroke: '#333333',
      'stroke-width': '1',
    })
    .up();
  legend(root, chart.series);
  return serializeXml(root, { prettyPrint: false });
}

/** Horizontal extents of a line: the whole plot, or the bars of the given series. */
function lineSpans(chart: BarChart, pw: number, series: number[] | undefined): [number, number][] {
  if (!series || chart.stacked) return [[PLOT.left, PLOT.left + pw]];
  const slot = pw / Math.max(1, chart.categories.length);
  const groupW = slot * 0.7;
  const perBar = groupW / Math.max(1, chart.series.length);
  return chart.categories.flatMap((_, ci) =>
    series.map((si): [number, number] => {
      const x = PLOT.left + ci * slot + (slot - groupW) / 2 + si * perBar;
      return [x - 2, x + perBar];
    }),
  );
}

/** A bar's value label: integers as integers (10, not 10.0). */
function valueLabel(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

function bars(root: XMLBuilder, chart: BarChart, g: { pw: number; y: (v: number) => number }): void {
  const slot = g.pw / Math.max(1, chart.categories.length);
  const groupW = slot * 0.7;
  const perBar = chart.stacked ? groupW : groupW / Math.max(1, chart.series.length);
  chart.categories.forEach((cat, ci) => {
    const x0 = PLOT.left + ci * slot + (slot - groupW) / 2;
    let base = 0;
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const from = chart.stacked ? base : 0;
      const x = chart.stacked ? x0 : x0 + si * perBar;
      const top = g.y(from + v);
      root
        .ele('rect', {
          x: f(x),
          y: f(top),
          width: f(Math.max(1, perBar - 2)),
          height: f(Math.max(0, g.y(from) - top)),
          fill: s.color,
        })
        .up();
      if (!chart.stacked && v > 0)
        text(root, x + perBar / 2 - 1, top - 4, valueLabel(v), {
          'text-anchor': 'middle',
          'font-size': '10',
        });
      base += v;
    });
    text(root, PLOT.left + ci * slot + slot / 2, H - PLOT.bottom + 18, clip(cat, Math.max(6, Math.floor(slot / 7.5))), {
      'text-anchor': 'middle',
    });
  });
}

function legend(root: XMLBuilder, series: BarSeries[]): void {
  const y = H - 40;
  let x = PLOT.left;
  for (const s of series) {
    root.ele('rect', { x: f(x), y: f(y - 10), width: '12', height: '12', fill: s.color }).up();
    text(root, x + 18, y, clip(s.name, 40));
    x += 30 + Math.min(40, s.name.length) * 7;
  }
}
