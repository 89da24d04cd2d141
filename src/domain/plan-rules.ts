// plan.json fields of placement rules and host groups (docs/placement.md): the group a host
// is dedicated to, the licences per group with and without dedicated hosts, and the restarts
// of a failure scenario that break a rule. All optional: a plan without rules has none.
import { z } from 'zod';

/** Field planHostSchema gains. */
export const planHostGroupFields = {
  hostGroup: z.string().optional().describe('Host group the host is dedicated to (docs/placement.md).'),
};

const licenceFigures = z.object({ hosts: z.number(), cores: z.number(), cost: z.number() });

const licenceLineSchema = licenceFigures.extend({
  group: z.string(),
  per: z.enum(['host', 'core']),
  dedicated: z.boolean().describe('true: the group runs on dedicated hosts; false: every host is licensed.'),
  vms: z.number(),
  withoutGroup: licenceFigures.describe('The same licences when every host of the one-cluster plan is licensed.'),
});

/** Fields planPlacementSchema gains. */
export const planLicenceFields = {
  licences: z.array(licenceLineSchema).optional().describe('Licences per host group (cost includes them).'),
  withoutGroups: z
    .object({ hosts: z.number(), hardwareCost: z.number(), licenceCost: z.number() })
    .optional()
    .describe('The one-cluster plan, every host licensed for every group: what the host groups save against.'),
};

const ruleBreakSchema = z.object({
  rule: z.enum(['anti-affinity', 'affinity']),
  group: z.string(),
  vm: z.string(),
  host: z.string().describe('Where the VM restarts.'),
  with: z.array(z.string()).describe('anti-affinity: the group members already there; affinity: members elsewhere.'),
});
export type RuleBreak = z.output<typeof ruleBreakSchema>;

/** Field failoverScenarioSchema gains. */
export const scenarioRuleFields = {
  ruleBreaks: z
    .array(ruleBreakSchema)
    .optional()
    .describe('Restarts that break an anti-affinity or affinity rule (reported unless enforced on failover).'),
};
