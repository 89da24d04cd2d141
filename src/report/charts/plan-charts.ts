// The charts of a plan (docs/report.md, "Charts"): host utilisation in normal operation and after the
// worst failure against the ceilings, servers vs hosts, and headroom per host.
import type { Plan } from '../../domain/plan.ts';
import { barChartSvg, type BarChart } from './bar-chart.ts';
import { svgToPng } from './render-png.ts';

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
  const loads = plan.redundancy.scenarios.flatMap((s) => s.load.filter((l) => l.host === host));
  return {
    cpuPct: Math.max(0, ...loads.map((l) => l.cpuPct)),
    memoryPct: Math.max(0, ...loads.map((l) => l.memoryPct)),
  };
}

export function utilisationChart(plan: Plan): BarChart {
  const c = plan.settings.cluster;
  const worst = plan.hosts.map((h) => worstFailureLoad(plan, h.name));
  return {
    title: 'Host utilisation: normal operation and after the worst failure',
    categories: plan.hosts.map((h) => h.name),
    series: [
      { name: 'CPU % normal', color: BLUE, values: plan.hosts.map((h) => h.load.cpuPct) },
      { name: 'Memory % normal', color: ORANGE, values: plan.hosts.map((h) => h.load.memoryPct) },
      { name: 'CPU % after failure', color: LIGHT_BLUE, values: worst.map((w) => w.cpuPct) },
      { name: 'Memory % after failure', color: LIGHT_ORANGE, values: worst.map((w) => w.memoryPct) },
    ],
    yLabel: '% of capacity',
    yMax: Math.max(100, ...worst.map((w) => Math.ceil(w.cpuPct / 25) * 25)),
    lines: [
      { value: c.cpuCeilingPct, label: `CPU ceiling ${c.cpuCeilingPct} %`, color: RED },
      ...(c.failoverCeilingPct !== c.cpuCeilingPct
        ? [{ value: c.failoverCeilingPct, label: `failover ceiling ${c.failoverCeilingPct} %`, color: ORANGE }]
        : []),
    ],
  };
}

function consolidationChart(plan: Plan): BarChart {
  const used = plan.hosts.filter((h) => h.vms.length > 0).length;
  return {
    title: 'Physical machines before and after consolidation',
    categories: ['Servers assessed', 'Servers virtualised', 'Hosts after', 'Lower bound'],
    series: [
      {
        name: 'Machines',
        color: BLUE,
        values: [plan.totals.servers, plan.totals.placed, used, plan.placement.lowerBound],
      },
    ],
    yLabel: 'machines',
  };
}

function headroomChart(plan: Plan): BarChart {
  const cats = plan.hosts.flatMap((h) => [`${h.name} CPU`, `${h.name} memory`]);
  const used = plan.hosts.flatMap((h) => [h.load.cpuPct, h.load.memoryPct]).map((v) => Math.min(100, Math.max(0, v)));
  return {
    title: 'Headroom per host (normal operation)',
    categories: cats,
    series: [
      { name: 'Used %', color: BLUE, values: used },
      { name: 'Free %', color: GREY, values: used.map((v) => 100 - v) },
    ],
    stacked: true,
    yLabel: '% of capacity',
    yMax: 100,
  };
}

/** Every chart of the plan as PNG; none when the plan has no hosts. */
export function planCharts(plan: Plan): ChartImage[] {
  if (plan.hosts.length === 0) return [];
  return [
    {
      name: 'chart-host-utilisation.png',
      alt: 'Host utilisation, normal and after the worst failure',
      png: svgToPng(barChartSvg(utilisationChart(plan))),
    },
    {
      name: 'chart-consolidation.png',
      alt: 'Servers before, hosts after consolidation',
      png: svgToPng(barChartSvg(consolidationChart(plan))),
    },
    { name: 'chart-headroom.png', alt: 'Headroom per host', png: svgToPng(barChartSvg(headroomChart(plan))) },
  ];
}
