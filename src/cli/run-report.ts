// `capplan report <plan.json>`: read a plan, render the asked formats in memory, then write
// them atomically (nothing is written when reading or rendering fails).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { PLAN_FORMAT_VERSION, type Plan } from '../plan/types.ts';
import { REPORT_FORMATS, renderReportFiles, type ReportFormat } from '../report/index.ts';

export function parseFormats(text: string): ReportFormat[] {
  const asked = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || asked.length === 0) throw new InputError(`--format: expected a comma-separated list of ${REPORT_FORMATS.join(', ')}; got "${text}"`);
  return [...new Set(asked)] as ReportFormat[];
}

/** Reads plan.json and checks the fields the renderers rely on (a plan, not any JSON). */
export async function readPlan(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the plan: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file });
  }
  const p = data as Partial<Plan> | null;
  if (!p || typeof p !== 'object') throw new InputError('not a capplan plan (expected an object)', { file });
  if (p.formatVersion !== PLAN_FORMAT_VERSION) throw new InputError(`formatVersion ${String(p.formatVersion)} is not supported (this capplan reads ${PLAN_FORMAT_VERSION})`, { file });
  for (const key of ['vms', 'hosts', 'servers', 'inputs'] as const) if (!Array.isArray(p[key])) throw new InputError(`not a capplan plan: "${key}" must be an array`, { file });
  for (const key of ['settings', 'hostModel', 'totals', 'redundancy', 'placement'] as const) if (!p[key] || typeof p[key] !== 'object') throw new InputError(`not a capplan plan: "${key}" is missing`, { file });
  return p as Plan;
}

export async function runReport(args: { plan: string; format: string; out?: string }): Promise<number> {
  const formats = parseFormats(args.format);
  const plan = await readPlan(args.plan);
  const files = await renderReportFiles(plan, formats);
  const outDir = args.out ?? path.dirname(args.plan);
  // plan.json is rewritten only into another folder: never over the file being read.
  const sameFile = path.resolve(outDir, 'plan.json') === path.resolve(args.plan);
  const written = await writeFilesAtomic(outDir, files.filter((f) => !(sameFile && f.name === 'plan.json')));
  for (const f of written) process.stdout.write(`wrote ${f}\n`);
  return 0;
}
