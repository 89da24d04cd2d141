// Where an inventoried server comes from, beyond its inventory columns: a physical machine or a
// virtual machine on a source hypervisor host, and the utilisation the inventory tool recorded
// for it (RVTools vCPU/vMemory/vInfo figures, a point in time). Sizing uses the recorded figures
// when there is no monitoring (docs/method.md §3.6); plan.json keeps them so reports can show them.
import { z } from 'zod';

const orNull = z.number().nullable();

/** Utilisation recorded by the inventory tool (RVTools), not measured over a window. */
const recordedUsageSchema = z.object({
  tool: z.string().describe('Which export recorded it, e.g. RVTools.'),
  cpuUsedMhz: orNull.describe('CPU in use, MHz (RVTools vCPU "Overall").'),
  cpuMaxMhz: orNull.describe('CPU the VM can use, MHz (RVTools vCPU "Max": vCPUs × host clock).'),
  memoryConsumedMb: orNull.describe('Host memory backing the VM, MB (RVTools vMemory "Consumed").'),
  memoryActiveMb: orNull.describe('Memory the guest touched recently, MB (RVTools vMemory "Active").'),
  diskUsedGb: orNull.describe('Storage in use, GB (RVTools vPartition "Consumed", else vInfo "In Use").'),
});
export type RecordedUsage = z.output<typeof recordedUsageSchema>;

export const serverOriginSchema = z
  .object({
    kind: z.enum(['physical', 'vm']).describe('vm: a virtual machine today (RVTools, per-VM traces).'),
    host: z.string().nullable().describe('The hypervisor host it runs on today, when known.'),
    powerState: z.string().nullable(),
    role: z
      .enum(['workload', 'template', 'srm-placeholder', 'agent'])
      .optional()
      .describe('template, srm-placeholder, agent (vCLS …): not a workload, excluded with the reason.'),
    recorded: recordedUsageSchema.optional(),
    inventoryFrom: z
      .string()
      .optional()
      .describe('The inventory came from a monitoring source (e.g. "Bitbrains trace"): only CPU and memory known.'),
  })
  .describe('What the source says about the server beyond the inventory columns.');

/** A host of the source estate (RVTools vHost): the machines a consolidation replaces. */
export const sourceHostSchema = z.object({
  name: z.string(),
  cpuModel: z.string().nullable(),
  cpuMhz: orNull,
  cores: orNull,
  memoryMb: orNull,
});
export type SourceHost = z.output<typeof sourceHostSchema>;

/** What a VM's figures were sized from (method §3.6). */
export const sizingBasisSchema = z.object({
  kind: z.enum(['monitoring', 'allocation']),
  label: z.string().describe('For the reports, e.g. "allocation — no monitoring".'),
  recorded: z
    .boolean()
    .optional()
    .describe(
      'allocation: the export recorded some utilisation the sizing used, so a report in another language can ' +
        'name the basis; absent in plans written before.',
    ),
});
