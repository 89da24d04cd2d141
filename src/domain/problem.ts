// problem.json, the generic placement problem of `capplan place` (issue 3 §8), as written.
// Zod at the boundary (conventions §3); cross-field rules (resource names, unique VM
// names) are checked after the shape, each with the path of the offending value.
import { z } from 'zod';
import type { PlacementProblem } from '../placement/types.ts';

const amount = z.number().nonnegative();
const pct = z.number().positive().max(1000);
const pctSetting = z.union([pct, z.record(z.string(), pct)]);
const name = z.string().min(1);

export const problemSchema = z.strictObject({
  resources: z.array(name).min(1).describe('Resource names; every capacity and demand uses them.'),
  hostModels: z
    .array(
      z.strictObject({
        name,
        capacity: z.record(z.string(), amount).describe('Capacity per resource, same units as VM demand.'),
        cost: amount.default(1),
        maxCount: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe('Hosts of this model available (unbounded when absent).'),
        family: z.string().optional().describe('CPU family, for one family per cluster.'),
      }),
    )
    .min(1),
  vms: z.array(
    z.strictObject({
      name,
      demand: z.record(z.string(), amount),
      antiAffinity: z.array(name).optional(),
      affinity: z.array(name).optional(),
      haPriority: z.enum(['high', 'medium', 'low']).optional(),
      pin: z
        .string()
        .regex(/^host[1-9][0-9]*$/, 'expected a host name host1, host2, …')
        .optional(),
    }),
  ),
  redundancy: z.number().int().nonnegative().default(0).describe('k of N+k.'),
  ceilingPct: pctSetting.default(100).describe('Normal-operation ceiling, % of capacity (one figure or per resource).'),
  failoverCeilingPct: pctSetting.optional().describe('Ceiling on survivors after failures (default 100).'),
  objective: z.enum(['min-hosts', 'min-cost', 'balance', 'pack']).default('min-hosts'),
  timeLimitSeconds: z.number().positive().default(10),
  seed: z.number().int().nonnegative().optional(),
  hostCount: z.number().int().positive().optional(),
  singleFamily: z.boolean().optional(),
});

export interface ProblemIssue {
  path: (string | number)[];
  message: string;
}

/** Cross-field rules the shape cannot say; returns issues with the path of the bad value. */
export function problemRules(p: PlacementProblem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const known = new Set(p.resources);
  const check = (rec: Record<string, number>, path: (string | number)[]) => {
    for (const r of Object.keys(rec))
      if (!known.has(r))
        issues.push({ path: [...path, r], message: `unknown resource "${r}" (resources: ${p.resources.join(', ')})` });
  };
  p.hostModels.forEach((m, i) => check(m.capacity, ['hostModels', i, 'capacity']));
  const seen = new Set<string>();
  p.vms.forEach((v, i) => {
    check(v.demand, ['vms', i, 'demand']);
    if (seen.has(v.name)) issues.push({ path: ['vms', i, 'name'], message: `duplicate VM name "${v.name}"` });
    seen.add(v.name);
  });
  for (const key of ['ceilingPct', 'failoverCeilingPct'] as const) {
    const v = p[key];
    if (v !== undefined && typeof v !== 'number') check(v, [key]);
  }
  const models = new Set<string>();
  p.hostModels.forEach((m, i) => {
    if (models.has(m.name))
      issues.push({ path: ['hostModels', i, 'name'], message: `duplicate host model "${m.name}"` });
    models.add(m.name);
  });
  return issues;
}
