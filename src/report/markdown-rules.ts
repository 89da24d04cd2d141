// plan.md's "Placement rules and licences" section (docs/placement.md): the rules the plan
// holds and where each VM of a rule runs, the failure scenarios whose restarts break a rule,
// and the licences per host group with and without dedicated hosts. Absent when the plan
// has no rule, licence or broken restart.
import type { Plan } from '../domain/plan.ts';
import { md, qty } from './format.ts';
import { mdTable } from './markdown-table.ts';

type Rows = { kind: string; group: string; vms: string[] }[];

/** The plan's rules: capplan.yaml first (named rules[i]), then the inventory columns. */
function ruleRows(plan: Plan): Rows {
  const rows: Rows = [];
  (plan.settings.placement.rules ?? []).forEach((r, i) => {
    const group = `rules[${i}]`;
    if (r.antiAffinity) rows.push({ kind: 'anti-affinity', group, vms: r.antiAffinity });
    if (r.affinity) rows.push({ kind: 'affinity', group, vms: r.affinity });
    if (r.pin) rows.push({ kind: `pin → ${r.pin.host}`, group, vms: [r.pin.vm] });
    if (r.hostGroup) {
      const vms = plan.hosts.filter((h) => h.hostGroup === r.hostGroup!.name).flatMap((h) => h.vms);
      rows.push({ kind: `host group ${r.hostGroup.name} (${r.hostGroup.license})`, group, vms });
    }
  });
  const column = (key: 'antiAffinity' | 'affinity', kind: string) => {
    const groups = new Map<string, string[]>();
    for (const s of plan.servers) for (const g of s[key] ?? []) groups.set(g, [...(groups.get(g) ?? []), s.vmName]);
    for (const [group, vms] of [...groups].sort()) rows.push({ kind, group, vms });
  };
  column('antiAffinity', 'anti-affinity');
  column('affinity', 'affinity');
  for (const s of plan.servers)
    if (s.pinHost) rows.push({ kind: `pin → ${s.pinHost}`, group: 'pin_host', vms: [s.vmName] });
  return rows;
}

function held(plan: Plan, kind: string, vms: string[]): string {
  const hostOf = new Map(plan.vms.map((v) => [v.name, v.host]));
  const hosts = vms.map((v) => hostOf.get(v) ?? null);
  if (hosts.some((h) => h === null)) return 'not all placed';
  if (kind === 'anti-affinity') return new Set(hosts).size === hosts.length ? 'held' : '**broken**';
  if (kind === 'affinity') return new Set(hosts).size <= 1 ? 'held' : '**broken**';
  if (kind.startsWith('pin → ')) return hosts[0] === kind.slice(6) ? 'held' : '**broken**';
  return 'held';
}

function rulesTable(plan: Plan): string[] {
  const rows = ruleRows(plan);
  if (rows.length === 0) return [];
  const hostOf = new Map(plan.vms.map((v) => [v.name, v.host]));
  const table = mdTable(
    [{ header: 'Rule' }, { header: 'Stated in' }, { header: 'VMs (host)' }, { header: 'Normal operation' }],
    rows.map((r) => [
      md(r.kind),
      md(r.group),
      r.vms.map((v) => `${md(v)} (${md(hostOf.get(v) ?? null)})`).join(', ') || '—',
      held(plan, r.kind, r.vms),
    ]),
  );
  return ['Every rule is checked by the placement verifier in normal operation.', '', table];
}

function breaksTable(plan: Plan): string[] {
  const rows = plan.redundancy.scenarios.flatMap((s) =>
    (s.ruleBreaks ?? []).map((b) => [
      md(s.failedHosts.join(' + ')),
      md(b.vm),
      md(b.host),
      `${b.rule} ${md(b.group)}: ${b.rule === 'anti-affinity' ? 'beside' : 'apart from'} ${b.with.map(md).join(', ')}`,
    ]),
  );
  if (rows.length === 0) return [];
  const enforce = plan.settings.placement.enforceRulesOnFailover
    ? ''
    : ' Set `placement.enforceRulesOnFailover: true` to keep anti-affinity on restarts (it may need more hosts).';
  return [
    '',
    `### Restarts that break a rule`,
    '',
    `HA restarts respect capacity only, as VMware HA does by default.${enforce}`,
    '',
    mdTable([{ header: 'Failed' }, { header: 'VM' }, { header: 'Restarts on' }, { header: 'Breaks' }], rows),
  ];
}

function licenceTable(plan: Plan): string[] {
  const lines = plan.placement.licences ?? [];
  const without = plan.placement.withoutGroups;
  if (lines.length === 0 || !without) return [];
  const money = (x: number) => qty(Math.round(x * 100) / 100);
  const table = mdTable(
    [
      { header: 'Host group' },
      { header: 'VMs', align: 'right' },
      { header: 'Hosts', align: 'right' },
      { header: 'Cores', align: 'right' },
      { header: 'Licences', align: 'right' },
      { header: 'Without the group: hosts', align: 'right' },
      { header: 'Cores', align: 'right' },
      { header: 'Licences', align: 'right' },
      { header: 'Saving', align: 'right' },
    ],
    lines.map((l) => [
      `${md(l.group)} (${l.dedicated ? 'dedicated hosts' : 'every host licensed'})`,
      String(l.vms),
      String(l.hosts),
      l.per === 'core' ? String(l.cores) : '—',
      money(l.cost),
      String(l.withoutGroup.hosts),
      l.per === 'core' ? String(l.withoutGroup.cores) : '—',
      money(l.withoutGroup.cost),
      money(l.withoutGroup.cost - l.cost),
    ]),
  );
  const withTotal = plan.placement.cost;
  const withoutTotal = without.hardwareCost + without.licenceCost;
  const verdict =
    withoutTotal >= withTotal
      ? `the host groups save **${money(withoutTotal - withTotal)}**`
      : `dedicating hosts would cost ${money(withTotal - withoutTotal)} more`;
  return [
    '',
    '### Licences per host group',
    '',
    table,
    '',
    `Hardware + licences: **${money(withTotal)}** with ${plan.placement.hostsUsed} hosts; one cluster licensing ` +
      `every host: ${money(withoutTotal)} with ${without.hosts} hosts (${money(without.hardwareCost)} hardware + ` +
      `${money(without.licenceCost)} licences): ${verdict}.`,
  ];
}

export function rulesSection(plan: Plan): string | null {
  const parts = [...rulesTable(plan), ...breaksTable(plan), ...licenceTable(plan)];
  return parts.length === 0 ? null : ['## Placement rules and licences', '', ...parts].join('\n');
}
