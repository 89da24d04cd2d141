// Cross-file checks of placement rules (docs/placement.md, "Rules in a project"): every VM a
// rule of capplan.yaml names is in the inventory, every host is a plan host name, every host
// group names a licence and selects a VM, no VM is in two host groups or pinned inside one.
// capplan.yaml problems are located as `file:line: path: message`, inventory ones as
// `file:row:column: message`; both exit 2 before anything is planned.
import { ConfigError, InputError } from './errors.ts';
import { formatPath, lineOf, parseText } from './load-file.ts';
import { matchesSelector } from './placement-rules.ts';
import type { ProjectSettings } from './project.ts';
import type { InventoryServer } from './server.ts';

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Describes the plan's host names for messages: rhevh1, rhevh2, … (up to rhevhN with a fixed count). */
function hostNames(settings: ProjectSettings): string {
  const p = settings.cluster.hostNamePrefix;
  const n = settings.cluster.hostCount;
  return n ? `${p}1 … ${p}${n}` : `${p}1, ${p}2, …`;
}

/** Why `host` is not a plan host name, or null. */
function badHost(host: string, settings: ProjectSettings): string | null {
  const { hostNamePrefix: prefix, hostCount } = settings.cluster;
  const n = host.startsWith(prefix) ? host.slice(prefix.length) : '';
  const ok = /^[1-9][0-9]*$/.test(n) && (hostCount === null || Number(n) <= hostCount);
  return ok ? null : `unknown host "${host}" (the plan's hosts are ${hostNames(settings)})`;
}

function yamlIssues(servers: readonly InventoryServer[], settings: ProjectSettings): Issue[] {
  const vms = new Set(servers.map((s) => s.vmName));
  const issues: Issue[] = [];
  const knownVm = (vm: string, path: (string | number)[]) => {
    if (!vms.has(vm)) issues.push({ path, message: `unknown VM "${vm}" (not a vm_name of the inventory)` });
  };
  const groupOf = new Map<string, string>();
  const pinned = new Set(servers.filter((s) => s.pinHost !== undefined).map((s) => s.vmName));
  (settings.placement.rules ?? []).forEach((rule, i) => {
    const at = ['placement', 'rules', i];
    rule.antiAffinity?.forEach((vm, j) => {
      knownVm(vm, [...at, 'antiAffinity', j]);
    });
    rule.affinity?.forEach((vm, j) => {
      knownVm(vm, [...at, 'affinity', j]);
    });
    if (rule.pin) {
      knownVm(rule.pin.vm, [...at, 'pin', 'vm']);
      pinned.add(rule.pin.vm);
      const why = badHost(rule.pin.host, settings);
      if (why) issues.push({ path: [...at, 'pin', 'host'], message: why });
    }
    const g = rule.hostGroup;
    if (!g) return;
    if (!settings.placement.licenses?.[g.license])
      issues.push({
        path: [...at, 'hostGroup', 'license'],
        message: `unknown licence "${g.license}" (placement.licenses)`,
      });
    g.vms.names?.forEach((vm, j) => {
      knownVm(vm, [...at, 'hostGroup', 'vms', 'names', j]);
    });
    const members = servers.filter((s) => matchesSelector(s, g.vms));
    if (members.length === 0)
      issues.push({ path: [...at, 'hostGroup', 'vms'], message: 'selects no VM of the inventory' });
    for (const s of members) {
      const other = groupOf.get(s.vmName);
      if (other !== undefined)
        issues.push({ path: [...at, 'hostGroup'], message: `${s.vmName} is already in host group ${other}` });
      else groupOf.set(s.vmName, g.name);
    }
  });
  for (const vm of pinned)
    if (groupOf.has(vm))
      issues.push({ path: ['placement', 'rules'], message: `${vm} is pinned and in host group ${groupOf.get(vm)}` });
  return issues;
}

/**
 * Throws InputError for a bad inventory pin_host and ConfigError (with the lines of
 * `projectText`) for rules of capplan.yaml that name what does not exist.
 */
export function validateRules(
  servers: readonly InventoryServer[],
  settings: ProjectSettings,
  projectFile: string,
  projectText: string,
): void {
  for (const s of servers) {
    const why = s.pinHost === undefined ? null : badHost(s.pinHost, settings);
    if (why) throw new InputError(why, { file: s.source.file, row: s.source.row, column: 'pin_host' });
  }
  const issues = yamlIssues(servers, settings);
  if (issues.length === 0) return;
  const { doc, lines } = parseText(projectText, projectFile, 'yaml').document();
  throw new ConfigError(
    projectFile,
    issues.map((i) => ({ path: formatPath(i.path), message: i.message, row: lineOf(doc, i.path, lines) })),
  );
}
