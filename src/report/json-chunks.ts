// `JSON.stringify(value, null, 2)` in chunks: the same bytes, without one string of the whole.
// A million VMs' place result is about 100 MB of JSON; built as one string it is held beside
// the object and its encoded bytes, and takes seconds to flatten (docs/method.md §6.5). Each
// entry of the outer object is stringified on its own, inside an object of its one key, so
// JSON.stringify itself indents it to its place; a long array goes a slice at a time the same
// way. Only the braces and brackets around the pieces are cut away: nothing is re-indented.

/** Array entries per chunk: about 100 KB of the place result's VM list. */
const SLICE = 2000;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** `"key": value` at the indent of an entry of the outer object; null where JSON omits it. */
function entry(key: string, value: unknown): string | null {
  const text = JSON.stringify({ [key]: value }, null, 2);
  // '{}': the value is one JSON.stringify leaves out (undefined, a function).
  return text === '{}' ? null : text.slice(2, -2);
}

/** The entries of a long array under `key`, without the brackets, joined as JSON.stringify joins them. */
function* slices(key: string, list: readonly unknown[]): Generator<string> {
  const head = `{\n  ${JSON.stringify(key)}: [\n`.length;
  const tail = '\n  ]\n}'.length;
  for (let at = 0; at < list.length; at += SLICE) {
    const text = JSON.stringify({ [key]: list.slice(at, at + SLICE) }, null, 2);
    yield `${at > 0 ? ',\n' : ''}${text.slice(head, -tail)}`;
  }
}

/**
 * The chunks of `JSON.stringify(value, null, 2)`, in order; joined, they are that string
 * exactly. An outer value other than a plain object comes as one chunk.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    // undefined, which JSON.stringify does not turn into text, as no text.
    yield (JSON.stringify(value, null, 2) as string | undefined) ?? '';
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    const long = Array.isArray(v) && v.length > SLICE && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
    const text = long ? `  ${JSON.stringify(key)}: [` : entry(key, v);
    if (text === null) continue;
    yield `${first ? '{\n' : ',\n'}${text}`;
    first = false;
    if (!long) continue;
    yield '\n';
    yield* slices(key, v as unknown[]);
    yield '\n  ]';
  }
  yield first ? '{}' : '\n}';
}
