// `capplan report <plan.json>`: read a plan, render the asked formats in memory, then write
// them atomically (nothing is written when reading or rendering fails).
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { readPlan } from '../domain/plan.ts';
import { withTco } from '../plan/tco.ts';
import { REPORT_FORMATS, renderReportFiles, type ReportFormat } from '../report/index.ts';

export interface ReportArgs {
  plan: string;
  format: string;
  out?: string;
}

function parseFormats(text: string): ReportFormat[] {
  const asked = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || asked.length === 0)
    throw new InputError(`--format: expected a comma-separated list of ${REPORT_FORMATS.join(', ')}; got "${text}"`);
  return [...new Set(asked)] as ReportFormat[];
}

export async function runReport(args: ReportArgs): Promise<number> {
  const formats = parseFormats(args.format);
  // A plan written before the cost of ownership existed gets it from its settings (method §15).
  const plan = withTco(await readPlan(args.plan));
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
