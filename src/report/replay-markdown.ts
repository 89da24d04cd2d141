// plan.md / replay.md: what the measured demand did on the plan's hosts (docs/replay.md;
// method §14). Rendered from the plan's `replay` alone; every client string through `md`.
import type { Plan } from '../domain/plan.ts';
import type { ReplayWindow, ResourceReplay } from '../domain/plan-replay.ts';
import { replayChartName } from './charts/replay-chart.ts';
import { md, num, pct } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { tradeOffSection } from './replay-trade-off.ts';

/** The replay section of plan.md; empty when the plan has no replay. */
export function replaySection(plan: Plan, opts: { charts?: boolean } = {}): string {
  const replay = plan.replay;
  if (!replay || replay.windows.length === 0) return '';
  const c = plan.settings.cluster;
  const parts = [
    '## Replay of the measured demand',
    '',
    "Every interval's measured demand of every VM put back on its host, in physical units: CPU GHz " +
      '(source cores × clock × CPU %) against sockets × cores × clock' +
      (plan.settings.replay.smtFactor !== 1 ? ` × SMT factor ${plan.settings.replay.smtFactor}` : '') +
      ', memory against usable memory (RAM − hypervisor reserve), network against the NICs’ line rate. ' +
      `Ceilings: CPU ${c.cpuCeilingPct} %, memory ${c.memoryCeilingPct} % in normal operation; ` +
      `${c.failoverCeilingPct} % after a failure. Allowed overload: ${replay.maxOverloadPct} % of the intervals.`,
  ];
  replay.windows.forEach((w, wi) => {
    parts.push('', ...windowPart(w, plan));
    if (opts.charts !== false) {
      const normal = w.scenarios.find((s) => s.name === 'normal');
      const links = (normal?.hosts ?? []).flatMap((h, hi) =>
        h.timeline ? [`![${md(h.name)}: load over time](${replayChartName(wi, hi)})`] : [],
      );
      if (links.length) parts.push('', links.join('\n'));
    }
  });
  const tradeOff = tradeOffSection(plan);
  if (tradeOff) parts.push('', tradeOff);
  return parts.join('\n');
}

export function windowPart(w: ReplayWindow, plan: Plan): string[] {
  const s = w.summary;
  const title = w.role === 'planning' ? 'Planning window' : 'Backtest window';
  const lines = [
    `### ${title}: ${w.from ?? '—'} – ${w.to ?? '—'}`,
    '',
    `${w.vms} VMs replayed at ${w.intervalSeconds / 60}-minute intervals, ${s.hostIntervals} host-intervals in ` +
      `normal operation: CPU over the ceiling in **${pct(s.cpuOverCeilingPct, 2)}**, over 100 % in ` +
      `**${pct(s.cpuOver100Pct, 2)}**; memory over 100 % in **${pct(s.memoryOver100Pct, 2)}**; network over ` +
      `the line rate in **${pct(s.networkOver100Pct, 2)}**.`,
  ];
  if (w.vmsWithoutSamples.length)
    lines.push('', `No sample in this window for: ${w.vmsWithoutSamples.map(md).join(', ')}.`);
  lines.push('', verdict(w, plan));
  if (s.networkOver100Pct > plan.settings.replay.maxOverloadPct)
    lines.push(
      '',
      "The network demand exceeds the NICs' line rate: that takes more or faster NICs (cluster.dataNics, " +
        'cluster.nicGbps), not a larger sizing.',
    );
  if (s.worstFailure)
    lines.push(
      '',
      `Worst failure: ${md(s.worstFailure.scenario)}, ${s.worstFailure.resource} of ${md(s.worstFailure.host)} ` +
        `at ${pct(s.worstFailure.worstPct)} of its capacity.`,
    );
  lines.push('', hostTable(w));
  return lines;
}

function verdict(w: ReplayWindow, plan: Plan): string {
  const g = w.requiredGrowth;
  if (!w.overloaded && g.cpu === 1 && g.memory === 1) return '**The plan held** on this window in normal operation.';
  const held = w.overloaded ? '**The plan did not hold**' : 'The plan held within the allowed overload';
  const growth = plan.settings.sizing.growth;
  return (
    `${held}: it would have held with CPU demand × ${num(g.cpu)} (sizing growth ${num(growth.cpu)} → ` +
    `${num(g.cpuGrowth)}) and memory demand × ${num(g.memory)} (growth ${num(growth.memory)} → ` +
    `${num(g.memoryGrowth)}), the capacity growing with the sizing (method §14.3).`
  );
}

function hostTable(w: ReplayWindow): string {
  const cell = (r: ResourceReplay | null, f: (r: ResourceReplay) => string) => (r ? f(r) : '—');
  return mdTable(
    [
      { header: 'Scenario' },
      { header: 'Host' },
      { header: 'VMs', align: 'right' },
      { header: 'CPU GHz avg / peak / capacity', align: 'right' },
      { header: 'CPU p99', align: 'right' },
      { header: 'CPU > ceiling', align: 'right' },
      { header: 'CPU > 100 %', align: 'right' },
      { header: 'Worst CPU at' },
      { header: 'Memory GB peak / usable', align: 'right' },
      { header: 'Network MB/s avg / peak / line rate', align: 'right' },
      { header: 'Network > 100 %', align: 'right' },
    ],
    w.scenarios.flatMap((s) =>
      s.hosts.map((h) => [
        md(s.name),
        md(h.name),
        String(h.vms),
        cell(h.cpu, (r) => `${num(r.avg)} / ${num(r.peak)} / ${num(r.capacity)}`),
        cell(h.cpu, (r) => pct(r.p99Pct)),
        cell(h.cpu, (r) => pct(r.overCeilingPct, 2)),
        cell(h.cpu, (r) => pct(r.over100Pct, 2)),
        cell(h.cpu, (r) => r.worstAt ?? '—'),
        cell(h.memory, (r) => `${num(r.peak)} / ${num(r.capacity)}`),
        cell(h.network, (r) => `${num(r.avg)} / ${num(r.peak)} / ${num(r.capacity)}`),
        cell(h.network, (r) => pct(r.over100Pct, 2)),
      ]),
    ),
  );
}
