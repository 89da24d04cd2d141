// catalog.yaml: the host models `cluster.mode: catalog` chooses from (docs/inputs.md). The
// host model is also what plan.json and proposal.yaml record of the hosts to buy.
import { z } from 'zod';
import { ConfigError } from "./errors.js";
import { lineOf, parseStructured, readStructuredText } from "./load-file.js";
const positiveInt = z.number().int().positive();
const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
export const hostModelSchema = z.strictObject({
    name: z.string().min(1).describe('Model name, unique in the catalog.'),
    sockets: positiveInt.describe('CPU sockets.'),
    coresPerSocket: positiveInt.describe('Cores per socket.'),
    threadsPerCore: positiveInt.default(1).describe('Hardware threads per core (2 with hyper-threading).'),
    cpuGhz: positive.describe('Nominal clock, GHz.'),
    cpuModel: z.string().optional().describe('CPU model, free text.'),
    cpuFamily: z.string().optional().describe('CPU family (all hosts of a cluster share one, method §5.3).'),
    memoryGb: positive.describe('Installed memory, GB.'),
    nics: positiveInt.describe('Network ports.'),
    nicGbps: positive.describe('Speed of each port, Gbps.'),
    localDiskMb: positive.describe('Internal disk as the installer sees it, MB.'),
    price: nonNegative.describe('Price of one host, any currency.'),
    watts: nonNegative.describe('Power draw, W.'),
});
export const catalogSchema = z.strictObject({
    models: z.array(hostModelSchema).min(1, 'the catalog needs at least one model'),
});
export async function readCatalog(file) {
    return parseCatalog(await readStructuredText(file), file);
}
export function parseCatalog(text, file) {
    const parsed = parseStructured(text, file, catalogSchema, 'yaml');
    const models = parsed.value.models;
    const seen = new Map();
    models.forEach((m, i) => {
        const first = seen.get(m.name);
        if (first !== undefined) {
            const { doc, lines } = parsed.document();
            const message = `duplicate model name "${m.name}" (first at models[${first}])`;
            throw new ConfigError(file, [{ path: `models[${i}].name`, message, row: lineOf(doc, ['models', i, 'name'], lines) }]);
        }
        seen.set(m.name, i);
    });
    return models;
}
