// A big long CSV (> 64 MiB) is read as two halves cut at a line start, each into its own
// SampleStore: the second on the helper thread when there is a second core, else after the
// first in this thread. The cut depends only on the file size, never on the thread count, so
// the result is the same on any machine; stores are kept in file order, as separate files are.
// Errors and row findings carry absolute line numbers: the second half counts its lines from
// 1 and the first half's line count is added afterwards; the first half's error wins.
// Why two halves and no more: the 2-core target machine, and each part costs one partly
// filled chunk per server (bbf5bd4 cut 19 ranges and needed 2.8 GiB; docs/ingest.md).
import { open, stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { InputError } from '../../domain/errors.ts';
import { GiveUp, parseLongRange, readLongCsvFast, type ByteRange, type FastProgress } from './fast-long-csv.ts';
import type { HelperThread, ParseReply } from './helper-thread.ts';
import { longLayout, type LongLayout } from './long-csv.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore } from './sample-store.ts';

/** When files are split and whether a helper thread is used; tests lower `minBytes`. */
export const splitSettings: { minBytes: number; threads: 1 | 2 | 'auto' } = {
  /** Files up to this size are read whole, in this thread (a worker costs ~0.2 s to start). */
  minBytes: 64 << 20,
  /**
   * 2: the second half goes to a helper thread; 1: both halves in this thread; auto: 2 when a core is idle
   * (threadsToUse).
   */
  threads: 'auto',
};

/**
 * Threads for a big file: 2 when a core is idle now (at least 0.75 core idle over 250 ms,
 * from os.cpus() counters), else 1. Measured on the shared 2-core benchmark machine: with a
 * core free the helper makes the read ~1.5× faster; with none, the two threads share one core,
 * evict each other's caches and take ~25 % longer than one (docs/benchmarks.md). The 1-minute
 * load average lags too much for this (it still counts work that just ended). The result does
 * not depend on the choice.
 */
async function threadsToUse(): Promise<1 | 2> {
  if (splitSettings.threads !== 'auto') return splitSettings.threads;
  if (availableParallelism() < 2) return 1;
  const idleMs = () => cpus().reduce((a, c) => a + c.times.idle, 0);
  const t0 = performance.now();
  const idle0 = idleMs();
  await new Promise((resolve) => setTimeout(resolve, 250));
  return (idleMs() - idle0) / (performance.now() - t0) >= 0.75 ? 2 : 1;
}

type Piece =
  | ParseReply
  | { kind: 'parsed'; lines: number; store: SampleStore; tallies: ReturnType<RowIssues['tallies']> };

/** The file's stores in file order, or null when the fast path cannot read it (csv-parse then). */
export async function readLongCsvSplit(
  file: string,
  issues: RowIssues,
  helper: HelperThread | undefined,
  progress?: FastProgress,
): Promise<SampleStore[] | null> {
  const size = (await stat(file).catch(() => ({ size: 0 }))).size;
  const cut = size > splitSettings.minBytes ? await halves(file, size) : null;
  if (!cut) {
    const store = new SampleStore();
    return (await readLongCsvFast(file, store, issues, progress)) ? [store] : null;
  }
  let done1 = 0;
  let done2 = 0;
  const report = progress ? () => progress(cut.first.start + done1 + done2) : undefined;
  const onSecond =
    report &&
    ((n: number) => {
      done2 = n;
      report();
    });
  // A helper that fails to start (or dies) costs time, not the result: that half is parsed here.
  const second =
    helper && (await threadsToUse()) === 2
      ? helper.parse(file, cut.second, cut.layout, onSecond).catch(() => null)
      : null;
  const onFirst =
    report &&
    ((n: number) => {
      done1 = n;
      report();
    });
  const first = await parseHere(file, cut.first, cut.layout, onFirst);
  // The helper's half is awaited even when the first half failed: the helper takes one request at a time.
  const helped = await second;
  const pieces = [first];
  if (first.kind === 'parsed') pieces.push(helped ?? (await parseHere(file, cut.second, cut.layout, onSecond)));
  const stores: SampleStore[] = [];
  let offset = 1; // the header line
  for (const p of pieces) {
    if (p.kind === 'give-up') return null;
    if (p.kind === 'input-error')
      throw new InputError(p.detail, {
        file,
        ...(p.row !== undefined ? { row: p.row + offset } : {}),
        ...(p.column !== undefined ? { column: p.column } : {}),
      });
    issues.absorb(p.tallies, offset);
    stores.push(p.store instanceof SampleStore ? p.store : SampleStore.fromShared(p.store));
    offset += p.lines;
  }
  return stores;
}

async function parseHere(file: string, range: ByteRange, layout: LongLayout, progress?: FastProgress): Promise<Piece> {
  const store = new SampleStore();
  const issues = new RowIssues();
  try {
    const lines = await parseLongRange(file, range, layout, store, issues, progress);
    return { kind: 'parsed', lines, store, tallies: issues.tallies() };
  } catch (err) {
    if (err instanceof GiveUp) return { kind: 'give-up' };
    if (err instanceof InputError)
      return { kind: 'input-error', detail: err.detail, row: err.location?.row, column: err.location?.column };
    throw err;
  }
}

/**
 * The header's layout and the two halves after it, cut after the first line end at or past
 * the middle; null when the file should be read whole (odd header, no second line end).
 */
async function halves(
  file: string,
  size: number,
): Promise<{ layout: LongLayout; first: ByteRange; second: ByteRange } | null> {
  const head = await readAt(file, 0, 1 << 16);
  const nl = head.indexOf(0x0a);
  if (nl < 0) return null;
  const line = head
    .toString('utf8', 0, nl)
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
  // Quotes need csv-parse, and an empty first line shifts the header: the whole-file path handles both.
  if (line.trim() === '' || line.includes('"')) return null;
  const layout = longLayout(line.split(','), file);
  if (layout.width > 64) return null;
  const start = nl + 1;
  const middle = start + Math.floor((size - start) / 2);
  const probe = await readAt(file, middle, 1 << 20);
  const lf = probe.indexOf(0x0a);
  if (lf < 0 || middle + lf + 1 >= size) return null;
  const cut = middle + lf + 1;
  return { layout, first: { start, end: cut }, second: { start: cut, end: size } };
}

async function readAt(file: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
