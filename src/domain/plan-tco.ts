// plan.json `tco`: the total cost of ownership of the plan over the horizon (method §15).
// A line whose inputs are missing is not priced: its amounts are null and its key is in
// `notPriced`, never 0. Totals add the priced lines only (null when none is priced). The
// names `currency`, `horizonYears`, `lines` and `totals.overHorizon` are part of the contract.
import { z } from 'zod';

export const TCO_LINE_KEYS = [
  'hardware',
  'hostGroupLicences',
  'subscriptions',
  'support',
  'power',
  'rack',
  'sourcePower',
  'sourceMaintenance',
] as const;
export type TcoLineKey = (typeof TCO_LINE_KEYS)[number];

const money = z.number().nullable();

const tcoLineSchema = z.object({
  key: z.enum(TCO_LINE_KEYS),
  kind: z.enum(['capex', 'opex', 'avoided']).describe('capex: one-off; opex: every year; avoided: saved every year.'),
  perYear: money.describe('Amount per year (opex, avoided); null for one-off lines and lines not priced.'),
  overHorizon: money.describe('Amount over the horizon: capex once, perYear × horizonYears otherwise.'),
  priced: z.boolean(),
  missing: z.array(z.string()).describe('Settings (capplan.yaml paths) whose absence leaves the line not priced.'),
  source: z.string().describe('Where the inputs come from (the settings, the plan, the replay).'),
});
export type TcoLine = z.output<typeof tcoLineSchema>;

export const planTcoSchema = z.object({
  currency: z.string().describe('ISO 4217 code (XXX: not stated).'),
  horizonYears: z.number(),
  hosts: z.number().int(),
  sourceServers: z.number().int().describe('Source servers retired: the placed VMs.'),
  licensedCoresPerHost: z.number().int().describe('max(minCoresPerHost, sockets × max(minCoresPerSocket, cores)).'),
  rackUnits: z.number().nullable().describe('hosts × cost.rack.unitsPerHost; null: not stated.'),
  power: z
    .object({
      utilisationSource: z.enum(['replay', 'plan']).describe('replay: measured average CPU; plan: vCPU allocated.'),
      hostCpuPct: z.array(z.number()).describe('CPU utilisation per host the power model is evaluated at, %.'),
      kwhPerYear: z.number().nullable().describe('Facility energy of the hosts per year (× PUE); null: not priced.'),
    })
    .describe('The linear idle → max power model per host (method §15.5).'),
  lines: z.array(tcoLineSchema),
  totals: z.object({
    capex: money,
    opexPerYear: money,
    overHorizon: money.describe('capex + opexPerYear × horizonYears, priced lines only.'),
    avoidedOverHorizon: money,
    net: money.describe('overHorizon − avoidedOverHorizon.'),
  }),
  notPriced: z.array(z.enum(TCO_LINE_KEYS)),
});
export type PlanTco = z.output<typeof planTcoSchema>;
