// plan.md: the consolidation report in GitHub-flavoured Markdown, rendered from the Plan alone
// (docs/report.md, "plan.md"), in the report's language. Every client string goes through
// `md` (escaped).
import type { Plan, PlanVm, ResourceSizing } from '../domain/plan.ts';
import { md, num, pct, qty, ratio } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { rulesSection } from './markdown-rules.ts';
import {
  failoverSection,
  hostSpecSection,
  exclusionsSection,
  partitionsSection,
  placementSection,
  assumptionsSection,
  dataQualitySection,
  methodSection,
} from './markdown-sections.ts';
import { executiveSummary } from './executive.ts';
import { formulaText } from './formula-text.ts';
import { messagesFor, type Messages } from './messages/index.ts';
import { replaySection } from './replay-markdown.ts';
import { tcoSection } from './markdown-tco.ts';
import { anyCpuMhz, dataQuality, dataQualityText, groupOf, headline, hostIops, summaryRows } from './summary.ts';

interface RenderedImage {
  name: string;
  data: Uint8Array;
}

export interface MarkdownReport {
  markdown: string;
  images: RenderedImage[];
}

/** The whole report; `images` (charts) are linked by name, files beside plan.md. */
export function markdownText(
  plan: Plan,
  images: { name: string; alt: string }[] = [],
  /** The comparison of scenarios section (comparison-markdown.ts), when the plan is their baseline. */
  comparison?: string,
): string {
  const t = messagesFor(plan);
  const parts = [
    executiveSection(plan, t, images.slice(0, 2)),
    summarySection(plan, t),
    ...(images.length > 2 ? [chartsSection(images.slice(2), t)] : []),
    ...(comparison ? [comparison] : []),
    sizingSection(plan, t),
    hostSpecSection(plan, t),
    placementSection(plan, t),
    failoverSection(plan, t),
    ...[rulesSection(plan)].filter((x) => x !== null),
    ...[replaySection(plan)].filter((x) => x !== ''),
    ...[tcoSection(plan, t)].filter((x) => x !== null),
    partitionsSection(plan, t),
    exclusionsSection(plan, t),
    dataQualitySection(plan, t),
    assumptionsSection(plan, t),
    methodSection(plan, t),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** Each chart its own paragraph (one image per line would render as one paragraph). */
function chartLines(images: { name: string; alt: string }[]): string[] {
  return images.flatMap((i, k) => [...(k ? [''] : []), `![${md(i.alt)}](${encodeURI(i.name)})`]);
}

function chartsSection(images: { name: string; alt: string }[], t: Messages): string {
  return [`## ${t.md.chartsTitle}`, '', ...chartLines(images)].join('\n');
}

/** The first section: the executive summary the cover sheet also shows. */
function executiveSection(plan: Plan, t: Messages, images: { name: string; alt: string }[]): string {
  const e = executiveSummary(plan, t);
  const lines = [`# ${md(e.title)}`, '', `*${t.cover.title}*`, ''];
  lines.push(
    mdTable(
      [{ header: '' }, { header: '' }],
      e.meta.map(([k, v]) => [k, md(v)]),
    ),
    '',
  );
  for (const b of e.blocks) lines.push(`**${b.heading}**`, '', ...b.lines.map((l) => `- ${md(l)}`), '');
  lines.push(`**${t.cover.topFindings}**`, '', ...e.points.map((p) => `- ${md(p)}`), '');
  if (images.length) lines.push(...chartLines(images), '');
  lines.push(`*${md(e.disclaimer)}*`);
  return lines.join('\n');
}

function summarySection(plan: Plan, t: Messages): string {
  const h = headline(plan);
  const s = t.summary;
  const facts = [
    `- ${t.md.assessed(h.servers, h.candidates, h.notPlaced)}`,
    `- ${t.md.hostsLine(h.hostsUsed, ratio(h.ratio), h.hostsSaved)}${
      plan.sourceHosts?.length ? ` ${t.md.sourceHostsNote(h.machinesBefore, h.hostsUsed)}` : ''
    }`,
    `- ${t.md.needs(h.vcpu, h.memoryGb, h.diskGb)}`,
    `- ${t.md.redundancyLine(md(h.redundancy), h.redundancySatisfied)}`,
    `- ${t.md.qualityLine}: ${md(dataQualityText(dataQuality(plan), t))}`,
  ];
  // CPU MHz only when some server measured it (method §3.7): other reports keep their columns.
  const mhz = anyCpuMhz(plan);
  const groups = mdTable(
    [
      { header: s.group },
      { header: s.servers, align: 'right' },
      { header: s.avgCpu, align: 'right' },
      ...(mhz ? [{ header: s.avgCpuMhz, align: 'right' as const }] : []),
      { header: s.avgMemory, align: 'right' },
      { header: s.avgIops, align: 'right' },
      { header: s.avgNetwork, align: 'right' },
    ],
    summaryRows(plan).map((r) => [
      t.group[r.group],
      String(r.servers),
      num(r.cpuPct),
      ...(mhz ? [num(r.cpuMhz)] : []),
      num(r.memoryGb),
      num(r.iops),
      num(r.networkMBps),
    ]),
  );
  const hosts = mdTable(
    [
      { header: s.host },
      { header: s.vms, align: 'right' },
      { header: t.col.vcpu, align: 'right' },
      { header: s.cpuPct, align: 'right' },
      { header: s.memoryGb, align: 'right' },
      { header: s.memoryPct, align: 'right' },
      { header: s.iops, align: 'right' },
      { header: s.networkMBps, align: 'right' },
    ],
    plan.hosts.map((x) => [
      md(x.name),
      String(x.vms.length),
      String(x.load.vcpu),
      pct(x.load.cpuPct),
      qty(x.load.memoryGb),
      pct(x.load.memoryPct),
      num(hostIops(plan, x.name)),
      num(x.load.networkMBps),
    ]),
  );
  return [`## ${t.md.summaryTitle}`, '', ...facts, '', groups, '', `### ${t.md.hostsTitle}`, '', hosts].join('\n');
}

/** Only a plan with VMs sized from allocation shows a Basis column (method §3.6). */
function basisColumn(plan: Plan): boolean {
  return plan.vms.some((v) => v.sizing.basis && v.sizing.basis.kind !== 'monitoring');
}

function sizingSection(plan: Plan, t: Messages): string {
  const c = t.col;
  const withBasis = basisColumn(plan);
  const vms = mdTable(
    [
      { header: c.vm },
      { header: c.sourceServer },
      { header: c.status },
      ...(withBasis ? [{ header: c.basis }] : []),
      { header: c.vcpu, align: 'right' },
      { header: c.memoryGb, align: 'right' },
      { header: c.diskGb, align: 'right' },
      { header: c.vnics, align: 'right' },
      { header: c.networkMBps, align: 'right' },
      { header: t.md.ha },
      { header: c.host },
    ],
    plan.vms.map((v) => [
      md(v.name),
      md(v.sourceServer),
      statusCell(v, t),
      ...(withBasis ? [md(v.sizing.basis ? t.md.basis(v.sizing.basis) : t.md.basisMonitoring)] : []),
      String(v.vcpu),
      qty(v.memoryGb),
      qty(v.diskGb),
      String(v.nics),
      num(v.networkMBps),
      t.ha[v.haPriority],
      md(v.host),
    ]),
  );
  const total = t.md.total(plan.totals.vcpu, plan.totals.memoryGb, plan.totals.diskGb);
  const m = t.md;
  const inputs = mdTable(
    [
      { header: c.vm },
      { header: m.resource },
      { header: m.statistic },
      { header: m.measured, align: 'right' },
      { header: m.peak, align: 'right' },
      { header: m.growth, align: 'right' },
      { header: m.demand, align: 'right' },
      { header: m.result, align: 'right' },
      { header: m.formula },
    ],
    plan.vms.flatMap((v) => sizingRows(v, t)),
  );
  return [`## ${m.sizingTitle}`, '', vms, '', total, '', `### ${m.inputsTitle}`, '', inputs].join('\n');
}

function sizingRows(v: PlanVm, t: Messages): string[][] {
  const entries = (['cpu', 'memory', 'disk', 'network'] as const).flatMap((k) =>
    v.sizing[k] ? [[k, v.sizing[k]] as const] : [],
  );
  return entries.map(([k, s]: readonly ['cpu' | 'memory' | 'disk' | 'network', ResourceSizing]) => [
    md(v.name),
    t.md.resourceUnit[k],
    md(t.md.statisticName(s.statistic)),
    num(s.measured),
    qty(s.peakFactor),
    pct(s.growth * 100, 0),
    num(s.demand),
    qty(s.result),
    md(formulaText(s, t)),
  ]);
}

function statusCell(v: PlanVm, t: Messages): string {
  if (v.status === 'placed') return t.status.placed;
  const group = t.group[groupOf(v)].replace(/^[^:]*: /, '');
  return `${t.status[v.status]} (${md(group)})`;
}
