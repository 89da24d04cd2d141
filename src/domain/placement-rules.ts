// capplan.yaml `placement.rules`, `placement.licenses` and `placement.enforceRulesOnFailover`:
// the placement rules a client states (docs/placement.md, "Rules in a project") and the
// licences host groups are priced with (docs/placement.md, "Licence-aware host groups").
// Each rule is one object with exactly one key, so a typo is reported at its own line.
import picomatch from 'picomatch';
import { z } from 'zod';

const vmName = z.string().min(1);

const vmSelectorSchema = z
  .strictObject({
    names: z.array(vmName).optional().describe('VM names.'),
    os: z.string().min(1).optional().describe('Glob on the inventory os, case-insensitive, e.g. "windows*".'),
    application: z.string().min(1).optional().describe('Glob on the inventory application, case-insensitive.'),
  })
  .describe('Which VMs a host group holds: every VM matching all the given criteria.');
export type VmSelector = z.output<typeof vmSelectorSchema>;

/** What a selector reads of a server. */
interface SelectableServer {
  vmName: string;
  os: string | null;
  application: string | null;
}

const hostGroupSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only')
    .describe('Name of the group (reports, plan.json).'),
  vms: vmSelectorSchema,
  license: z.string().min(1).describe('A licence of placement.licenses every host running these VMs needs.'),
});

const placementRuleSchema = z
  .strictObject({
    antiAffinity: z.array(vmName).min(2).optional().describe('VMs that never share a host.'),
    affinity: z.array(vmName).min(2).optional().describe('VMs that always share one host.'),
    pin: z
      .strictObject({ vm: vmName, host: z.string().min(1).describe('A plan host name, e.g. rhevh2.') })
      .optional()
      .describe('A VM that runs on the named host.'),
    hostGroup: hostGroupSchema.optional().describe('VMs confined to the hosts licensed for them.'),
  })
  .refine((r) => Object.keys(r).length === 1, 'a rule is exactly one of antiAffinity, affinity, pin, hostGroup');

export const licenseSchema = z.strictObject({
  per: z.enum(['host', 'core']).describe('host: one licence per licensed host; core: per licensed physical core.'),
  price: z.number().nonnegative().describe('Price of one licence unit (one host or one core).'),
  minCoresPerHost: z
    .number()
    .int()
    .nonnegative()
    .default(0)
    .describe('Per-core licences: fewest cores licensed per host (Windows Server Datacenter: 16).'),
  minCoresPerSocket: z
    .number()
    .int()
    .nonnegative()
    .default(0)
    .describe('Per-core licences: fewest cores licensed per socket (Windows Server Datacenter: 8).'),
});

/** The fields placementSchema (src/domain/project-settings.ts) gains; absent ones stay out of plan.json. */
export const placementRuleFields = {
  rules: z
    .array(placementRuleSchema)
    .optional()
    .describe('Anti-affinity, affinity, pins and host groups (docs/placement.md).'),
  licenses: z
    .record(z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only'), licenseSchema)
    .optional()
    .describe('Licences host groups name, e.g. windows-datacenter: { per: core, price: 120, minCoresPerHost: 16 }.'),
  enforceRulesOnFailover: z
    .boolean()
    .optional()
    .describe(
      'true: a failed host’s VMs never restart beside a member of their anti-affinity group (more hosts may be ' +
        'needed); false: such restarts are reported, as VMware HA does by default.',
    ),
};

/** Inventory columns anti_affinity, affinity (;-separated group names) and pin_host, as plan.json records them. */
export const serverRuleFields = {
  antiAffinity: z.array(z.string()).optional().describe('Inventory anti_affinity: group names.'),
  affinity: z.array(z.string()).optional().describe('Inventory affinity: group names.'),
  pinHost: z.string().optional().describe('Inventory pin_host: the plan host the VM runs on.'),
};

/** Does a server match a host group's selector? Globs are case-insensitive (picomatch). */
export function matchesSelector(s: SelectableServer, sel: VmSelector): boolean {
  const glob = (pattern: string | undefined, value: string | null) =>
    pattern === undefined || (value !== null && picomatch.isMatch(value, pattern, { nocase: true, dot: true }));
  if (sel.names && !sel.names.includes(s.vmName)) return false;
  return glob(sel.os, s.os) && glob(sel.application, s.application);
}
