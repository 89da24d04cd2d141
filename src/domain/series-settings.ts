// Settings of time-aware placement (method §14.4), part of capplan.yaml's `placement` section.
import { z } from 'zod';

export const seriesPlacementFields = {
  demand: z
    .enum(['allocation', 'series'])
    .default('allocation')
    .describe(
      "allocation: place the VMs' sized vCPU and memory (method §6); series: also keep every slot's summed " +
        'measured CPU GHz and memory GB of each host under its ceilings (method §14.4).',
    ),
  series: z
    .strictObject({
      slotMinutes: z.number().int().positive().default(30).describe('Length of a slot of the demand series, minutes.'),
      statistic: z
        .string()
        .regex(/^(avg|max|p(100|[1-9]?[0-9](\.[0-9]+)?))$/, 'expected avg, max or pNN (e.g. p95)')
        .default('max')
        .describe(
          "A VM's demand in a slot: the highest (max), the mean (avg) or a percentile (pNN) of its intervals in " +
            'it. One slot as long as the window is static sizing in physical units.',
        ),
      period: z
        .enum(['window', 'day', 'week'])
        .default('day')
        .describe(
          "day (default) / week: the window folded onto one day's (week's) slots, each at the statistic over " +
            'all days (weeks) at that time of day (week): the profile that carries over to another window. ' +
            'window: one slot per slotMinutes of the monitoring window, its calendar hours (method §14.4).',
        ),
    })
    .prefault({}),
};
