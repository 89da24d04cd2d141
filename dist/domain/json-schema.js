// JSON Schemas generated from the zod schemas (conventions.md §3: one source of truth), for
// editors (yaml-language-server) and for docs/.
import { z } from 'zod';
import { projectSchema } from "./project.js";
import { proposalSchema } from "./proposal.js";
export const SCHEMAS = {
    project: () => projectSchema,
    proposal: () => proposalSchema,
};
export function jsonSchemaText(name) {
    const schema = SCHEMAS[name];
    if (!schema)
        throw new Error(`unknown schema ${name}`);
    const json = z.toJSONSchema(schema(), { io: 'input', target: 'draft-2020-12' });
    return `${JSON.stringify({ ...json, title: `capplan ${name} file` }, null, 2)}\n`;
}
