// The placement rules of a project (docs/placement.md, "Rules in a project") turned into the
// placement problem's fields: inventory columns anti_affinity / affinity / pin_host and
// capplan.yaml `placement.rules`. A rule of capplan.yaml becomes a group named after its
// place in the file (`rules[0]`), so a broken rule points back at the line that states it.
// Host names are the plan's (<prefix>1, <prefix>2, …); the problem numbers hosts host1, host2, …
import type { ProjectSettings } from '../domain/project.ts';
import type { PlacementVm } from '../domain/problem.ts';
import type { ProblemHostGroup } from '../domain/problem-host-groups.ts';
import { matchesSelector } from '../domain/placement-rules.ts';
import type { PlanServer } from '../domain/plan.ts';

type RuleServer = Pick<PlanServer, 'vmName' | 'os' | 'application' | 'antiAffinity' | 'affinity' | 'pinHost'>;
type VmRuleFields = Pick<PlacementVm, 'antiAffinity' | 'affinity' | 'pin' | 'hostGroup'>;

export interface RuleSet {
  /** Rule fields per VM name (only VMs some rule names). */
  vms: Map<string, VmRuleFields>;
  hostGroups: ProblemHostGroup[];
  enforceOnFailover: boolean;
}

/** The problem's host number (`host2`) for a plan host name (`rhevh2`), or null when it is not one. */
function problemHostName(host: string, prefix: string): string | null {
  if (!host.startsWith(prefix)) return null;
  const n = host.slice(prefix.length);
  return /^[1-9][0-9]*$/.test(n) ? `host${n}` : null;
}

export function ruleSet(servers: readonly RuleServer[], settings: ProjectSettings): RuleSet {
  const prefix = settings.cluster.hostNamePrefix;
  const vms = new Map<string, VmRuleFields>();
  const fields = (vm: string) => {
    const f = vms.get(vm) ?? {};
    vms.set(vm, f);
    return f;
  };
  const addGroup = (vm: string, key: 'antiAffinity' | 'affinity', group: string) => {
    const f = fields(vm);
    f[key] = [...new Set([...(f[key] ?? []), group])].sort();
  };
  for (const s of servers) {
    for (const g of s.antiAffinity ?? []) addGroup(s.vmName, 'antiAffinity', g);
    for (const g of s.affinity ?? []) addGroup(s.vmName, 'affinity', g);
    const pin = s.pinHost === undefined ? null : problemHostName(s.pinHost, prefix);
    if (pin) fields(s.vmName).pin = pin;
  }
  const hostGroups: ProblemHostGroup[] = [];
  (settings.placement.rules ?? []).forEach((rule, i) => {
    const name = `rules[${i}]`;
    for (const vm of rule.antiAffinity ?? []) addGroup(vm, 'antiAffinity', name);
    for (const vm of rule.affinity ?? []) addGroup(vm, 'affinity', name);
    const pin = rule.pin && problemHostName(rule.pin.host, prefix);
    if (rule.pin && pin) fields(rule.pin.vm).pin = pin;
    const group = rule.hostGroup;
    const license = group && settings.placement.licenses?.[group.license];
    if (!group || !license) return;
    hostGroups.push({ name: group.name, license });
    for (const s of servers)
      if (!fields(s.vmName).hostGroup && matchesSelector(s, group.vms)) fields(s.vmName).hostGroup = group.name;
  });
  for (const [vm, f] of vms) if (Object.keys(f).length === 0) vms.delete(vm);
  return { vms, hostGroups, enforceOnFailover: settings.placement.enforceRulesOnFailover ?? false };
}
