// JSON Schemas generated from the zod schemas (one source of truth), for editors
// (yaml-language-server) and for docs/.
import { z } from 'zod';
import { catalogSchema } from './catalog.ts';
import { planSchema } from './plan.ts';
import { problemSchema } from './problem.ts';
import { projectSchema } from './project.ts';
import { proposalSchema } from './proposal.ts';
import { replayFileSchema } from './plan-replay.ts';

export const SCHEMAS: Record<string, () => z.ZodType> = {
  project: () => projectSchema,
  proposal: () => proposalSchema,
  catalog: () => catalogSchema,
  plan: () => planSchema,
  problem: () => problemSchema,
  replay: () => replayFileSchema,
};

export function jsonSchemaText(name: string): string {
  const schema = SCHEMAS[name];
  if (!schema) throw new Error(`unknown schema ${name}`);
  const json = z.toJSONSchema(schema(), { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title: `capplan ${name} file` }, null, 2)}\n`;
}
