// One physical server as capplan knows it: its inventory row and what its monitoring says.
// Zod schemas, because plan.json embeds both (src/domain/plan.ts); the engine works on the
// plain types derived from them. Units are in the names.
import { z } from 'zod';
import { serverRuleFields } from './placement-rules.ts';
import { vmwareSourceSchema } from './vmware-source.ts';
import { serverOriginSchema } from './server-origin.ts';

export const HA_PRIORITIES = ['high', 'medium', 'low'] as const;
export type HaPriority = (typeof HA_PRIORITIES)[number];

/** Hardware that cannot follow a server into a VM without extra products (method §4). */
const SPECIAL_HARDWARE = ['usb', 'serial', 'modem', 'fax'] as const;
export type SpecialHardware = (typeof SPECIAL_HARDWARE)[number];

/**
 * Monitoring metrics, internal units. CPU demand is either a percentage of the server's whole
 * CPU (`cpuPct`) or MHz (`cpuMhz`, method §3.7); a server may have both.
 */
export const METRIC_NAMES = ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps', 'iops', 'cpuMhz'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Is CPU demand measured, as % or as MHz (method §3.7)? */
export function hasCpuDemand(metrics: Partial<Record<MetricName, { samples: number }>> | undefined): boolean {
  return (metrics?.cpuPct?.samples ?? 0) > 0 || (metrics?.cpuMhz?.samples ?? 0) > 0;
}

/**
 * The metrics a per-server table shows: all of them, CPU MHz only when some server has it, so a
 * report of sources that measure CPU in % keeps its columns.
 */
export function shownMetrics(metrics: (Partial<Record<MetricName, unknown>> | undefined)[]): MetricName[] {
  const mhz = metrics.some((m) => m?.cpuMhz !== undefined);
  return METRIC_NAMES.filter((m) => m !== 'cpuMhz' || mhz);
}

const count = z.number().int().nonnegative();
const metricName = z.enum(METRIC_NAMES);

/** The inventory fields of a server, as plan.json records them. `null`: the client's data did not say. */
export const serverFieldsSchema = z.object({
  name: z.string().describe("The server's name in the client's inventory (key for monitoring rows)."),
  vmName: z.string().describe('Name of the VM it becomes (inventory vm_name, else a slug of name).'),
  os: z.string().nullable(),
  osBits: z.union([z.literal(32), z.literal(64)]).nullable(),
  sockets: z.number().nullable(),
  coresPerSocket: z.number().nullable(),
  cpuModel: z.string().nullable(),
  cpuGhz: z.number().nullable(),
  memoryMb: z.number().nullable(),
  diskGb: z.number().nullable(),
  nics: z.number().nullable(),
  nicGbps: z.number().nullable(),
  application: z.string().nullable(),
  specialHardware: z.array(z.enum(SPECIAL_HARDWARE)),
  haPriority: z.enum(HA_PRIORITIES),
  ...serverRuleFields,
  vmware: vmwareSourceSchema.optional(),
  origin: serverOriginSchema.optional(),
});

/** One physical server as inventoried, with the row it came from (for messages). */
export type InventoryServer = z.output<typeof serverFieldsSchema> & { source: { file: string; row: number } };

/** Summary statistics of one metric of one server over the monitoring window. */
const metricStatsSchema = z.object({
  samples: count,
  avg: z.number(),
  min: z.number(),
  max: z.number(),
  percentiles: z
    .record(z.string(), z.number())
    .describe('Percentiles keyed p50, p95, p99 and any the settings ask for (e.g. p90).'),
});
export type MetricStats = z.output<typeof metricStatsSchema>;

/** How far the monitoring data of one server can be trusted (method §9). */
const dataQualitySchema = z.object({
  score: z.number().describe('0–100; 100 = a full, gap-free window covering the busy period with every metric.'),
  verdict: z
    .enum(['good', 'fair', 'poor', 'missing'])
    .describe('good ≥ 80, fair ≥ 50, poor < 50; missing = no sample.'),
  sizable: z.boolean().describe('false: too little data to size from (Unplaced: Missing Performance Data).'),
  samples: count,
  daysCovered: z.number(),
  coverage: z.number().describe('Samples present / samples expected at the median interval over the window (0–1).'),
  longestGapHours: z.number().nullable(),
  peakCovered: z.boolean().nullable().describe('Does the window include the busy period? null when not checked.'),
  missingMetrics: z.array(metricName),
  issues: z.array(z.string()).describe("Codes of the findings behind the score, e.g. ['short-window', 'long-gap']."),
});
export type DataQuality = z.output<typeof dataQualitySchema>;

/** What the monitoring data says about one server. */
export const serverUsageSchema = z.object({
  server: z.string(),
  samples: count,
  firstTimestamp: z.string().describe('ISO-8601, UTC.'),
  lastTimestamp: z.string().describe('ISO-8601, UTC.'),
  metrics: z.partialRecord(metricName, metricStatsSchema),
  intervalSeconds: z.number().optional().describe('Median interval between consecutive samples, seconds.'),
  longestGapSeconds: z.number().optional().describe('Longest interval without a sample, seconds.'),
  gaps: count.optional().describe('Intervals longer than twice the median interval.'),
  duplicateTimestamps: count.optional().describe('Samples sharing a timestamp with an earlier sample of the server.'),
  profile: z
    .looseObject({
      statistic: z.string(),
      hours: z.partialRecord(metricName, z.array(z.number().nullable())),
    })
    .optional()
    .describe('Hour-of-week profile (0 = Monday 00:00 UTC … 167), one statistic per metric; null = no sample.'),
  quality: dataQualitySchema.optional().describe('Data-quality verdict, when assessed.'),
});
export type ServerUsage = z.output<typeof serverUsageSchema>;
