// catalog.yaml (formats.md): the host models cluster.mode = catalog chooses from. Zod at the
// boundary with strict keys; every issue is reported with the YAML line of the offending node
// (conventions.md, Knip: "zod issues printed with their path").
import { LineCounter, parseDocument } from 'yaml';
import { lineOf } from './load-file.ts';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import type { HostModel } from './types.ts';
import { readTextFile } from '../ingest/read-text.ts';

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
  cpuFamily: z.string().optional().describe('CPU family (all hosts of a cluster share one, spec §3).'),
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

export async function readCatalog(file: string): Promise<HostModel[]> {
  const { text } = await readTextFile(file);
  return parseCatalog(text, file);
}

export function parseCatalog(text: string, file: string): HostModel[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: '',
        message: `YAML: ${e.message.split('\n')[0]}`,
        row: lineCounter.linePos(e.pos[0]).line,
      })),
    );
  }
  const parsed = catalogSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => {
        // An unknown key is reported on its own line, not its parent's.
        const path =
          issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
            ? [...issue.path, issue.keys[0]]
            : issue.path;
        return { path: formatPath(path), message: issue.message, row: lineOf(doc, path, lineCounter) };
      }),
    );
  }
  const models = parsed.data.models;
  const seen = new Map<string, number>();
  models.forEach((m, i) => {
    const first = seen.get(m.name);
    if (first !== undefined) {
      throw new ConfigError(file, [
        {
          path: `models[${i}].name`,
          message: `duplicate model name "${m.name}" (first at models[${first}])`,
          row: lineOf(doc, ['models', i, 'name'], lineCounter),
        },
      ]);
    }
    seen.set(m.name, i);
  });
  return models.map(({ cpuModel, cpuFamily, ...rest }) => ({
    ...rest,
    ...(cpuModel !== undefined ? { cpuModel } : {}),
    ...(cpuFamily !== undefined ? { cpuFamily } : {}),
  }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}
