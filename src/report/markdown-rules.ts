// plan.md's "Placement rules and licences" section (docs/placement.md): the rules the plan
// holds and where each VM of a rule runs, the failure scenarios whose restarts break a rule,
// and the licences per host group with and without dedicated hosts. Absent when the plan
// has no rule, licence or broken restart. Words from the catalogue (messages/rules-*.ts).
import type { Plan } from '../domain/plan.ts';
import { md, qty } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { messagesFor } from './messages/index.ts';
import type { RulesMessages } from './messages/rules-en.ts';

type Rule = 'anti-affinity' | 'affinity' | 'pin' | 'host-group';
type Rows = { rule: Rule; label: string; group: string; vms: string[]; host?: string }[];

/** The plan's rules: capplan.yaml first (named rules[i]), then the inventory columns. */
function ruleRows(plan: Plan, k: RulesMessages): Rows {
  const rows: Rows = [];
  (plan.settings.placement.rules ?? []).forEach((r, i) => {
    const group = `rules[${i}]`;
    if (r.antiAffinity) rows.push({ rule: 'anti-affinity', label: k.antiAffinity, group, vms: r.antiAffinity });
    if (r.affinity) rows.push({ rule: 'affinity', label: k.affinity, group, vms: r.affinity });
    if (r.pin) rows.push({ rule: 'pin', label: k.pin(r.pin.host), group, vms: [r.pin.vm], host: r.pin.host });
    if (r.hostGroup) {
      const vms = plan.hosts.filter((h) => h.hostGroup === r.hostGroup!.name).flatMap((h) => h.vms);
      rows.push({ rule: 'host-group', label: k.hostGroup(r.hostGroup.name, r.hostGroup.license), group, vms });
    }
  });
  const column = (key: 'antiAffinity' | 'affinity', rule: Rule, label: string) => {
    const groups = new Map<string, string[]>();
    for (const s of plan.servers) for (const g of s[key] ?? []) groups.set(g, [...(groups.get(g) ?? []), s.vmName]);
    for (const [group, vms] of [...groups].sort()) rows.push({ rule, label, group, vms });
  };
  column('antiAffinity', 'anti-affinity', k.antiAffinity);
  column('affinity', 'affinity', k.affinity);
  for (const s of plan.servers)
    if (s.pinHost)
      rows.push({ rule: 'pin', label: k.pin(s.pinHost), group: 'pin_host', vms: [s.vmName], host: s.pinHost });
  return rows;
}

function held(plan: Plan, row: Rows[number], k: RulesMessages): string {
  const hostOf = new Map(plan.vms.map((v) => [v.name, v.host]));
  const hosts = row.vms.map((v) => hostOf.get(v) ?? null);
  if (hosts.some((h) => h === null)) return k.notAllPlaced;
  const ok =
    row.rule === 'anti-affinity'
      ? new Set(hosts).size === hosts.length
      : row.rule === 'affinity'
        ? new Set(hosts).size <= 1
        : row.rule === 'pin'
          ? hosts[0] === row.host
          : true;
  return ok ? k.held : k.broken;
}

function rulesTable(plan: Plan, k: RulesMessages): string[] {
  const rows = ruleRows(plan, k);
  if (rows.length === 0) return [];
  const hostOf = new Map(plan.vms.map((v) => [v.name, v.host]));
  const table = mdTable(
    k.head.map((header) => ({ header })),
    rows.map((r) => [
      md(r.label),
      md(r.group),
      r.vms.map((v) => `${md(v)} (${md(hostOf.get(v) ?? null)})`).join(', ') || '—',
      held(plan, r, k),
    ]),
  );
  return [k.checked, '', table];
}

function breaksTable(plan: Plan, k: RulesMessages): string[] {
  const rows = plan.redundancy.scenarios.flatMap((s) =>
    (s.ruleBreaks ?? []).map((b) => [
      md(s.failedHosts.join(' + ')),
      md(b.vm),
      md(b.host),
      k.breaks(b.rule, md(b.group), b.rule === 'anti-affinity', b.with.map(md).join(', ')),
    ]),
  );
  if (rows.length === 0) return [];
  const enforce = plan.settings.placement.enforceRulesOnFailover ? '' : k.enforceHint;
  return [
    '',
    `### ${k.breaksTitle}`,
    '',
    `${k.haCapacityOnly}${enforce}`,
    '',
    mdTable(
      k.breaksHead.map((header) => ({ header })),
      rows,
    ),
  ];
}

function licenceTable(plan: Plan, k: RulesMessages): string[] {
  const lines = plan.placement.licences ?? [];
  const without = plan.placement.withoutGroups;
  if (lines.length === 0 || !without) return [];
  const money = (x: number) => qty(Math.round(x * 100) / 100);
  const table = mdTable(
    k.licencesHead.map((header, i) => (i === 0 ? { header } : { header, align: 'right' as const })),
    lines.map((l) => [
      k.group(md(l.group), l.dedicated),
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
    withoutTotal >= withTotal ? k.save(money(withoutTotal - withTotal)) : k.costMore(money(withTotal - withoutTotal));
  const total = k.total({
    total: money(withTotal),
    hosts: plan.placement.hostsUsed,
    without: money(withoutTotal),
    withoutHosts: without.hosts,
    hardware: money(without.hardwareCost),
    licences: money(without.licenceCost),
  });
  return ['', `### ${k.licencesTitle}`, '', table, '', `${total}: ${verdict}.`];
}

export function rulesSection(plan: Plan): string | null {
  const k = messagesFor(plan).rules;
  const parts = [...rulesTable(plan, k), ...breaksTable(plan, k), ...licenceTable(plan, k)];
  return parts.length === 0 ? null : [`## ${k.title}`, '', ...parts].join('\n');
}
