// problem.json, the generic placement problem of `capplan place` (docs/placement.md), and
// the problem every placer solves: the pipeline builds one from a sized plan; placers never
// see sizing or files. Cross-field rules (resource names, unique VM names) are checked after
// the shape, each located like a schema problem.
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { formatPath, lineOf, parseText, validateValue, type ParsedFile } from './load-file.ts';
import { isPlainVm } from './problem-plain-vms.ts';
import { HA_PRIORITIES } from './server.ts';
import { hostGroupIssues, hostModelCoreFields, problemGroupFields, vmGroupFields } from './problem-host-groups.ts';

// Bounded so sums over thousands of VMs stay finite (1e308 + 1e308 is Infinity).
const amount = z.number().nonnegative().max(1e15, 'at most 1e15: larger figures overflow the sums');
const pct = z.number().positive().max(1000);
const pctSetting = z.union([pct, z.record(z.string(), pct)]);
const name = z.string().min(1);

const OBJECTIVES = ['min-hosts', 'min-cost', 'balance', 'pack'] as const;
export type Objective = (typeof OBJECTIVES)[number];

const hostModelCapacitySchema = z.strictObject({
  name,
  capacity: z.record(z.string(), amount).describe('Capacity per resource, same units as VM demand (before ceilings).'),
  cost: amount.default(1),
  maxCount: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Hosts of this model available (unbounded when absent).'),
  family: z.string().optional().describe('CPU family, for one family per cluster.'),
  ...hostModelCoreFields,
});
export type HostModelCapacity = z.output<typeof hostModelCapacitySchema>;

const placementVmSchema = z.strictObject({
  name,
  demand: z.record(z.string(), amount),
  antiAffinity: z.array(name).optional().describe('Group names: VMs sharing a group never share a host.'),
  affinity: z.array(name).optional().describe('Group names: VMs sharing a group share one host.'),
  haPriority: z.enum(HA_PRIORITIES).optional(),
  pin: z
    .string()
    .regex(/^host[1-9][0-9]*$/, 'expected a host name host1, host2, …')
    .optional()
    .describe('Host this VM must run on.'),
  ...vmGroupFields,
});
export type PlacementVm = z.output<typeof placementVmSchema>;

export const problemSchema = z.strictObject({
  resources: z.array(name).min(1).describe('Resource names; every capacity and demand uses them.'),
  hostModels: z.array(hostModelCapacitySchema).min(1),
  vms: z.array(placementVmSchema),
  redundancy: z.number().int().nonnegative().max(1000).default(0).describe('k of N+k.'),
  ceilingPct: pctSetting.default(100).describe('Normal-operation ceiling, % of capacity (one figure or per resource).'),
  failoverCeilingPct: pctSetting.optional().describe('Ceiling on survivors after failures (default 100).'),
  objective: z.enum(OBJECTIVES).default('min-hosts'),
  timeLimitSeconds: z.number().positive().default(10),
  seed: z.number().int().nonnegative().optional(),
  hostCount: z.number().int().positive().max(100_000).optional().describe('Use exactly this many hosts.'),
  singleFamily: z
    .boolean()
    .optional()
    .describe('All hosts of one model family (one CPU type per cluster, method §5.3).'),
  ...problemGroupFields,
});
export type PlacementProblem = z.output<typeof problemSchema>;

interface ProblemIssue {
  path: (string | number)[];
  message: string;
}

/** The VMs' index by name that validation built, per validated VM list (names all distinct). */
const NAME_INDEX = new WeakMap<readonly PlacementVm[], ReadonlyMap<string, number>>();

/**
 * VM name → index in `vms`, as validating the problem found it, when the list still has the
 * length it had then; undefined otherwise. A million VMs' names are then mapped once, not twice.
 */
export function validatedNameIndex(vms: readonly PlacementVm[]): ReadonlyMap<string, number> | undefined {
  const index = NAME_INDEX.get(vms);
  return index && index.size === vms.length ? index : undefined;
}

/** Cross-field rules the shape cannot say; returns issues with the path of the bad value. */
function problemRules(p: PlacementProblem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const known = new Set(p.resources);
  // The path is built only for a bad key: this runs once per VM.
  const check = (rec: Record<string, number>, path: () => (string | number)[]) => {
    for (const r in rec)
      if (!known.has(r))
        issues.push({
          path: [...path(), r],
          message: `unknown resource "${r}" (resources: ${p.resources.join(', ')})`,
        });
  };
  p.hostModels.forEach((m, i) => {
    check(m.capacity, () => ['hostModels', i, 'capacity']);
  });
  const seen = new Map<string, number>();
  const vms = p.vms;
  for (let i = 0; i < vms.length; i++) {
    const v = vms[i]!;
    check(v.demand, () => ['vms', i, 'demand']);
    if (seen.has(v.name)) issues.push({ path: ['vms', i, 'name'], message: `duplicate VM name "${v.name}"` });
    seen.set(v.name, i);
  }
  if (seen.size === vms.length) NAME_INDEX.set(vms, seen);
  for (const key of ['ceilingPct', 'failoverCeilingPct'] as const) {
    const v = p[key];
    if (v !== undefined && typeof v !== 'number') check(v, () => [key]);
  }
  const models = new Set<string>();
  p.hostModels.forEach((m, i) => {
    if (models.has(m.name))
      issues.push({ path: ['hostModels', i, 'name'], message: `duplicate host model "${m.name}"` });
    models.add(m.name);
  });
  issues.push(...hostGroupIssues(p));
  return issues;
}

/**
 * The schema's output for a parsed problem.json. The plain VMs (problem-plain-vms.ts) are
 * kept as they are and the schema walks the rest; any VM it rejects sends the whole value
 * through it, so the errors are exactly the schema's.
 */
function validateShape(parsed: ParsedFile<unknown>, file: string): PlacementProblem {
  const value = parsed.value;
  const vms = value !== null && typeof value === 'object' ? (value as { vms?: unknown }).vms : undefined;
  if (!Array.isArray(vms)) return validateValue(value, problemSchema, file, parsed.document);
  const checked: PlacementVm[] = new Array(vms.length);
  for (let i = 0; i < vms.length; i++) {
    if (isPlainVm(vms[i])) checked[i] = vms[i] as PlacementVm;
    else {
      const one = placementVmSchema.safeParse(vms[i]);
      if (!one.success) return validateValue(value, problemSchema, file, parsed.document);
      checked[i] = one.data;
    }
  }
  const rest = validateValue({ ...(value as object), vms: [] }, problemSchema, file, parsed.document);
  return { ...rest, vms: checked };
}

/** Validates the text of a problem.json; every problem located as `file:line: path: message`. */
export function parseProblem(text: string, file: string): PlacementProblem {
  return validateProblem(parseText(text, file, 'json'), file);
}

/** Validates a parsed problem.json (shape, then cross-field rules), located as `parseProblem` does. */
export function validateProblem(parsed: ParsedFile<unknown>, file: string): PlacementProblem {
  const problem = validateShape(parsed, file);
  const issues = problemRules(problem);
  if (issues.length === 0) return problem;
  const { doc, lines } = parsed.document();
  throw new ConfigError(
    file,
    issues.map((i) => ({ path: formatPath(i.path), message: i.message, row: lineOf(doc, i.path, lines) })),
  );
}
