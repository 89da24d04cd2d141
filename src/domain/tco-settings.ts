// capplan.yaml's `cost` section: the prices and physical figures behind the total cost of
// ownership (method §15). Every price is optional: a figure whose inputs are missing is
// "not priced" in plan.json and the reports, never 0. `cluster.price` and the catalog's
// `price`/`watts` stay what they were (placement's objective); these settings add to them.
import { z } from 'zod';

const amount = z.number().nonnegative();
const optionalAmount = (what: string) => amount.nullable().default(null).describe(what);
const sourceText = z
  .string()
  .nullable()
  .default(null)
  .describe('Where the figures come from (quote, price list, bill), shown beside them on Assumptions.');

const hardwareSchema = z
  .strictObject({
    pricePerHost: optionalAmount(
      'Price of one host of the plan, one-off. null: the host model price (cluster.price or the catalog model) ' +
        'when above 0, else not priced.',
    ),
    models: z
      .record(z.string(), amount)
      .default({})
      .describe('Price per catalog model name, one-off; wins over the catalog price.'),
    source: sourceText,
  })
  .prefault({});

const subscriptionSchema = z
  .strictObject({
    perSocketYear: optionalAmount('Hypervisor subscription per physical socket per year (method §15.3).'),
    perCoreYear: optionalAmount('Hypervisor subscription per licensed core per year (method §15.3).'),
    minCoresPerSocket: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe("Vendor's minimum cores licensed per socket (per-core pricing; e.g. 16)."),
    minCoresPerHost: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe("Vendor's minimum cores licensed per host (per-core pricing)."),
    source: sourceText,
  })
  .prefault({});

const supportSchema = z
  .strictObject({
    pctOfHardwarePerYear: optionalAmount('Hardware support per year as % of the hardware price (method §15.4).'),
    perHostYear: optionalAmount('Hardware support per host per year, an amount (used when no % is given).'),
    source: sourceText,
  })
  .prefault({});

const powerSchema = z
  .strictObject({
    idleWatts: optionalAmount('Power of one host at 0 % CPU, W (method §15.5: linear idle → max model).'),
    maxWatts: optionalAmount('Power of one host at 100 % CPU, W. null: the host model watts when above 0.'),
    pue: z
      .number()
      .min(1)
      .nullable()
      .default(null)
      .describe('Power usage effectiveness of the data centre: facility / IT power, ≥ 1 (The Green Grid).'),
    pricePerKwh: optionalAmount('Electricity price per kWh.'),
    hoursPerYear: z
      .number()
      .positive()
      .max(8784)
      .default(8760)
      .describe('Hours a year the hosts and source servers run (8760: around the clock).'),
    source: sourceText,
  })
  .prefault({});

const rackSchema = z
  .strictObject({
    unitsPerHost: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .describe('Rack units (U) one host takes. null: not stated.'),
    pricePerUnitYear: optionalAmount('Rack space (colocation) price per U per year.'),
    source: sourceText,
  })
  .prefault({});

const sourceServersSchema = z
  .strictObject({
    watts: optionalAmount('Average power of one retired source server, W (avoided power, method §15.7).'),
    maintenancePerYear: optionalAmount('Maintenance of one retired source server per year (avoided).'),
    source: sourceText,
  })
  .prefault({});

export const costSchema = z
  .strictObject({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. MXN, USD, EUR')
      .default('XXX')
      .describe('ISO 4217 code of every amount. XXX (ISO: "no currency"): not stated.'),
    horizonYears: z
      .number()
      .int()
      .positive()
      .max(50)
      .default(3)
      .describe('Years the total cost of ownership covers (method §15.1).'),
    hardware: hardwareSchema,
    subscription: subscriptionSchema,
    support: supportSchema,
    power: powerSchema,
    rack: rackSchema,
    sourceServers: sourceServersSchema,
  })
  .prefault({})
  .describe('Total cost of ownership over the horizon (method §15); missing prices are "not priced", never 0.');

export type CostSettings = z.output<typeof costSchema>;
