// plan.json: what `capplan plan` computes and `report`, `provision`, `check` and `place`
// read. A versioned contract: fields may be added freely; the named ones keep their names
// and meaning; formatVersion changes when one does. The schema is the single source of the
// types below; readPlan() is the one reader.
import { planScenarioFields } from './plan-scenario.ts';
import { z } from 'zod';
import { textStepSchema } from './text-step.ts';
import { InputError } from './errors.ts';
import { findingSchema } from './finding.ts';
import { parseText, readStructuredText, validateValue } from './load-file.ts';
import { planReplaySchema } from './plan-replay.ts';
import { planTcoSchema, type PlanTco } from './plan-tco.ts';
import { projectSchema } from './project.ts';
import { HA_PRIORITIES, serverFieldsSchema, serverUsageSchema } from './server.ts';
import { planHostGroupFields, planLicenceFields, scenarioRuleFields } from './plan-rules.ts';
import { sizingBasisSchema, sourceHostSchema } from './server-origin.ts';

export const PLAN_FORMAT_VERSION = 1;

const haPriority = z.enum(HA_PRIORITIES);

/** Why a VM is excluded or unplaced: the MAP Toolkit's groups (method §4). */
const REASON_CODES = [
  'missing-inventory-data',
  'missing-performance-data',
  'exceeds-vcpu-limit',
  'exceeds-memory-limit',
  'exceeds-nic-limit',
  'source-utilisation-above-threshold',
  'special-hardware',
  'guest-32bit-memory',
  'not-migratable',
  'exceeds-host-capacity',
  'powered-off',
  'unknown-error',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const reasonSchema = z.object({
  code: z.enum(REASON_CODES),
  message: z.string(),
  figures: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .optional()
    .describe('The numbers behind the message, e.g. { vcpu: 20, limit: 16 }.'),
  step: textStepSchema(
    'Stable kebab-case identifier of the message, e.g. vcpu-limit, template, too-few-samples; a reason from ' +
      "the host derivation (host-derivation) holds that line's step as params.line.",
    'message',
  )
    .optional()
    .describe(
      'message as figures, so a report in another language (report.language) can say it; absent in plans ' +
        'written before.',
    ),
});
export type Reason = z.output<typeof reasonSchema>;

/** A VM's sizing formula as figures (method §3.3), so another language can say it. */
const formulaStepSchema = textStepSchema(
  'Stable kebab-case identifier of the formula, e.g. vcpu, memory, disk, network; a source (recorded-cpu, ' +
    'provisioned-disk, …) carries the formula it leads to as params.leadsTo.',
  'formula',
);
export type FormulaStep = z.output<typeof formulaStepSchema>;

/** How one resource of a VM was sized: every input behind the figure (method §3). */
const resourceSizingSchema = z.object({
  statistic: z.string(),
  measured: z.number().describe('Measured value of the statistic (CPU %, MB, GB, MB/s; CPU MHz when unit says so).'),
  unit: z
    .literal('MHz')
    .optional()
    .describe("CPU sized from demand in MHz (method §3.7); absent: the resource's usual unit (CPU %)."),
  peakFactor: z.number(),
  growth: z.number(),
  demand: z.number().describe('measured × peak × (1 + growth), before rounding.'),
  result: z.number().describe("The rounded result in the VM's unit."),
  formula: z.string(),
  formulaStep: formulaStepSchema
    .optional()
    .describe(
      'formula as figures, so a report in another language (report.language) can say it; absent in plans ' +
        'written before.',
    ),
});
export type ResourceSizing = z.output<typeof resourceSizingSchema>;

const VM_STATUSES = ['placed', 'excluded', 'unplaced'] as const;

const planVmSchema = z.object({
  name: z.string(),
  sourceServer: z.string(),
  vcpu: z.number(),
  memoryGb: z.number(),
  diskGb: z.number(),
  nics: z.number(),
  networkMBps: z.number().describe('Expected network demand, MB/s (not rounded; not a placement constraint).'),
  reasons: z.array(reasonSchema),
  haPriority,
  os: z.string().nullable(),
  osBits: z.union([z.literal(32), z.literal(64)]).nullable(),
  sizing: z.object({
    cpu: resourceSizingSchema.optional(),
    memory: resourceSizingSchema.optional(),
    disk: resourceSizingSchema.optional(),
    network: resourceSizingSchema.optional(),
    basis: sizingBasisSchema.optional().describe('What the figures were sized from (method §3.6); absent: monitoring.'),
  }),
  host: z.string().nullable(),
  status: z.enum(VM_STATUSES),
});
export type PlanVm = z.output<typeof planVmSchema>;

/** The hypervisor's disk layout (method §7). */
const partitionsSchema = z.object({
  bootMb: z.number(),
  efiMb: z.number().optional().describe('/boot/efi, when the hypervisor profile installs UEFI hosts (method §12).'),
  rootMb: z.number(),
  configMb: z.number(),
  loggingMb: z.number(),
  swapMb: z.number(),
  dataMb: z.number(),
  totalMb: z.number(),
  fits: z.boolean().describe('Does totalMb fit localDiskMb?'),
});
export type Partitions = z.output<typeof partitionsSchema>;

const hostLoadSchema = z.object({
  vcpu: z.number(),
  memoryGb: z.number(),
  cpuPct: z.number().describe('vcpu / (cores × vcpuPerCore) × 100.'),
  memoryPct: z.number().describe('memoryGb / (memoryGb of host − hypervisor reserve) × 100.'),
  diskGb: z.number(),
  networkMBps: z.number(),
});

const planHostSchema = z.object({
  name: z.string(),
  model: z.string(),
  sockets: z.number(),
  coresPerSocket: z.number(),
  threadsPerCore: z.number(),
  cpuGhz: z.number(),
  memoryGb: z.number(),
  nics: z.number(),
  nicGbps: z.number(),
  localDiskMb: z.number(),
  price: z.number(),
  watts: z.number(),
  partitions: partitionsSchema,
  load: hostLoadSchema,
  vms: z.array(z.string()),
  ...planHostGroupFields,
});
export type PlanHost = z.output<typeof planHostSchema>;

const restartSchema = z.object({
  vm: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  haPriority,
});
export type Restart = z.output<typeof restartSchema>;

/** One failure of k hosts and what the survivors carry after the restarts (method §6.4). */
const failoverScenarioSchema = z.object({
  failedHosts: z.array(z.string()),
  satisfied: z.boolean(),
  restarts: z.array(restartSchema).describe('VMs of the failed hosts, in restart order (HA priority high → low).'),
  load: z
    .array(
      z.object({
        host: z.string(),
        vcpu: z.number(),
        memoryGb: z.number(),
        cpuPct: z.number(),
        memoryPct: z.number(),
        resources: z.record(z.string(), z.number()).optional().describe('Load per placement resource.'),
      }),
    )
    .describe('Load of each survivor the restarts land on (the others keep their normal load).'),
  shortfalls: z.array(z.string()).describe('Why the scenario fails, if it does.'),
  ...scenarioRuleFields,
});
export type FailoverScenario = z.output<typeof failoverScenarioSchema>;

/** One placement note as figures (method §6), so another language can say it. */
const noteStepSchema = textStepSchema(
  "Stable kebab-case identifier of the note, e.g. lower-bound, time-limit; a host group's note is " +
    'host-group with the note as params.leadsTo; host-derivation holds a derivationSteps step as params.line.',
  'note',
);
export type NoteStep = z.output<typeof noteStepSchema>;

const planPlacementSchema = z.object({
  method: z.string(),
  objective: z.string(),
  hostsUsed: z.number(),
  cost: z.number(),
  lowerBound: z.number(),
  optimal: z.boolean(),
  bindingResource: z.string().nullable(),
  seed: z.number(),
  notes: z.array(z.string()),
  noteSteps: z
    .array(noteStepSchema)
    .optional()
    .describe(
      'notes one by one as figures (same length and order), so a report in another language ' +
        '(report.language) can say them; absent in plans written before.',
    ),
  ...planLicenceFields,
});

/** One line of the host derivation as figures (method §5.2), so another language can say it. */
const derivationStepSchema = textStepSchema(
  'Stable kebab-case identifier of the line, e.g. nk-vcpu, cores-shape, memory.',
  'line',
);
export type DerivationStep = z.output<typeof derivationStepSchema>;

/** The host model of the plan: a catalog model or the derived spec, with how it was chosen. */
const planHostModelSchema = z.object({
  name: z.string(),
  sockets: z.number(),
  coresPerSocket: z.number(),
  threadsPerCore: z.number(),
  cpuGhz: z.number(),
  cpuModel: z.string().optional(),
  cpuFamily: z.string().optional(),
  memoryGb: z.number(),
  nics: z.number(),
  nicGbps: z.number(),
  localDiskMb: z.number(),
  price: z.number(),
  watts: z.number(),
  derivation: z.array(z.string()),
  derivationSteps: z
    .array(derivationStepSchema)
    .optional()
    .describe(
      'derivation line by line as figures (same length and order), so a report in another language ' +
        '(report.language) can say it; absent in plans written before.',
    ),
});

/** Physical server + measured usage, kept so reports render from the plan alone. */
const planServerSchema = serverFieldsSchema.extend({ usage: serverUsageSchema.nullable() });
export type PlanServer = z.output<typeof planServerSchema>;

export const planSchema = z.object({
  formatVersion: z.number().int().positive(),
  project: z.string(),
  title: z.string(),
  client: z.string().nullable(),
  inputs: z
    .array(z.object({ file: z.string(), sha256: z.string() }))
    .describe('Digest of the inputs (sha256 of their bytes), so a plan names what it was made from.'),
  settings: projectSchema,
  hostModel: planHostModelSchema,
  servers: z.array(planServerSchema),
  vms: z.array(planVmSchema),
  sourceHosts: z
    .array(sourceHostSchema)
    .optional()
    .describe('Hosts of the source estate (RVTools vHost): the machines the plan replaces.'),
  hosts: z.array(planHostSchema),
  totals: z.object({
    vcpu: z.number(),
    memoryGb: z.number(),
    diskGb: z.number(),
    servers: z.number(),
    placed: z.number(),
    excluded: z.number(),
    unplaced: z.number(),
  }),
  redundancy: z.object({
    policy: z.string(),
    k: z.number(),
    satisfied: z.boolean(),
    scenarios: z.array(failoverScenarioSchema),
  }),
  placement: planPlacementSchema,
  findings: z
    .array(findingSchema)
    .optional()
    .describe('Data problems found in the inputs; optional so plans written before it was added still read.'),
  replay: planReplaySchema
    .optional()
    .describe('Measured demand put back on the hosts per interval (method §14); absent without samples.'),
  tco: planTcoSchema
    .optional()
    .describe('Total cost of ownership over the horizon (method §15); optional so older plans still read.'),
  ...planScenarioFields,
});
export type Plan = z.output<typeof planSchema>;
/** A plan with its total cost of ownership: every plan `capplan plan` makes (older plans get it at read time). */
export type PlanWithTco = Plan & { tco: PlanTco };

/** The canonical text: two-space JSON, keys in the order the plan was built, one newline. */
export function serialisePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * The one reader of plan.json: the format version is checked first (a newer plan is refused
 * by name), then the whole contract, each problem located as `file:line: path: message`.
 * The plan is returned as written, so fields a later version added survive a re-render, with
 * its settings completed by this version's defaults.
 */
export async function readPlan(file: string): Promise<Plan> {
  return parsePlan(await readStructuredText(file), file);
}

export function parsePlan(text: string, file: string): Plan {
  const { value, document } = parseText(text, file, 'json');
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version !== 'number') throw new InputError('not a capplan plan: formatVersion is missing', { file });
  if (version > PLAN_FORMAT_VERSION) {
    const message = `plan formatVersion ${version} is newer than this capplan understands (${PLAN_FORMAT_VERSION})`;
    throw new InputError(message, { file });
  }
  const parsed = validateValue(value, planSchema, file, document);
  return Object.assign(value as Plan, { settings: parsed.settings });
}
