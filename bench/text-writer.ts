// Buffered text output for the benchmark generators: lines are collected and written 1 MiB at a
// time, waiting for the stream to drain, so a generated file of any size costs little memory.
import { createWriteStream } from 'node:fs';

export interface TextWriter {
  /** Appends text; resolves once any full block has been handed to the stream. */
  add(text: string): Promise<void>;
  /** Writes what is left and closes the file. */
  close(): Promise<void>;
}

export function textWriter(file: string): TextWriter {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  let block = '';
  return {
    async add(text) {
      block += text;
      if (block.length > 1 << 20) {
        const full = block;
        block = '';
        await write(full);
      }
    },
    async close() {
      await write(block);
      block = '';
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    },
  };
}
