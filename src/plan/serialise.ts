// plan.json (de)serialisation. The text is canonical: two-space JSON, keys in the order the
// assembler builds them, one trailing newline, so the same plan is the same bytes.
import { readFile } from 'node:fs/promises';
import { InputError } from '../domain/errors.ts';
import { PLAN_FORMAT_VERSION, type Plan } from '../domain/plan.ts';

export function serialisePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export async function readPlan(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file });
  }
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version !== 'number') throw new InputError('not a capplan plan: formatVersion is missing', { file });
  if (version > PLAN_FORMAT_VERSION) {
    throw new InputError(
      `plan formatVersion ${version} is newer than this capplan understands (${PLAN_FORMAT_VERSION})`,
      { file },
    );
  }
  for (const key of ['vms', 'hosts', 'totals', 'redundancy', 'placement'] as const) {
    if (!(data as Record<string, unknown>)[key])
      throw new InputError(`not a capplan plan: "${key}" is missing`, { file });
  }
  return data as Plan;
}
