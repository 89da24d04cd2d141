// plan.md: the consolidation report in GitHub-flavoured Markdown, rendered from the Plan alone
// (docs/report.md, "plan.md"). Every client string goes through `md` (escaped).
import type { Plan, PlanVm, ResourceSizing } from '../domain/plan.ts';
import { md, num, pct, qty, ratio } from './format.ts';
import { mdTable } from './markdown-table.ts';
import {
  failoverSection,
  hostSpecSection,
  exclusionsSection,
  partitionsSection,
  placementSection,
  assumptionsSection,
  dataQualitySection,
} from './markdown-sections.ts';
import { dataQuality, dataQualityText, groupOf, headline, hostIops, summaryRows } from './summary.ts';

interface RenderedImage {
  name: string;
  data: Uint8Array;
}

export interface MarkdownReport {
  markdown: string;
  images: RenderedImage[];
}

/** The whole report; `images` (charts) are linked by name, files beside plan.md. */
export function markdownText(plan: Plan, images: { name: string; alt: string }[] = []): string {
  const parts = [
    titleSection(plan),
    summarySection(plan),
    ...(images.length ? [images.map((i) => `![${md(i.alt)}](${encodeURI(i.name)})`).join('\n')] : []),
    sizingSection(plan),
    hostSpecSection(plan),
    placementSection(plan),
    failoverSection(plan),
    partitionsSection(plan),
    exclusionsSection(plan),
    dataQualitySection(plan),
    assumptionsSection(plan),
  ];
  return `${parts.join('\n\n')}\n`;
}

function titleSection(plan: Plan): string {
  const lines = [`# ${md(plan.title)}`, ''];
  if (plan.client) lines.push(`Client: ${md(plan.client)}  `);
  lines.push(`Project: ${md(plan.project)} · plan format ${plan.formatVersion}  `);
  lines.push(`Inputs: ${plan.inputs.map((i) => `${md(i.file)} (sha256 ${i.sha256.slice(0, 12)})`).join(', ') || '—'}`);
  return lines.join('\n');
}

function summarySection(plan: Plan): string {
  const h = headline(plan);
  const facts = [
    `- **${h.servers}** servers assessed, **${h.candidates}** virtualisation candidates placed, **${h.notPlaced}** ` +
      `not placed`,
    `- **${h.hostsUsed}** hosts after consolidation (lower bound ${plan.placement.lowerBound}); consolidation ratio ` +
      `**${ratio(h.ratio)}**; ${h.hostsSaved} machines saved${
        plan.sourceHosts?.length ? ` (${h.machinesBefore} source hosts in vHost → ${h.hostsUsed})` : ''
      }`,
    `- VMs need **${h.vcpu} vCPU**, **${h.memoryGb} GB** memory, **${h.diskGb} GB** disk`,
    `- Redundancy **${md(h.redundancy)}**: ${h.redundancySatisfied ? 'satisfied' : '**NOT satisfied**'}`,
    `- Data quality: ${md(dataQualityText(dataQuality(plan)))}`,
  ];
  const groups = mdTable(
    [
      { header: 'Group' },
      { header: 'Servers', align: 'right' },
      { header: 'Avg CPU %', align: 'right' },
      { header: 'Avg memory GB', align: 'right' },
      { header: 'Avg IOPS', align: 'right' },
      { header: 'Avg network MB/s', align: 'right' },
    ],
    summaryRows(plan).map((r) => [
      r.group,
      String(r.servers),
      num(r.cpuPct),
      num(r.memoryGb),
      num(r.iops),
      num(r.networkMBps),
    ]),
  );
  const hosts = mdTable(
    [
      { header: 'Host' },
      { header: 'VMs', align: 'right' },
      { header: 'vCPU', align: 'right' },
      { header: 'CPU %', align: 'right' },
      { header: 'Memory GB', align: 'right' },
      { header: 'Memory %', align: 'right' },
      { header: 'IOPS', align: 'right' },
      { header: 'Network MB/s', align: 'right' },
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
  return ['## Consolidation summary', '', ...facts, '', groups, '', '### Hosts after consolidation', '', hosts].join(
    '\n',
  );
}

/** Only a plan with VMs sized from allocation shows a Basis column (method §3.6). */
function basisColumn(plan: Plan): boolean {
  return plan.vms.some((v) => v.sizing.basis && v.sizing.basis.kind !== 'monitoring');
}

function sizingSection(plan: Plan): string {
  const withBasis = basisColumn(plan);
  const vms = mdTable(
    [
      { header: 'VM' },
      { header: 'Source server' },
      { header: 'Status' },
      ...(withBasis ? [{ header: 'Basis' }] : []),
      { header: 'vCPU', align: 'right' },
      { header: 'Memory GB', align: 'right' },
      { header: 'Disk GB', align: 'right' },
      { header: 'vNICs', align: 'right' },
      { header: 'Network MB/s', align: 'right' },
      { header: 'HA' },
      { header: 'Host' },
    ],
    plan.vms.map((v) => [
      md(v.name),
      md(v.sourceServer),
      statusCell(v),
      ...(withBasis ? [md(v.sizing.basis?.label ?? 'monitoring')] : []),
      String(v.vcpu),
      qty(v.memoryGb),
      qty(v.diskGb),
      String(v.nics),
      num(v.networkMBps),
      v.haPriority,
      md(v.host),
    ]),
  );
  const total =
    `Total: **${plan.totals.vcpu} vCPU**, **${plan.totals.memoryGb} GB** memory, ` +
    `**${plan.totals.diskGb} GB** disk.`;
  const inputs = mdTable(
    [
      { header: 'VM' },
      { header: 'Resource' },
      { header: 'Statistic' },
      { header: 'Measured', align: 'right' },
      { header: 'Peak ×', align: 'right' },
      { header: 'Growth', align: 'right' },
      { header: 'Demand', align: 'right' },
      { header: 'Result', align: 'right' },
      { header: 'Formula' },
    ],
    plan.vms.flatMap((v) => sizingRows(v)),
  );
  return ['## Sizing', '', vms, '', total, '', '### The inputs behind every figure', '', inputs].join('\n');
}

const RESOURCE_UNITS: Record<string, string> = {
  cpu: 'CPU %',
  memory: 'memory MB',
  disk: 'disk GB',
  network: 'network MB/s',
};

function sizingRows(v: PlanVm): string[][] {
  const entries = (['cpu', 'memory', 'disk', 'network'] as const).flatMap((k) =>
    v.sizing[k] ? [[k, v.sizing[k]] as const] : [],
  );
  return entries.map(([k, s]: readonly [string, ResourceSizing]) => [
    md(v.name),
    RESOURCE_UNITS[k] ?? k,
    md(s.statistic),
    num(s.measured),
    qty(s.peakFactor),
    pct(s.growth * 100, 0),
    num(s.demand),
    qty(s.result),
    md(s.formula),
  ]);
}

function statusCell(v: PlanVm): string {
  return v.status === 'placed' ? 'placed' : `${v.status} (${md(groupOf(v).replace(/^(Unplaced|Excluded): /, ''))})`;
}
