// Every host's load over time in one picture, for estates too large for a chart per host
// (method §14.2): one row per host, busiest at the top, one column per bucket of the host
// timelines, each cell coloured by the highest of CPU, memory and network as % of the host's
// capacity. Above a few hundred hosts a row holds several hosts of the same rank band and
// shows their highest load. SVG built with xmlbuilder2 like the other charts (host names are
// escaped by the XML writer) and drawn by resvg.
import type { HostReplay, ReplayWindow } from '../../domain/plan-replay.ts';
import { serializeXml } from '../../escape/xml.ts';
import { svgRoot, text } from './bar-chart.ts';

const W = 800;
const PLOT = { left: 150, right: 20, top: 50 };
/** Rows drawn at most; more hosts share rows. */
const MAX_ROWS = 200;
const PLOT_HEIGHT = 400;
const NO_DATA = '#d9d9d9';

/** Colour bands of the load, from the CPU ceiling up (the ceiling and 100 % are where a plan starts to fail). */
function bands(ceilingPct: number): { upTo: number; color: string; label: string }[] {
  const low = Math.min(50, ceilingPct);
  return [
    { upTo: 25, color: '#deebf7', label: '< 25 %' },
    { upTo: low, color: '#9ecae1', label: `25–${low} %` },
    { upTo: ceilingPct, color: '#3182bd', label: `${low}–${ceilingPct} %` },
    { upTo: 100, color: '#fd8d3c', label: `${ceilingPct}–100 %` },
    { upTo: Infinity, color: '#c00000', label: '≥ 100 %' },
  ].filter((b, i, all) => i === 0 || b.upTo > all[i - 1]!.upTo);
}

/** The highest load of a host at one bucket, null when nothing was measured there. */
function peakAt(h: HostReplay, i: number): number | null {
  const t = h.timeline!;
  const xs = [t.cpuPct[i], t.memoryPct[i], t.networkPct[i]].filter((v): v is number => v !== null && v !== undefined);
  return xs.length > 0 ? Math.max(...xs) : null;
}

/**
 * A host's highest load over the window (−1 when nothing was measured) and its mean over the
 * measured buckets: the busiest host has the highest peak, then the highest mean.
 */
export function hostLoad(h: HostReplay): { peak: number; mean: number } {
  const n = h.timeline?.cpuPct.length ?? 0;
  let peak = -1;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = peakAt(h, i);
    if (v === null) continue;
    peak = Math.max(peak, v);
    sum += v;
    count++;
  }
  return { peak, mean: count > 0 ? sum / count : -1 };
}

/** Busiest first (peak, then mean, then the earlier host). */
export function byLoad(a: { i: number; load: { peak: number; mean: number } }, b: typeof a): number {
  return b.load.peak - a.load.peak || b.load.mean - a.load.mean || a.i - b.i;
}

export function replayHeatmapSvg(
  hosts: readonly HostReplay[],
  w: ReplayWindow,
  ceilingPct: number,
  labels: { title: string; rows: (first: number, last: number) => string; legend: string; noData: string },
): string {
  const ranked = hosts
    .map((h, i) => ({ h, i, load: hostLoad(h) }))
    .filter((x) => x.h.timeline)
    .sort(byLoad);
  const perRow = Math.max(1, Math.ceil(ranked.length / MAX_ROWS));
  const rows = Math.max(1, Math.ceil(ranked.length / perRow));
  const rowH = Math.max(2, Math.floor(PLOT_HEIGHT / rows));
  const plotH = rowH * rows;
  const H = PLOT.top + plotH + 90;
  const n = Math.max(1, ranked[0]?.h.timeline?.cpuPct.length ?? 1);
  const pw = W - PLOT.left - PLOT.right;
  const cellW = pw / n;
  const scale = bands(ceilingPct);
  const colorOf = (v: number | null) => (v === null ? NO_DATA : scale.find((b) => v < b.upTo)!.color);
  const root = svgRoot(W, H);
  text(root, W / 2, 28, labels.title, { 'text-anchor': 'middle', 'font-size': '16', 'font-weight': 'bold' });
  const f = (x: number) => x.toFixed(2);
  for (let r = 0; r < rows; r++) {
    const band = ranked.slice(r * perRow, (r + 1) * perRow);
    const y = PLOT.top + r * rowH;
    // Runs of one colour are one rectangle: a row of 168 cells is usually a handful.
    let start = 0;
    let color = '';
    const flush = (end: number) => {
      if (end > start)
        root
          .ele('rect', {
            x: f(PLOT.left + start * cellW),
            y: String(y),
            width: f((end - start) * cellW),
            height: String(rowH),
            fill: color,
          })
          .up();
    };
    for (let i = 0; i < n; i++) {
      let v: number | null = null;
      for (const x of band) {
        const p = peakAt(x.h, i);
        if (p !== null) v = v === null ? p : Math.max(v, p);
      }
      const c = colorOf(v);
      if (c !== color) {
        flush(i);
        [start, color] = [i, c];
      }
    }
    flush(n);
    // Row labels: every row when they are legible, else every tenth of the height.
    const every = rowH >= 12 ? 1 : Math.ceil(rows / 10);
    if (r % every === 0) {
      const first = r * perRow + 1;
      const label = perRow === 1 && rowH >= 12 ? band[0]!.h.name : labels.rows(first, first + band.length - 1);
      text(root, PLOT.left - 6, y + Math.min(rowH, 12) - 2, label.length > 22 ? `${label.slice(0, 21)}…` : label, {
        'text-anchor': 'end',
        'font-size': '10',
      });
    }
  }
  const yAxis = PLOT.top + plotH + 16;
  text(root, PLOT.left, yAxis, (w.from ?? '').slice(0, 16).replace('T', ' '), { 'font-size': '11' });
  text(root, W - PLOT.right, yAxis, (w.to ?? '').slice(0, 16).replace('T', ' '), {
    'font-size': '11',
    'text-anchor': 'end',
  });
  text(root, PLOT.left, H - 46, labels.legend, { 'font-size': '11' });
  let lx = PLOT.left;
  for (const b of [...scale, { color: NO_DATA, label: labels.noData }]) {
    root.ele('rect', { x: f(lx), y: f(H - 34), width: '12', height: '12', fill: b.color }).up();
    text(root, lx + 16, H - 24, b.label, { 'font-size': '11' });
    lx += 28 + b.label.length * 6.5;
  }
  return serializeXml(root, { prettyPrint: false });
}
