// plan.md / replay.md: what the measured demand did on the plan's hosts (docs/replay.md;
// method §14). Rendered from the plan's `replay` alone; every client string through `md`.
import type { Plan } from '../domain/plan.ts';
import type { ReplayWindow, ResourceReplay } from '../domain/plan-replay.ts';
import { replayChartHosts, replayChartName, replayHeatmapName } from './charts/replay-chart.ts';
import { md, num, pct } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { tradeOffSection } from './replay-trade-off.ts';
import { messagesFor, type Messages } from './messages/index.ts';

/** A scenario's name in the report's language: "normal" or "<hosts> fails". */
export function scenarioName(m: Messages, name: string): string {
  if (name === 'normal') return m.replay.normal;
  const failed = /^(.*) fails$/.exec(name);
  return failed ? m.replay.fails(failed[1]!) : name;
}

/** The replay section of plan.md; empty when the plan has no replay. */
export function replaySection(plan: Plan, opts: { charts?: boolean } = {}): string {
  const replay = plan.replay;
  if (!replay || replay.windows.length === 0) return '';
  const c = plan.settings.cluster;
  const m = messagesFor(plan).replay;
  const smt = plan.settings.replay.smtFactor;
  const parts = [
    `## ${m.title}`,
    '',
    m.intro(smt !== 1 ? String(smt) : null) +
      m.ceilings(c.cpuCeilingPct, c.memoryCeilingPct, c.failoverCeilingPct, replay.maxOverloadPct),
  ];
  replay.windows.forEach((w, wi) => {
    parts.push('', ...windowPart(w, plan));
    if (opts.charts !== false) {
      const normal = w.scenarios.find((s) => s.name === 'normal');
      const { hosts, heatmap } = replayChartHosts(w);
      const links = hosts.map((hi) => `![${m.chartAlt(md(normal!.hosts[hi]!.name))}](${replayChartName(wi, hi)})`);
      if (heatmap)
        parts.push(
          '',
          `![${m.heatmapAlt}](${replayHeatmapName(wi)})`,
          '',
          m.busiestCharts(hosts.length, normal!.hosts.length),
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
  const msg = messagesFor(plan);
  const m = msg.replay;
  const title = w.role === 'planning' ? m.planningWindow : m.backtestWindow;
  const lines = [
    `### ${title}: ${w.from ?? '—'} – ${w.to ?? '—'}`,
    '',
    m.summary(
      w.vms,
      String(w.intervalSeconds / 60),
      s.hostIntervals,
      pct(s.cpuOverCeilingPct, 2),
      pct(s.cpuOver100Pct, 2),
      pct(s.memoryOver100Pct, 2),
      pct(s.networkOver100Pct, 2),
    ),
  ];
  if (w.vmsWithoutSamples.length) lines.push('', m.noSample(w.vmsWithoutSamples.map(md).join(', ')));
  lines.push('', verdict(w, plan, m));
  if (s.networkOver100Pct > plan.settings.replay.maxOverloadPct) lines.push('', m.network);
  if (s.worstFailure)
    lines.push(
      '',
      m.worstFailure(
        md(scenarioName(msg, s.worstFailure.scenario)),
        m.resource[s.worstFailure.resource] ?? s.worstFailure.resource,
        md(s.worstFailure.host),
        pct(s.worstFailure.worstPct),
      ),
    );
  lines.push('', hostTable(w, msg));
  return lines;
}

function verdict(w: ReplayWindow, plan: Plan, m: Messages['replay']): string {
  const g = w.requiredGrowth;
  if (!w.overloaded && g.cpu === 1 && g.memory === 1) return m.held;
  const growth = plan.settings.sizing.growth;
  return m.growth(
    w.overloaded ? m.notHeld : m.heldWithin,
    num(g.cpu),
    num(growth.cpu),
    num(g.cpuGrowth),
    num(g.memory),
    num(growth.memory),
    num(g.memoryGrowth),
  );
}

function hostTable(w: ReplayWindow, msg: Messages): string {
  const cell = (r: ResourceReplay | null, f: (r: ResourceReplay) => string) => (r ? f(r) : '—');
  const c = msg.replay.col;
  return mdTable(
    [
      { header: c.scenario },
      { header: c.host },
      { header: c.vms, align: 'right' },
      { header: c.cpuGhz, align: 'right' },
      { header: c.cpuP99, align: 'right' },
      { header: c.cpuOverCeiling, align: 'right' },
      { header: c.cpuOver100, align: 'right' },
      { header: c.worstCpuAt },
      { header: c.memoryGb, align: 'right' },
      { header: c.networkMbs, align: 'right' },
      { header: c.networkOver100, align: 'right' },
    ],
    w.scenarios.flatMap((s) =>
      s.hosts.map((h) => [
        md(scenarioName(msg, s.name)),
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
