// The `replay` section of capplan.yaml: how measured demand is put back on a plan (method §14).
import { z } from 'zod';

export const replaySettingsSchema = z
  .strictObject({
    maxOverloadPct: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe(
        'A host over 100 % of a physical capacity (CPU GHz, memory, NIC line rate, IOPS) in more than this % of ' +
          'the intervals of normal operation is a warning; `capplan replay` exits 1 (method §14.3).',
      ),
    smtFactor: z
      .number()
      .positive()
      .default(1)
      .describe(
        'Host CPU capacity = sockets × cores × GHz × this: what hyper-threading adds to a core (1.0 = nothing; ' +
          'method §14.1).',
      ),
    tradeOff: z
      .boolean()
      .default(true)
      .describe(
        'Also place the VMs at avg, p95, p99, max and on their series and replay each (the trade-off table, ' +
          'method §14.5); the plan keeps half of placement.timeLimitSeconds, the rows share the rest.',
      ),
    hostIops: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .describe('IOPS one host (or its share of the storage) can serve; null: IOPS are not replayed.'),
  })
  .prefault({});
