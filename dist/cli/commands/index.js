import { checkCommand } from "./check.js";
import { placeCommand } from "./place.js";
import { planCommand } from "./plan.js";
import { ingestCommand } from "./ingest.js";
import { provisionCommand } from "./provision.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands = [
    planCommand,
    ingestCommand,
    placeCommand,
    checkCommand,
    provisionCommand,
    reportCommand,
    schemaCommand,
];
