// The later sections of plan.md: host specification, placement, failover scenarios,
// hypervisor disk layout, exclusions, data quality, the assumptions that shaped the plan and
// the method, each in the report's language.
import type { Plan } from '../domain/plan.ts';
import { sortFindings } from '../domain/finding.ts';
import type { Messages } from './messages/index.ts';
import { modelName } from './model-name.ts';
import { md, num, pct, qty } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { groupOf, notPlaced } from './summary.ts';
import { findingText } from './finding-text.ts';
import { reasonText } from './reason-text.ts';
import { derivationText } from './derivation-text.ts';
import { noteText } from './note-text.ts';

export function hostSpecSection(plan: Plan, t: Messages): string {
  const m = plan.hostModel;
  const x = t.md;
  const spec = mdTable(
    [{ header: x.resourceCol }, { header: x.valueCol, align: 'right' }],
    [
      [t.col.model, md(modelName(m.name, t))],
      [x.cpu, md(m.cpuModel ?? `${qty(m.cpuGhz)} GHz`)],
      [x.cpuClock, `${qty(m.cpuGhz)} GHz`],
      [x.cpus, String(m.sockets)],
      [x.coresPerCpu, String(m.coresPerSocket)],
      [x.threads, String(m.threadsPerCore)],
      [x.memory, `${qty(m.memoryGb)} GB`],
      [x.nics, `${m.nics} × ${qty(m.nicGbps)} Gbps`],
      [x.localDisk, `${m.localDiskMb} MB`],
      [x.price, m.price > 0 ? qty(m.price) : t.notPriced],
      [x.power, `${qty(m.watts)} W`],
    ],
  );
  const derivation = m.derivation.length
    ? m.derivation.map((_, i) => `- ${md(derivationText(m, i, t))}`).join('\n')
    : `- ${x.catalogModel}`;
  return [`## ${x.hostSpecTitle}`, '', spec, '', x.derivedHow, '', derivation].join('\n');
}

export function placementSection(plan: Plan, t: Messages): string {
  const p = plan.placement;
  const c = t.col;
  const facts = [`- ${t.md.hostsUsed(p.hostsUsed)}`, ...p.notes.map((_, i) => `- ${md(noteText(p, i, t))}`)];
  const table = mdTable(
    [
      { header: c.host },
      { header: t.summary.vms },
      { header: c.vcpu, align: 'right' },
      { header: c.memoryGb, align: 'right' },
      { header: c.diskGb, align: 'right' },
    ],
    plan.hosts.map((h) => [
      md(h.name),
      h.vms.map(md).join(', ') || '—',
      String(h.load.vcpu),
      qty(h.load.memoryGb),
      qty(h.load.diskGb),
    ]),
  );
  return [`## ${t.md.placementTitle}`, '', ...facts, '', table].join('\n');
}

export function failoverSection(plan: Plan, t: Messages): string {
  const r = plan.redundancy;
  const f = t.failover;
  const c = t.col;
  const parts = [`## ${t.md.failoverTitle(md(r.policy))}`, ''];
  if (r.scenarios.length === 0) return [...parts, f.none].join('\n');
  parts.push(t.md.failoverIntro(r.satisfied, r.scenarios.length));
  for (const s of r.scenarios) {
    parts.push('', `### ${t.md.fails(s.failedHosts.map(md).join(' + '), s.satisfied)}`, '');
    parts.push(
      mdTable(
        [
          { header: '#', align: 'right' },
          { header: c.vm },
          { header: t.md.ha },
          { header: f.from },
          { header: f.restartsOn },
        ],
        s.restarts.map((x, i) => [
          String(i + 1),
          md(x.vm),
          t.ha[x.haPriority],
          md(x.from),
          x.to === null ? `**${t.nowhere}**` : md(x.to),
        ]),
      ),
      '',
      mdTable(
        [
          { header: f.survivor },
          { header: c.vcpu, align: 'right' },
          { header: t.summary.cpuPct, align: 'right' },
          { header: c.memoryGb, align: 'right' },
          { header: t.summary.memoryPct, align: 'right' },
        ],
        s.load.map((l) => [md(l.host), String(l.vcpu), pct(l.cpuPct), qty(l.memoryGb), pct(l.memoryPct)]),
      ),
    );
    if (s.shortfalls.length) parts.push('', ...s.shortfalls.map((x) => `- ${md(x)}`));
  }
  return parts.join('\n');
}

export function partitionsSection(plan: Plan, t: Messages): string {
  const c = t.col;
  // The EFI system partition has a column only when the profile installs UEFI hosts (method §7, §12).
  const efi = plan.hosts.some((h) => (h.partitions.efiMb ?? 0) > 0);
  const headers = [c.host, c.bootMb, ...(efi ? [c.efiMb] : []), c.rootMb, c.configMb, c.loggingMb, c.swapMb];
  const all = [...headers, c.dataMb, c.totalMb, c.localDiskMb, c.fits];
  const table = mdTable(
    all.map((h, i) => ({ header: h, align: i === 0 || i === all.length - 1 ? 'left' : 'right' }) as const),
    plan.hosts.map((h) => {
      const p = h.partitions;
      const sizes = [p.bootMb, ...(efi ? [p.efiMb ?? 0] : []), p.rootMb, p.configMb, p.loggingMb, p.swapMb];
      return [
        md(h.name),
        ...[...sizes, p.dataMb, p.totalMb, h.localDiskMb].map((x) => qty(x)),
        p.fits ? t.yes : `**${t.no}**`,
      ];
    }),
  );
  const s = plan.settings.partitions;
  const why = [`- ${t.md.swapWhy(qty(s.swapOvercommit))}`, `- ${t.md.dataWhy(qty(s.dataFactor))}`];
  return [`## ${t.md.layoutTitle}`, '', table, '', ...why].join('\n');
}

export function exclusionsSection(plan: Plan, t: Messages): string {
  const c = t.col;
  const rows = notPlaced(plan).flatMap((v) =>
    (v.reasons.length ? v.reasons : [{ code: 'unknown-error', message: '' }]).map((r) => [
      md(v.name),
      md(v.sourceServer),
      t.status[v.status],
      t.group[groupOf(v)],
      r.code,
      md(reasonText(r, t)),
    ]),
  );
  const title = `## ${t.md.exclusionsTitle}`;
  if (rows.length === 0) return `${title}\n\n${t.exclusions.none(plan.vms.length)}`;
  return [
    title,
    '',
    mdTable(
      [
        { header: c.vm },
        { header: c.sourceServer },
        { header: c.status },
        { header: c.group },
        { header: c.reason },
        { header: c.detail },
      ],
      rows,
    ),
  ].join('\n');
}

export function assumptionsSection(plan: Plan, t: Messages): string {
  const s = plan.settings;
  const x = t.md;
  const res = t.assumptions.resource;
  const per = (o: Record<string, string | number>, f: (v: string | number) => string) =>
    (['cpu', 'memory', 'disk', 'network'] as const).map((k) => `${res[k]} ${f(o[k]!)}`).join(', ');
  const rows = [
    [x.demandStatistic, per(s.sizing.statistic, (v) => md(String(v)))],
    [x.peakFactor, per(s.sizing.peakFactor, (v) => `× ${qty(Number(v))}`)],
    [x.growth, per(s.sizing.growth, (v) => pct(Number(v) * 100, 0))],
    [x.cpuNormalisation, s.sizing.cpuNormalisation],
    [
      x.rounding,
      x.roundingText(qty(s.sizing.memoryStepGb), qty(s.sizing.diskStepGb), s.sizing.minVcpu, qty(s.sizing.minMemoryGb)),
    ],
    [x.threshold, pct(s.sizing.utilisationThresholdPct, 0)],
    [
      x.hypervisor,
      x.hypervisorText(
        md(s.hypervisor.name),
        s.hypervisor.maxVcpuPerVm,
        qty(s.hypervisor.maxMemoryGb64),
        qty(s.hypervisor.reserveMb),
      ),
    ],
    [
      x.cluster,
      x.clusterText(
        s.cluster.redundancy,
        qty(s.cluster.vcpuPerCore),
        pct(s.cluster.cpuCeilingPct, 0),
        pct(s.cluster.memoryCeilingPct, 0),
        pct(s.cluster.failoverCeilingPct, 0),
      ),
    ],
    [x.storage, s.cluster.storage === 'shared' ? x.storageShared : x.storageLocal],
  ];
  return [`## ${x.assumptionsTitle}`, '', mdTable([{ header: t.col.setting }, { header: t.col.value }], rows)].join(
    '\n',
  );
}

/** Data quality per server (method §9) and every finding the readers recorded. */
export function dataQualitySection(plan: Plan, t: Messages): string {
  const x = t.md;
  const rows = plan.servers.map((s) => {
    const q = s.usage?.quality;
    return [
      md(s.name),
      String(s.usage?.samples ?? 0),
      q ? String(q.score) : s.usage ? '—' : '0',
      q ? t.utilisation.verdicts[q.verdict] : s.usage ? '—' : t.utilisation.missingVerdict,
      q ? num(q.daysCovered) : '—',
      q?.peakCovered === null || !q ? '—' : q.peakCovered ? t.yes : `**${t.no}**`,
      md(q?.issues.join(', ') || ''),
    ];
  });
  const table = mdTable(
    [
      { header: t.col.server },
      { header: t.utilisation.samples, align: 'right' },
      { header: x.score, align: 'right' },
      { header: x.verdict },
      { header: x.days, align: 'right' },
      { header: x.busyCovered },
      { header: x.issues },
    ],
    rows,
  );
  const findings = sortFindings(plan.findings ?? []);
  const list = findings.length
    ? mdTable(
        [
          { header: t.col.severity },
          { header: t.col.server },
          { header: t.col.finding },
          { header: t.col.where },
          { header: t.col.detail },
        ],
        findings.map((f) => [
          t.severity[f.severity],
          md(f.server ?? ''),
          md(f.code),
          md(f.file ? `${f.file}${f.row ? `:${f.row}` : ''}` : ''),
          md(findingText(f, t)),
        ]),
      )
    : t.findings.none;
  return [`## ${x.qualityTitle}`, '', table, '', `### ${x.findingsTitle}`, '', list].join('\n');
}

/** How the plan was made in plain words, each rule with its section of docs/method.md. */
export function methodSection(plan: Plan, t: Messages): string {
  const m = t.method;
  const p = plan.placement;
  const inputs = plan.inputs.map((i) => `- ${md(i.file)}: \`${i.sha256}\``);
  return [
    `## ${t.md.methodTitle}`,
    '',
    m.intro,
    '',
    ...m.rules.map(([section, text]) => `- **${section}** ${text}`),
    '',
    `**${m.placement}**: ${m.placementText(p.hostsUsed, p.lowerBound, p.optimal)}`,
    '',
    `**${m.inputs}**`,
    '',
    ...(inputs.length ? inputs : ['- —']),
    '',
    `${m.engine} ${plan.formatVersion}.`,
  ].join('\n');
}
