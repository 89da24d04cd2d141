// The one loader of capplan's own structured files (capplan.yaml, catalog.yaml,
// proposal.yaml, problem.json, plan.json): a regular file of bounded size, read once,
// parsed as YAML or JSON and validated by a zod schema. Every problem is reported in one
// format, `file:line: path: message` (ConfigError), e.g.
// `capplan.yaml:12: sizing.growth.memry: unknown setting`.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError, InputError } from './errors.ts';

/** Large enough for the plan.json of an estate of 100,000 VMs; a config file is kilobytes. */
const MAX_STRUCTURED_FILE_BYTES = 1024 * 2 ** 20;

/**
 * The bytes of `file`, which must be a regular file of at most `maxBytes`. Opened once and
 * without blocking, so a FIFO, a device (`/dev/zero`) or a directory is refused at once
 * instead of hanging or filling memory.
 */
export async function readRegularFile(
  file: string,
  maxBytes = MAX_STRUCTURED_FILE_BYTES,
  /** Where to read `size` bytes (a buffer reused from file to file), else a new one. */
  into?: (size: number) => Buffer,
): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError('not a regular file', { file });
    if (info.size > maxBytes)
      throw new InputError(`${info.size} bytes: larger than the ${maxBytes} bytes allowed`, { file });
    const bytes = into ? into(info.size) : Buffer.alloc(info.size);
    let filled = 0;
    while (filled < info.size) {
      const { bytesRead } = await handle.read(bytes, filled, info.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export type StructuredFormat = 'yaml' | 'json';

export interface ParsedFile<T> {
  value: T;
  /** The YAML document (JSON is YAML 1.2), for callers that point at lines of the file. */
  document: () => { doc: Document; lines: LineCounter };
}

/** Reads and validates a structured file. */
export async function loadStructuredFile<S extends z.ZodType>(
  file: string,
  schema: S,
  format: StructuredFormat,
): Promise<z.output<S>> {
  return parseStructured(await readStructuredText(file), file, schema, format).value;
}

/** The text of a structured file: UTF-8, or UTF-8/UTF-16 with a byte-order mark (YAML 1.2 §5.2). */
export async function readStructuredText(file: string): Promise<string> {
  const bytes = await readRegularFile(file);
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // TextDecoder drops the byte-order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`not valid ${encoding} text`, { file });
  }
}

/** Parses `text` and validates it with `schema`; a ConfigError with lines and paths on failure. */
export function parseStructured<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  format: StructuredFormat,
): ParsedFile<z.output<S>> {
  const parsed = parseText(text, file, format);
  return { value: validateValue(parsed.value, schema, file, parsed.document), document: parsed.document };
}

/** Parses `text` as YAML or JSON, unvalidated. */
export function parseText(text: string, file: string, format: StructuredFormat): ParsedFile<unknown> {
  let cached: { doc: Document; lines: LineCounter } | undefined;
  const document = () => {
    cached ??= parseYaml(text);
    return cached;
  };
  const value = format === 'json' ? parseJson(text, file, document) : yamlValue(document(), file);
  return { value, document };
}

/** Validates parsed data; the document (parsed only on failure) locates each problem. */
export function validateValue<S extends z.ZodType>(
  value: unknown,
  schema: S,
  file: string,
  document: ParsedFile<unknown>['document'],
): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw schemaError(file, result.error.issues, document());
  return result.data;
}

function parseYaml(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** JSON.parse for speed; the YAML parser only to locate a syntax error. */
function parseJson(text: string, file: string, document: () => { doc: Document; lines: LineCounter }): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const { doc, lines } = document();
    const first = doc.errors[0];
    const row = first ? lines.linePos(first.pos[0]).line : undefined;
    const message = `not valid JSON: ${(err as Error).message.split('\n')[0]}`;
    throw new ConfigError(file, [{ path: '', message, ...(row ? { row } : {}) }]);
  }
}

function yamlValue({ doc, lines }: { doc: Document; lines: LineCounter }, file: string): unknown {
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: '',
        message: `YAML: ${e.message.split('\n')[0]}`,
        row: lines.linePos(e.pos[0]).line,
      })),
    );
  }
  try {
    // The yaml library's alias limit turns an alias bomb into an error instead of gigabytes.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(file, [{ path: '', message: `YAML: ${(err as Error).message.split('\n')[0]}` }]);
  }
}

function schemaError(file: string, issues: z.core.$ZodIssue[], { doc, lines }: { doc: Document; lines: LineCounter }) {
  const located = issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const row = lineOf(doc, path, lines);
      const message = issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.message;
      return { path: formatPath(path), message, ...(row ? { row } : {}) };
    });
  });
  return new ConfigError(file, located);
}

/** `models[0].name`: keys joined by dots, indices in brackets. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Line of the deepest node that exists along `path` (a key's own line for unknown keys). */
export function lineOf(doc: Document, path: readonly PropertyKey[], lc: LineCounter): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lc);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      line = rangeLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
      line = rangeLine(node, lc) ?? line;
    } else break;
  }
  return line;
}

function rangeLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}
