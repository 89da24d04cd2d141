// Licences of host groups (docs/placement.md, "Licence model"): per host, or per physical
// core with the vendor's minimums. Windows Server 2022/2025 Datacenter and Standard license
// every physical core of the host, at least 8 cores per processor and 16 per server
// (Microsoft, Windows Server 2022 Licensing Guide, "Core-based licensing"): a 2 × 6-core host
// needs 2 × max(8, 6) = 16 ≥ 16 → 16 core licences; a 2 × 12-core host needs 24.
import type { HostModelCapacity, PlacementProblem } from '../domain/problem.ts';
import type { ProblemHostGroup } from '../domain/problem-host-groups.ts';
import type { LicenceLine, PlacedHost } from './types.ts';

/** Cores to license on one host of `model`: every core, at least the per-socket and per-host minimums. */
export function licensedCores(model: HostModelCapacity | undefined, terms: ProblemHostGroup['license']): number {
  const sockets = model?.sockets ?? 0;
  const perSocket = Math.max(terms.minCoresPerSocket, model?.coresPerSocket ?? 0);
  return Math.max(terms.minCoresPerHost, sockets * perSocket);
}

/** Hosts and cores licensed for `group` on `hosts`, and what they cost. */
function licenceOf(problem: PlacementProblem, group: ProblemHostGroup, hosts: readonly PlacedHost[]) {
  const models = new Map(problem.hostModels.map((m) => [m.name, m]));
  const cores = hosts.reduce((s, h) => s + licensedCores(models.get(h.model), group.license), 0);
  const units = group.license.per === 'host' ? hosts.length : cores;
  return { hosts: hosts.length, cores: group.license.per === 'core' ? cores : 0, cost: units * group.license.price };
}

/**
 * Licences of every host group that has VMs: a group with dedicated hosts licenses those;
 * any other group licenses every general host (its VMs may run and restart on any of them).
 * `oneCluster` is the plan without dedicated hosts, licensed on every host.
 */
export function licenceLines(
  problem: PlacementProblem,
  hosts: readonly PlacedHost[],
  oneCluster: readonly PlacedHost[],
): LicenceLine[] {
  const dedicated = new Set(hosts.flatMap((h) => (h.group ? [h.group] : [])));
  const general = hosts.filter((h) => h.group === undefined);
  return (problem.hostGroups ?? []).flatMap((g) => {
    const vms = problem.vms.filter((v) => v.hostGroup === g.name).length;
    if (vms === 0) return [];
    const isDedicated = dedicated.has(g.name);
    const mine = isDedicated ? hosts.filter((h) => h.group === g.name) : general;
    return [
      {
        group: g.name,
        per: g.license.per,
        dedicated: isDedicated,
        vms,
        ...licenceOf(problem, g, mine),
        withoutGroup: licenceOf(problem, g, oneCluster),
      },
    ];
  });
}
