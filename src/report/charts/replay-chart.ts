// Load over time of one host in normal operation, from the replay (docs/replay.md;
// method §14.2): CPU, memory and network as % of the host's physical capacity, one point per
// bucket (the highest interval in it), with the CPU ceiling and 100 % drawn. SVG built with
// xmlbuilder2 like the bar charts, so host names are escaped by the XML writer.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Plan } from '../../domain/plan.ts';
import type { HostReplay, ReplayWindow } from '../../domain/plan-replay.ts';
import { serializeXml } from '../../escape/xml.ts';
import { niceMax, svgRoot, text } from './bar-chart.ts';
import { svgToPng } from './render-png.ts';
import type { ChartImage, ChartSvg } from './plan-charts.ts';
import { byLoad, hostLoad, replayHeatmapSvg } from './replay-heatmap.ts';
import { messagesFor, type Messages } from '../messages/index.ts';

const W = 800;
const H = 360;
const PLOT = { left: 70, right: 20, top: 50, bottom: 80 };
const LINES = [
  { key: 'cpuPct', color: '#1f4e79' },
  { key: 'memoryPct', color: '#c55a11' },
  { key: 'networkPct', color: '#548235' },
] as const;

type ChartWords = Messages['replay']['hostChart'];
const f = (x: number) => x.toFixed(2);

/** File name of the chart of host `hostIndex` in window `windowIndex` (no client text in it). */
export function replayChartName(windowIndex: number, hostIndex: number): string {
  return `chart-replay-${windowIndex + 1}-${hostIndex + 1}.png`;
}

/** Above this many hosts a window gets a heat map of all of them and charts of the busiest only. */
export const MAX_HOST_CHARTS = 12;

/** File name of the heat map of window `windowIndex`. */
export function replayHeatmapName(windowIndex: number): string {
  return `chart-replay-${windowIndex + 1}-heatmap.png`;
}

/**
 * The hosts of a window that get a chart of their own (indexes into the normal scenario's
 * hosts, in host order): every host with a timeline, or the MAX_HOST_CHARTS busiest (highest
 * peak, then mean load, then the earlier host) and a heat map of all when there are more.
 */
export function replayChartHosts(w: ReplayWindow): { hosts: number[]; heatmap: boolean } {
  const normal = w.scenarios.find((s) => s.name === 'normal');
  const charted = (normal?.hosts ?? []).flatMap((h, i) => (h.timeline ? [{ i, load: hostLoad(h) }] : []));
  if (charted.length <= MAX_HOST_CHARTS) return { hosts: charted.map((x) => x.i), heatmap: false };
  const busiest = charted.sort(byLoad).slice(0, MAX_HOST_CHARTS);
  return { hosts: busiest.map((x) => x.i).sort((a, b) => a - b), heatmap: true };
}

/** The charts of each window of the plan's replay as PNG (replayChartSvgs drawn). */
export function replayCharts(plan: Plan): ChartImage[] {
  return replayChartSvgs(plan).map((c) => ({ name: c.name, alt: c.alt, png: svgToPng(c.svg) }));
}

/** The charts of each window of the plan's replay (see replayChartHosts) as SVG; none without a replay. */
export function replayChartSvgs(plan: Plan): ChartSvg[] {
  const out: ChartSvg[] = [];
  const m = messagesFor(plan).replay;
  const ceiling = plan.settings.cluster.cpuCeilingPct;
  (plan.replay?.windows ?? []).forEach((w, wi) => {
    const normal = w.scenarios.find((s) => s.name === 'normal');
    if (!normal) return;
    const { hosts, heatmap } = replayChartHosts(w);
    if (heatmap) {
      const span = `${(w.from ?? '').slice(0, 10)} – ${(w.to ?? '').slice(0, 10)}`;
      const svg = replayHeatmapSvg(normal.hosts, w, ceiling, {
        title: m.heatmapTitle(normal.hosts.length, span),
        rows: m.heatmapRows,
        legend: m.heatmapLegend,
        noData: m.heatmapNoData,
      });
      out.push({ name: replayHeatmapName(wi), alt: m.heatmapAlt, svg });
    }
    for (const hi of hosts) {
      const h = normal.hosts[hi]!;
      const svg = replayChartSvg(h, w, ceiling, m.hostChart);
      out.push({
        name: replayChartName(wi, hi),
        alt: m.hostChart.alt(h.name, m.hostChart.role(w.role)),
        svg,
      });
    }
  });
  return out;
}

/** The chart of one host, in the words of `k` (the plan's report language). */
function replayChartSvg(h: HostReplay, w: ReplayWindow, ceilingPct: number, k: ChartWords): string {
  const t = h.timeline!;
  const root = svgRoot(W, H);
  const span = `${(w.from ?? '').slice(0, 10)} – ${(w.to ?? '').slice(0, 10)}`;
  const title = k.title(h.name, k.role(w.role), span);
  text(root, W / 2, 28, title, { 'text-anchor': 'middle', 'font-size': '16', 'font-weight': 'bold' });
  const all = LINES.flatMap((l) => t[l.key].filter((v): v is number => v !== null));
  const yMax = niceMax(Math.max(100, ceilingPct, ...all));
  const pw = W - PLOT.left - PLOT.right;
  const ph = H - PLOT.top - PLOT.bottom;
  const n = Math.max(1, t.cpuPct.length);
  const x = (i: number) => PLOT.left + (n === 1 ? pw / 2 : (i * pw) / (n - 1));
  const y = (v: number) => PLOT.top + ph - (Math.min(v, yMax) / yMax) * ph;
  for (let i = 0; i <= 5; i++) {
    const v = (yMax * i) / 5;
    hline(root, y(v), '#dddddd', 1);
    text(root, PLOT.left - 8, y(v) + 4, String(Math.round(v)), { 'text-anchor': 'end', 'font-size': '11' });
  }
  text(root, 18, PLOT.top + ph / 2, k.axis, {
    'text-anchor': 'middle',
    transform: `rotate(-90 18 ${f(PLOT.top + ph / 2)})`,
  });
  hline(root, y(100), '#c00000', 2, '6 4');
  text(root, PLOT.left + 4, y(100) - 5, '100 %', { fill: '#c00000', 'font-size': '11' });
  if (ceilingPct < 100) {
    hline(root, y(ceilingPct), '#ed7d31', 1.5, '3 3');
    text(root, W - PLOT.right - 4, y(ceilingPct) - 5, k.ceiling(ceilingPct), {
      fill: '#ed7d31',
      'font-size': '11',
      'text-anchor': 'end',
    });
  }
  for (const l of LINES) {
    const points = t[l.key].flatMap((v, i) => (v === null ? [] : [`${f(x(i))},${f(y(v))}`]));
    if (points.length === 0) continue;
    root.ele('polyline', { points: points.join(' '), fill: 'none', stroke: l.color, 'stroke-width': '1.5' }).up();
  }
  hline(root, y(0), '#333333', 1);
  const hours = t.bucketSeconds / 3600;
  text(root, W / 2, H - PLOT.bottom + 20, k.points(n, fmtHours(hours), w.intervalSeconds / 60), {
    'text-anchor': 'middle',
    'font-size': '11',
  });
  let lx = PLOT.left;
  for (const l of LINES) {
    root.ele('rect', { x: f(lx), y: f(H - 40), width: '12', height: '12', fill: l.color }).up();
    text(root, lx + 18, H - 30, k[l.key]);
    lx += 40 + k[l.key].length * 7;
  }
  return serializeXml(root, { prettyPrint: false });
}

function hline(root: XMLBuilder, yv: number, color: string, width: number, dash?: string): void {
  root
    .ele('line', {
      x1: f(PLOT.left),
      x2: f(W - PLOT.right),
      y1: f(yv),
      y2: f(yv),
      stroke: color,
      'stroke-width': String(width),
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    })
    .up();
}

const fmtHours = (h: number) => (h >= 1 ? `${Number.isInteger(h) ? h : h.toFixed(1)} h` : `${Math.round(h * 60)} min`);
