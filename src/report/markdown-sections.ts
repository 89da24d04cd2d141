// The later sections of plan.md: host specification, placement, failover scenarios,
// hypervisor disk layout, exclusions and the assumptions that shaped the plan.
import type { Plan } from '../domain/plan.ts';
import { md, num, pct, qty } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { groupOf, notPlaced } from './summary.ts';

export function hostSpecSection(plan: Plan): string {
  const m = plan.hostModel;
  const spec = mdTable(
    [{ header: 'Resource' }, { header: 'Value', align: 'right' }],
    [
      ['Model', md(m.name)],
      ['CPU', md(m.cpuModel ?? `${qty(m.cpuGhz)} GHz`)],
      ['CPU clock', `${qty(m.cpuGhz)} GHz`],
      ['CPUs (sockets)', String(m.sockets)],
      ['Cores per CPU', String(m.coresPerSocket)],
      ['Threads per core', String(m.threadsPerCore)],
      ['Memory', `${qty(m.memoryGb)} GB`],
      ['NICs', `${m.nics} × ${qty(m.nicGbps)} Gbps`],
      ['Local disk', `${m.localDiskMb} MB`],
      ['Price', qty(m.price)],
      ['Power', `${qty(m.watts)} W`],
    ],
  );
  const derivation = m.derivation.length
    ? m.derivation.map((d) => `- ${md(d)}`).join('\n')
    : '- (catalog model; no derivation)';
  return ['## Host specification', '', spec, '', 'How it was derived:', '', derivation].join('\n');
}

export function placementSection(plan: Plan): string {
  const p = plan.placement;
  const facts = [
    `- Method: ${md(p.method)}; objective: ${md(p.objective)}; seed ${p.seed}`,
    `- Hosts used: **${p.hostsUsed}**; lower ` +
      `bound ${p.lowerBound}; ${p.optimal ? 'proven optimal' : 'not proven optimal'}`,
    `- Binding resource: ${md(p.bindingResource)}`,
    ...p.notes.map((n) => `- ${md(n)}`),
  ];
  const table = mdTable(
    [
      { header: 'Host' },
      { header: 'VMs' },
      { header: 'vCPU', align: 'right' },
      { header: 'Memory GB', align: 'right' },
      { header: 'Disk GB', align: 'right' },
    ],
    plan.hosts.map((h) => [
      md(h.name),
      h.vms.map(md).join(', ') || '—',
      String(h.load.vcpu),
      qty(h.load.memoryGb),
      qty(h.load.diskGb),
    ]),
  );
  return ['## Placement', '', ...facts, '', table].join('\n');
}

export function failoverSection(plan: Plan): string {
  const r = plan.redundancy;
  const parts = [
    `## Failover (${md(r.policy)})`,
    '',
    `Redundancy ${r.satisfied ? 'satisfied' : '**NOT satisfied**'}: ${r.scenarios.length} scenario(s) simulated, ` +
      `each failed host's VMs restarting on the survivors in HA-priority order (high, medium, low).`,
  ];
  for (const s of r.scenarios) {
    parts.push('', `### ${s.failedHosts.map(md).join(' + ')} fails: ${s.satisfied ? 'holds' : '**fails**'}`, '');
    parts.push(
      mdTable(
        [
          { header: '#', align: 'right' },
          { header: 'VM' },
          { header: 'HA' },
          { header: 'From' },
          { header: 'Restarts on' },
        ],
        s.restarts.map((x, i) => [
          String(i + 1),
          md(x.vm),
          x.haPriority,
          md(x.from),
          x.to === null ? '**nowhere**' : md(x.to),
        ]),
      ),
      '',
      mdTable(
        [
          { header: 'Surviving host' },
          { header: 'vCPU', align: 'right' },
          { header: 'CPU %', align: 'right' },
          { header: 'Memory GB', align: 'right' },
          { header: 'Memory %', align: 'right' },
        ],
        s.load.map((l) => [md(l.host), String(l.vcpu), pct(l.cpuPct), qty(l.memoryGb), pct(l.memoryPct)]),
      ),
    );
    if (s.shortfalls.length) parts.push('', ...s.shortfalls.map((f) => `- ${md(f)}`));
  }
  return parts.join('\n');
}

export function partitionsSection(plan: Plan): string {
  const table = mdTable(
    [
      'Host',
      'boot MB',
      'root MB',
      'config MB',
      'logging MB',
      'swap MB',
      'data MB',
      'total MB',
      'local disk MB',
      'fits',
    ].map((h, i) => ({ header: h, align: i === 0 || i === 9 ? 'left' : 'right' }) as const),
    plan.hosts.map((h) => {
      const p = h.partitions;
      return [
        md(h.name),
        ...[p.bootMb, p.rootMb, p.configMb, p.loggingMb, p.swapMb, p.dataMb, p.totalMb, h.localDiskMb].map((x) =>
          qty(x),
        ),
        p.fits ? 'yes' : '**no**',
      ];
    }),
  );
  const s = plan.settings.partitions;
  const why = [
    `- swap = recommended swap for the host's RAM (RHEL table: ≤ 4 GB → 2 GB, 4–16 → 4, 16–64 → 8, 64–256 → 16, ` +
      `256–512 → 32) + RAM × ${qty(s.swapOvercommit)} (method §7)`,
    `- data = RAM × ${qty(s.dataFactor)} (kvm core files, kernel dumps, ISO staging; method §7)`,
  ];
  return ['## Hypervisor disk layout', '', table, '', ...why].join('\n');
}

export function exclusionsSection(plan: Plan): string {
  const rows = notPlaced(plan).flatMap((v) =>
    (v.reasons.length ? v.reasons : [{ code: 'unknown-error', message: '' }]).map((r) => [
      md(v.name),
      md(v.sourceServer),
      v.status,
      md(groupOf(v)),
      r.code,
      md(r.message),
    ]),
  );
  if (rows.length === 0) return '## Exclusions\n\nNone: every server became a VM and was placed.';
  return [
    '## Exclusions',
    '',
    mdTable(
      [
        { header: 'VM' },
        { header: 'Source server' },
        { header: 'Status' },
        { header: 'Group' },
        { header: 'Reason' },
        { header: 'Detail' },
      ],
      rows,
    ),
  ].join('\n');
}

export function assumptionsSection(plan: Plan): string {
  const s = plan.settings;
  const per = (o: Record<string, string | number>, f: (x: string | number) => string) =>
    (['cpu', 'memory', 'disk', 'network'] as const).map((k) => `${k} ${f(o[k]!)}`).join(', ');
  const rows = [
    ['Demand statistic', per(s.sizing.statistic, (x) => md(String(x)))],
    ['Peak factor', per(s.sizing.peakFactor, (x) => `× ${qty(Number(x))}`)],
    ['Growth', per(s.sizing.growth, (x) => pct(Number(x) * 100, 0))],
    ['CPU normalisation', s.sizing.cpuNormalisation],
    [
      'Rounding',
      `memory to ${qty(s.sizing.memoryStepGb)} GB, disk to ${qty(s.sizing.diskStepGb)} GB; ` +
        `minimum ${s.sizing.minVcpu} vCPU, ${qty(s.sizing.minMemoryGb)} GB`,
    ],
    ['Utilisation threshold', pct(s.sizing.utilisationThresholdPct, 0)],
    [
      'Hypervisor',
      `${md(s.hypervisor.name)}: ≤ ${s.hypervisor.maxVcpuPerVm} vCPU and ≤ ${qty(s.hypervisor.maxMemoryGb64)} GB ` +
        `per VM, reserve ${qty(s.hypervisor.reserveMb)} MB per host`,
    ],
    [
      'Cluster',
      `N+${s.cluster.redundancy}, ${qty(s.cluster.vcpuPerCore)} vCPU per core, CPU ` +
        `ceiling ${pct(s.cluster.cpuCeilingPct, 0)}, memory ceiling ${pct(s.cluster.memoryCeilingPct, 0)}, failover ` +
        `ceiling ${pct(s.cluster.failoverCeilingPct, 0)}`,
    ],
    [
      'Storage',
      s.cluster.storage === 'shared' ? 'shared (SAN): VM disks do not size the hosts' : 'local: VM disks use host disk',
    ],
  ];
  return ['## Assumptions', '', mdTable([{ header: 'Setting' }, { header: 'Value' }], rows)].join('\n');
}

/** Data quality per server (method §9) and every finding the readers recorded. */
export function dataQualitySection(plan: Plan): string {
  const rows = plan.servers.map((s) => {
    const q = s.usage?.quality;
    return [
      md(s.name),
      String(s.usage?.samples ?? 0),
      q ? String(q.score) : s.usage ? '—' : '0',
      q?.verdict ?? (s.usage ? '—' : 'missing'),
      q ? num(q.daysCovered) : '—',
      q?.peakCovered === null || !q ? '—' : q.peakCovered ? 'yes' : '**no**',
      md(q?.issues.join(', ') || ''),
    ];
  });
  const table = mdTable(
    [
      { header: 'Server' },
      { header: 'Samples', align: 'right' },
      { header: 'Score', align: 'right' },
      { header: 'Verdict' },
      { header: 'Days', align: 'right' },
      { header: 'Busy period covered' },
      { header: 'Issues' },
    ],
    rows,
  );
  const findings = plan.findings ?? [];
  const list = findings.length
    ? mdTable(
        [
          { header: 'Severity' },
          { header: 'Server' },
          { header: 'Finding' },
          { header: 'Where' },
          { header: 'Detail' },
        ],
        findings.map((f) => [
          f.severity,
          md(f.server ?? ''),
          md(f.code),
          md(f.file ? `${f.file}${f.row ? `:${f.row}` : ''}` : ''),
          md(f.message),
        ]),
      )
    : 'No findings: the data is complete for every server.';
  return ['## Data quality', '', table, '', '### Findings', '', list].join('\n');
}
