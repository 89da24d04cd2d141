// JSON.stringify(value, null, 2) as a sequence of chunks of about CHUNK_CHARS characters, so
// a large document (the plan.json of 100,000 servers is some 400 MB) is written piece by
// piece and never held as one string beside its bytes. The bytes are JSON.stringify's: the
// walk follows its algorithm (ECMA-262 §25.5.2, SerializeJSONProperty) for the containers it
// opens — toJSON called with the key, undefined, functions and symbols left out of objects and
// null in arrays — and hands every other value to JSON.stringify itself. A string cannot hold
// a raw newline in JSON (it is escaped as \n), so a nested value's text is re-indented by
// replacing its newlines with the newline and the indent of where it stands.

/**
 * 32 K characters (64 KB at most as UTF-16): a chunk, the strings it is joined from and its
 * bytes stay below V8's large-object size (128 KB), so they die young in the scavenger. At 1 M
 * characters every one went to the large-object space, freed only by a full collection: writing
 * the plan.json of 100,000 servers grew the process by 200–450 MB of dead chunks.
 */
const CHUNK_CHARS = 1 << 15;
const INDENT = '  ';

/**
 * Containers this deep or less are opened (the root is depth 0), except the elements of an
 * array longer than LONG_ARRAY: those are records (a server, a VM, a finding) of a few
 * hundred bytes each, one JSON.stringify apiece, which keeps the walk to one call per record.
 */
const OPEN_DEPTH = 4;
const LONG_ARRAY = 16;

class Chunks {
  parts: string[] = [];
  chars = 0;

  push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
  }

  full(): boolean {
    return this.chars >= CHUNK_CHARS;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    return text;
  }
}

/** The value JSON.stringify serialises for `key` of its holder: toJSON applied, boxed primitives unwrapped. */
function prepared(value: unknown, key: string): unknown {
  let v = value;
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  if (v instanceof Number) return Number(v);
  if (v instanceof String) return String(v);
  if (v instanceof Boolean) return v.valueOf();
  return v;
}

/** A value JSON leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function opens(v: unknown, depth: number, inLongArray: boolean): v is object {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  return depth <= OPEN_DEPTH && !inLongArray;
}

/** The text of a value not opened here, indented as if it stood at `indent`. */
function whole(v: unknown, indent: string): string {
  const text = JSON.stringify(v, null, INDENT);
  return indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

/**
 * Elements `from`…`to` of a long array standing at `indent`, as JSON.stringify writes them
 * there (joined by `,\n` and the inner indent): one JSON.stringify of the slice, nested in as
 * many one-element arrays as the indent has levels, so the text comes out already indented
 * and only the wrappers' brackets are cut off. Null when an element has a toJSON of its own
 * (it would be called with its index in the slice, not in the array).
 */
function slice(v: unknown[], from: number, to: number, indent: string): string | null {
  const part = v.slice(from, to);
  for (const e of part) if (typeof (e as { toJSON?: unknown } | null)?.toJSON === 'function') return null;
  let wrapped: unknown = part;
  let head = '';
  let tail = '';
  for (let level = indent.length / INDENT.length; level > 0; level--) {
    wrapped = [wrapped];
    head = `[\n${INDENT.repeat(level)}${head}`;
    tail = `${tail}\n${INDENT.repeat(level - 1)}]`;
  }
  const text = JSON.stringify(wrapped, null, INDENT);
  return text.slice(head.length + 2 + indent.length + INDENT.length, text.length - tail.length - indent.length - 2);
}

/** Elements of a long array put in one JSON.stringify: few enough that the text stays a small object (CHUNK_CHARS). */
const SLICE = 8;

function* walk(v: object, indent: string, depth: number, out: Chunks): Generator<string> {
  const inner = indent + INDENT;
  const isArray = Array.isArray(v);
  const keys = isArray ? null : Object.keys(v);
  const length = isArray ? v.length : keys!.length;
  let first = true;
  out.push(isArray ? '[' : '{');
  for (let i = 0; i < length; i++) {
    const text = isArray && length > LONG_ARRAY ? slice(v, i, Math.min(length, i + SLICE), indent) : null;
    if (text !== null) {
      out.push(first ? `\n${inner}${text}` : `,\n${inner}${text}`);
      first = false;
      i = Math.min(length, i + SLICE) - 1;
      if (out.full()) yield out.take();
      continue;
    }
    const key = isArray ? String(i) : keys![i]!;
    const value = prepared((v as Record<string, unknown>)[key], key);
    if (!isArray && omitted(value)) continue;
    out.push(first ? `\n${inner}` : `,\n${inner}`);
    first = false;
    if (!isArray) out.push(`${JSON.stringify(key)}: `);
    if (opens(value, depth + 1, isArray && length > LONG_ARRAY)) yield* walk(value, inner, depth + 1, out);
    else out.push(omitted(value) ? 'null' : whole(value, inner));
    if (out.full()) yield out.take();
  }
  if (!first) out.push(`\n${indent}`);
  out.push(isArray ? ']' : '}');
}

/**
 * The chunks of `JSON.stringify(value, null, 2)`, joined: the same text. Like JSON.stringify,
 * a value with no JSON form (undefined, a function) gives no text at all.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  const v = prepared(value, '');
  if (!opens(v, 0, false)) {
    const text = JSON.stringify(v, null, INDENT);
    if (text !== undefined) yield text;
    return;
  }
  const out = new Chunks();
  yield* walk(v, '', 0, out);
  if (out.chars > 0) yield out.take();
}
