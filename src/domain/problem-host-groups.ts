// problem.json fields for host groups and rules on failover (docs/placement.md,
// "Licence-aware host groups"): a VM of a group runs only on hosts licensed for the group;
// the optimiser chooses which hosts (all of them, or a dedicated subset) by the objective,
// licences counted per host or per core.
import { z } from 'zod';
import { licenseSchema } from './placement-rules.ts';

const hostGroupSchema = z.strictObject({
  name: z.string().min(1),
  license: licenseSchema,
});
export type ProblemHostGroup = z.output<typeof hostGroupSchema>;

/** Top-level fields problemSchema (src/domain/problem.ts) gains. */
export const problemGroupFields = {
  hostGroups: z
    .array(hostGroupSchema)
    .optional()
    .describe('Licensed host groups; vms[].hostGroup names one. Licence prices join the min-cost objective.'),
  enforceAntiAffinityOnFailover: z
    .boolean()
    .optional()
    .describe('true: N+k restarts never put a VM beside a member of its anti-affinity group.'),
};

/** Fields a host model gains: its cores, for per-core licences. */
export const hostModelCoreFields = {
  sockets: z.number().int().positive().optional().describe('CPU sockets (per-core licences).'),
  coresPerSocket: z.number().int().positive().optional().describe('Cores per socket (per-core licences).'),
};

/** Fields a VM gains. */
export const vmGroupFields = {
  hostGroup: z.string().min(1).optional().describe('Host group: the VM runs only on hosts licensed for it.'),
};

/** Cross-field rules: a VM's group exists; a grouped VM is not pinned (its hosts are chosen with the group). */
export function hostGroupIssues(p: {
  hostGroups?: ProblemHostGroup[];
  vms: { hostGroup?: string; pin?: string }[];
}): { path: (string | number)[]; message: string }[] {
  const names = new Set((p.hostGroups ?? []).map((g) => g.name));
  const issues: { path: (string | number)[]; message: string }[] = [];
  (p.hostGroups ?? []).forEach((g, i) => {
    if ((p.hostGroups ?? []).findIndex((h) => h.name === g.name) !== i)
      issues.push({ path: ['hostGroups', i, 'name'], message: `duplicate host group "${g.name}"` });
  });
  p.vms.forEach((v, i) => {
    if (v.hostGroup === undefined) return;
    if (!names.has(v.hostGroup))
      issues.push({ path: ['vms', i, 'hostGroup'], message: `unknown host group "${v.hostGroup}"` });
    else if (v.pin !== undefined)
      issues.push({ path: ['vms', i, 'pin'], message: `a VM of host group ${v.hostGroup} cannot be pinned` });
  });
  return issues;
}
