// `capplan report <plan.json>`: read a plan, render the asked formats in memory, then write
// them atomically (nothing is written when reading or rendering fails).
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { readPlan } from '../plan/serialise.ts';
import type { Plan } from '../domain/plan.ts';
import { REPORT_FORMATS, renderReportFiles, type ReportFormat } from '../report/index.ts';

export function parseFormats(text: string): ReportFormat[] {
  const asked = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || asked.length === 0)
    throw new InputError(`--format: expected a comma-separated list of ${REPORT_FORMATS.join(', ')}; got "${text}"`);
  return [...new Set(asked)] as ReportFormat[];
}

/** The plan reader (src/plan/serialise.ts), plus the fields only the reports rely on. */
async function readReportablePlan(file: string): Promise<Plan> {
  const plan = await readPlan(file);
  for (const key of ['servers', 'inputs'] as const)
    if (!Array.isArray(plan[key])) throw new InputError(`not a capplan plan: "${key}" must be an array`, { file });
  for (const key of ['settings', 'hostModel'] as const)
    if (!plan[key] || typeof plan[key] !== 'object')
      throw new InputError(`not a capplan plan: "${key}" is missing`, { file });
  return plan;
}

export async function runReport(args: { plan: string; format: string; out?: string }): Promise<number> {
  const formats = parseFormats(args.format);
  const plan = await readReportablePlan(args.plan);
  const files = await renderReportFiles(plan, formats);
  const outDir = args.out ?? path.dirname(args.plan);
  // plan.json is rewritten only into another folder: never over the file being read.
  const sameFile = path.resolve(outDir, 'plan.json') === path.resolve(args.plan);
  const written = await writeFilesAtomic(
    outDir,
    files.filter((f) => !(sameFile && f.name === 'plan.json')),
  );
  for (const f of written) process.stdout.write(`wrote ${f}\n`);
  return 0;
}
