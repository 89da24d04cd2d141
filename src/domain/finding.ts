// Data problems that are not errors (findings, not exceptions): a reader collects them;
// sizing, reports and `capplan ingest` show them. Errors that stop a run are thrown as
// InputError instead. The one order of findings is decided here (compareFindings).
import { z } from 'zod';

const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const findingSchema = z.object({
  severity: z.enum(SEVERITIES),
  code: z.string().describe('Stable kebab-case identifier, e.g. missing-performance-data, long-gap.'),
  message: z.string().describe('One sentence for a human, with the numbers behind it.'),
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.union([z.string(), z.number()]).optional(),
  server: z.string().optional(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe(
      "The message's figures and choices by name, so a report in another language can say it (report.language).",
    ),
});
export type Finding = z.output<typeof findingSchema>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: severity, server, file, row, code, message. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.server ?? '', b.server ?? '') ||
    cmp(a.file ?? '', b.file ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `severity code: file:row:column: [server] message` (located as InputError prints);
 * `message`: the finding's own, or its text in the report's language.
 */
export function formatFinding(f: Finding, message = f.message): string {
  let where = f.file ?? '';
  if (f.file !== undefined && f.row !== undefined) where += `:${f.row}`;
  if (f.file !== undefined && f.row !== undefined && f.column !== undefined) where += `:${f.column}`;
  const who = f.server !== undefined ? `[${f.server}] ` : '';
  return `${f.severity} ${f.code}: ${where ? `${where}: ` : ''}${who}${message}`;
}
