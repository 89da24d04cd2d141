// What an output file holds, as renderers hand it to the one writer (src/io/write-atomic.ts):
// text, bytes, or text made on demand a chunk at a time — a document too large to hold as
// one string beside its bytes (plan.json of 100,000 servers), written as it is produced.

export interface TextChunks {
  /** The text, in order; each call starts again from the beginning. */
  chunks(): Iterable<string>;
}

export type FileData = string | Uint8Array | TextChunks;

export const isTextChunks = (data: FileData): data is TextChunks => typeof data === 'object' && 'chunks' in data;
