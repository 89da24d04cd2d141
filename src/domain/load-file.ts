// YAML files validated by a zod schema, with errors that name the file, the line and the
// path of the offending setting ("capplan.yaml:12: sizing.growth.memry: Unrecognized key").
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError, InputError } from './errors.ts';

export async function readYamlFile(file: string): Promise<{ text: string }> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
}

/** Parses YAML text and validates it with `schema`; located errors on failure. */
export function parseYamlWithSchema<S extends z.ZodTypeAny>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`YAML: ${firstError.message.split('\n')[0]}`, { file, row: pos.line, column: pos.col });
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const row = lineOf(doc, path, lineCounter);
      const message = issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.message;
      return { path: path.map(String).join('.'), message, ...(row ? { row } : {}) };
    });
  });
  throw new ConfigError(file, issues.flat());
}

/** Line of the deepest node that exists along `path` (a key's own line for unknown keys). */
export function lineOf(doc: Document, path: PropertyKey[], lc: LineCounter): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lc);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      line = rangeLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (
      node &&
      typeof node === 'object' &&
      'items' in node &&
      Array.isArray((node as { items: unknown[] }).items)
    ) {
      node = (node as { items: unknown[] }).items[Number(key)];
      line = rangeLine(node, lc) ?? line;
    } else break;
  }
  return line;
}

function rangeLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}
