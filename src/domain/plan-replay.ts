// plan.json `replay` and replay.json: the measured demand of a monitoring window put back on
// the plan's hosts, per interval, in normal operation and in every failure scenario (method §14).
// The names of the contract (windows, scenarios, hosts, cpu/memory/network, summary and their
// fields) are kept; fields may be added.
import { z } from 'zod';
import { findingSchema } from './finding.ts';

/** One resource of one host over the window; percentages of the host's physical capacity. */
const resourceReplaySchema = z.object({
  capacity: z.number().describe('Physical capacity: GHz, GB usable, MB/s line rate or IOPS.'),
  ceilingPct: z.number().describe('Ceiling of the scenario (normal: the cluster ceiling; failure: failover ceiling).'),
  intervals: z.number().int().describe('Intervals with a measured value of this resource.'),
  overCeilingPct: z.number().describe('% of the intervals above the ceiling.'),
  over100Pct: z.number().describe('% of the intervals above 100 % of the capacity.'),
  worstPct: z.number().describe('Highest load, % of the capacity.'),
  worstAt: z.string().nullable().describe('Start of the interval of the highest load (ISO-8601, UTC).'),
  p99Pct: z.number().describe('99th percentile of the load, % of the capacity.'),
  avgPct: z.number().describe('Average load, % of the capacity.'),
  peak: z.number().describe('Highest load in the unit of the capacity (GHz, GB, MB/s, IOPS).'),
  avg: z.number().describe('Average load in the unit of the capacity.'),
});
export type ResourceReplay = z.output<typeof resourceReplaySchema>;

/** Load over time of one host, in buckets, for charts: the highest % of the capacity in each bucket. */
const hostTimelineSchema = z.object({
  bucketSeconds: z.number(),
  cpuPct: z.array(z.number().nullable()),
  memoryPct: z.array(z.number().nullable()),
  networkPct: z.array(z.number().nullable()),
});

const hostReplaySchema = z.object({
  name: z.string(),
  intervals: z.number().int().describe('Intervals in which at least one VM of the host has a sample.'),
  vms: z.number().int().describe('VMs on the host in this scenario (its own plus those restarted on it).'),
  cpu: resourceReplaySchema.nullable().describe('null: no VM of the host has CPU data with known source cores.'),
  memory: resourceReplaySchema.nullable(),
  network: resourceReplaySchema.nullable().describe('null: the host has no NIC line rate, or no VM network data.'),
  iops: resourceReplaySchema.nullable().describe('null: no IOPS capacity set (replay.hostIops) or no IOPS data.'),
  timeline: hostTimelineSchema.optional().describe('Normal operation only.'),
});
export type HostReplay = z.output<typeof hostReplaySchema>;

const scenarioReplaySchema = z.object({
  name: z.string().describe('"normal" or "<host> fails" (hosts joined by " + " when k > 1).'),
  failedHosts: z.array(z.string()),
  hosts: z
    .array(hostReplaySchema)
    .describe('normal: every host; a failure: only the survivors its restarts land on (method §14.2).'),
});
export type ScenarioReplay = z.output<typeof scenarioReplaySchema>;

const summarySchema = z.object({
  hostIntervals: z.number().int(),
  cpuOverCeilingPct: z.number(),
  cpuOver100Pct: z.number(),
  memoryOverCeilingPct: z.number(),
  memoryOver100Pct: z.number(),
  networkOver100Pct: z.number(),
  iopsOver100Pct: z.number(),
  worstFailure: z
    .object({ scenario: z.string(), resource: z.string(), host: z.string(), worstPct: z.number() })
    .nullable()
    .describe('The highest load any failure scenario reaches.'),
});

/** How much more capacity the plan's sizing needed to hold on this window (method §14.3). */
const requiredGrowthSchema = z.object({
  cpu: z.number().describe('Factor on the sized CPU demand (1 = the plan held).'),
  memory: z.number().describe('Factor on the sized memory demand (1 = the plan held).'),
  cpuGrowth: z.number().describe('The sizing.growth.cpu that factor amounts to.'),
  memoryGrowth: z.number().describe('The sizing.growth.memory that factor amounts to.'),
});

const replayWindowSchema = z.object({
  role: z.enum(['planning', 'backtest']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  intervalSeconds: z.number(),
  vms: z.number().int().describe('Placed VMs with samples in the window.'),
  vmsWithoutSamples: z.array(z.string()).describe('Placed VMs the window has no sample of.'),
  scenarios: z.array(scenarioReplaySchema),
  summary: summarySchema.describe("Pools the hosts' intervals of the normal scenario; % of host-intervals."),
  overloaded: z.boolean().describe('Normal operation over 100 % of a capacity in more than replay.maxOverloadPct.'),
  requiredGrowth: requiredGrowthSchema,
});
export type ReplayWindow = z.output<typeof replayWindowSchema>;

/** What one sizing choice costs and risks on the project's data (method §14.5). */
const tradeOffRowSchema = z.object({
  sizing: z.string().describe('avg, p95, p99, max (static, in GHz and GB) or series (slot statistic).'),
  series: z
    .object({ slotMinutes: z.number(), statistic: z.string(), period: z.string() })
    .optional()
    .describe("The series row's slot, statistic and period, so a report in another language can name it."),
  hosts: z.number().int(),
  lowerBound: z.number().int(),
  unplaced: z.number().int(),
  redundancySatisfied: z.boolean(),
  stoppedEarly: z
    .boolean()
    .default(false)
    .describe("True when the row's placement stopped at its share of the time limit: its best plan so far."),
  windows: z.array(
    z.object({
      role: z.enum(['planning', 'backtest']),
      cpuOverCeilingPct: z.number(),
      cpuOver100Pct: z.number(),
      memoryOver100Pct: z.number(),
      overloaded: z.boolean(),
    }),
  ),
});
export type TradeOffRow = z.output<typeof tradeOffRowSchema>;

export const planReplaySchema = z.object({
  maxOverloadPct: z.number(),
  windows: z.array(replayWindowSchema),
  tradeOff: z
    .object({
      hostModel: z.string(),
      rows: z.array(tradeOffRowSchema),
      omitted: z
        .array(z.string())
        .optional()
        .describe('Sizings left out: the time limit had run out before their row started (method §14.5).'),
    })
    .optional()
    .describe("Hosts needed and replayed overload per sizing choice, on the plan's host model (method §14.5)."),
});

export const REPLAY_FORMAT_VERSION = 1;

/** replay.json, written by `capplan replay`: a window replayed on an existing plan. */
export const replayFileSchema = z.object({
  formatVersion: z.number().int().positive(),
  plan: z.object({ file: z.string(), project: z.string(), sha256: z.string() }),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string() })),
  maxOverloadPct: z.number(),
  windows: z.array(replayWindowSchema),
  findings: z.array(findingSchema),
});
export type ReplayFile = z.output<typeof replayFileSchema>;
