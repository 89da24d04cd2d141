// The charts of a plan (docs/report.md, "Charts"): host utilisation in normal operation and after the
// worst failure against the ceilings, servers vs hosts, and headroom per host.
import type { Plan } from '../../domain/plan.ts';
import { barChartSvg, type BarChart } from './bar-chart.ts';
import { svgToPng } from './render-png.ts';
import { messagesFor, type Messages } from '../messages/index.ts';
import { pct } from '../format.ts';
import { worstFailureLoads } from '../failover-loads.ts';

export interface ChartImage {
  name: string;
  alt: string;
  png: Uint8Array;
}

const BLUE = '#1f4e79';
const LIGHT_BLUE = '#7fa7d1';
const ORANGE = '#c55a11';
const LIGHT_ORANGE = '#f4b183';
const GREY = '#d9d9d9';
const RED = '#c00000';

/** A host's load in the scenario that loads it most (after restarts), 0 when none. */
function worstFailureLoad(plan: Plan, host: string): { cpuPct: number; memoryPct: number } {
  return worstFailureLoads(plan).get(host) ?? { cpuPct: 0, memoryPct: 0 };
}

/** Hosts a per-host chart draws at most; a larger plan shows its busiest (the tables list all). */
export const MAX_CHART_HOSTS = 12;

/**
 * The hosts the per-host charts draw: all of them, or the MAX_CHART_HOSTS with the highest
 * load in normal operation or after the worst failure (ties → the earlier host), in plan order.
 */
function chartHosts(plan: Plan): Plan['hosts'] {
  if (plan.hosts.length <= MAX_CHART_HOSTS) return plan.hosts;
  const peak = (h: Plan['hosts'][number]) => {
    const w = worstFailureLoad(plan, h.name);
    return Math.max(h.load.cpuPct, h.load.memoryPct, w.cpuPct, w.memoryPct);
  };
  const keep = new Set(
    plan.hosts
      .map((h, i) => ({ i, peak: peak(h) }))
      .sort((a, b) => b.peak - a.peak || a.i - b.i)
      .slice(0, MAX_CHART_HOSTS)
      .map((x) => x.i),
  );
  return plan.hosts.filter((_, i) => keep.has(i));
}

/** A per-host chart's subtitle naming the selection when not every host is drawn. */
function hostsSubtitle(plan: Plan, t: Messages): { subtitle?: string } {
  return plan.hosts.length > MAX_CHART_HOSTS
    ? { subtitle: t.chart.busiestHosts(MAX_CHART_HOSTS, plan.hosts.length) }
    : {};
}

export function utilisationChart(plan: Plan, t: Messages = messagesFor(plan)): BarChart {
  const c = plan.settings.cluster;
  const k = t.chart;
  const hosts = chartHosts(plan);
  const worst = hosts.map((h) => worstFailureLoad(plan, h.name));
  const after = plan.redundancy.scenarios.length > 0;
  return {
    title: k.utilisationTitle,
    ...hostsSubtitle(plan, t),
    categories: hosts.map((h) => h.name),
    series: [
      { name: k.cpuNormal, color: BLUE, values: hosts.map((h) => h.load.cpuPct) },
      { name: k.memNormal, color: ORANGE, values: hosts.map((h) => h.load.memoryPct) },
      ...(after
        ? [
            { name: k.cpuAfter, color: LIGHT_BLUE, values: worst.map((w) => w.cpuPct) },
            { name: k.memAfter, color: LIGHT_ORANGE, values: worst.map((w) => w.memoryPct) },
          ]
        : []),
    ],
    yLabel: k.pctCapacity,
    yMax: Math.max(100, ...worst.map((w) => Math.ceil(w.cpuPct / 25) * 25)),
    lines: [
      // The CPU ceiling applies to CPU in normal operation; the failover ceiling to both
      // resources after a failure.
      { value: c.cpuCeilingPct, label: k.cpuCeiling(pct(c.cpuCeilingPct, 0)), color: RED, series: [0] },
      ...(after
        ? [
            {
              value: c.failoverCeilingPct,
              label: k.failoverCeiling(pct(c.failoverCeilingPct, 0)),
              color: ORANGE,
              series: [2, 3],
            },
          ]
        : []),
    ],
  };
}

function consolidationChart(plan: Plan, t: Messages): BarChart {
  const used = plan.hosts.filter((h) => h.vms.length > 0).length;
  const k = t.chart;
  return {
    title: k.consolidationTitle,
    categories: [k.assessed, k.virtualised, k.hostsAfter],
    series: [{ name: k.machines, color: BLUE, values: [plan.totals.servers, plan.totals.placed, used] }],
    yLabel: k.machinesAxis,
  };
}

/**
 * Headroom of each host to its ceiling, in normal operation (CPU and memory ceilings) and
 * after the worst failure (failover ceiling): used + free = the ceiling, free 0 when above it.
 */
function headroomChart(plan: Plan, t: Messages): BarChart {
  const c = plan.settings.cluster;
  const k = t.chart;
  const after = plan.redundancy.scenarios.length > 0;
  const bars = chartHosts(plan).flatMap((h) => {
    const w = worstFailureLoad(plan, h.name);
    return [
      { cat: `${h.name} ${k.cpu}`, used: h.load.cpuPct, ceiling: c.cpuCeilingPct },
      { cat: `${h.name} ${k.memory}`, used: h.load.memoryPct, ceiling: c.memoryCeilingPct },
      ...(after
        ? [
            { cat: `${h.name} ${k.cpu} ${k.afterFailure}`, used: w.cpuPct, ceiling: c.failoverCeilingPct },
            { cat: `${h.name} ${k.memory} ${k.afterFailure}`, used: w.memoryPct, ceiling: c.failoverCeilingPct },
          ]
        : []),
    ];
  });
  const used = bars.map((b) => Math.max(0, b.used));
  return {
    title: k.headroomTitle,
    ...hostsSubtitle(plan, t),
    categories: bars.map((b) => b.cat),
    series: [
      { name: k.used, color: BLUE, values: used },
      { name: k.free, color: GREY, values: bars.map((b, i) => Math.max(0, b.ceiling - used[i]!)) },
    ],
    stacked: true,
    yLabel: k.pctCapacity,
    yMax: Math.max(100, ...used),
  };
}

/** A chart before it is drawn: its file name, alternative text and SVG. */
export interface ChartSvg {
  name: string;
  alt: string;
  svg: string;
}

/** Every chart of the plan as SVG, in the report's language; none when the plan has no hosts. */
export function planChartSvgs(plan: Plan): ChartSvg[] {
  if (plan.hosts.length === 0) return [];
  const t = messagesFor(plan);
  const k = t.chart;
  return [
    { name: 'chart-host-utilisation.png', alt: k.altUtilisation, svg: barChartSvg(utilisationChart(plan, t)) },
    { name: 'chart-consolidation.png', alt: k.altConsolidation, svg: barChartSvg(consolidationChart(plan, t)) },
    { name: 'chart-headroom.png', alt: k.altHeadroom, svg: barChartSvg(headroomChart(plan, t)) },
  ];
}

/** Every chart of the plan as PNG (planChartSvgs drawn). */
export function planCharts(plan: Plan): ChartImage[] {
  return planChartSvgs(plan).map((c) => ({ name: c.name, alt: c.alt, png: svgToPng(c.svg) }));
}
