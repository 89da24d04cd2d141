// Big long CSVs are read as fixed-size byte ranges (cut at line ends), each into its own
// SampleStore, on worker threads when there are cores for them. The ranges depend only on
// the file size, never on the number of threads, and are merged in file order — so the
// result is the same on any machine. Errors carry absolute line numbers: each range reports
// its line count and the earliest range's error wins.
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.ts';
import { GiveUp, parseRange, readLongCsvFast, type ByteRange, type FastProgress } from './fast-long-csv.ts';
import { longLayout, type LongLayout } from './long-csv.ts';
import { RowIssues, type Tally } from './row-issues.ts';
import { SampleStore, ServerSamples, type TransferredSamples } from './sample-store.ts';

/** Range size: a multiple of this many bytes per range (128 MiB: 19 ranges for the 2.4 GB benchmark file). */
export const RANGE_BYTES = 128 << 20;

export interface RangeOptions {
  /** Bytes per range (tests use small values). */
  rangeBytes?: number;
  /** Worker threads; default: available cores, at most 4; 0 or 1 = parse in this thread. */
  workers?: number;
}

type RangeResult =
  | { kind: 'ok'; lines: number; store: SampleStore; tallies: Tally[] }
  | { kind: 'give-up' }
  | { kind: 'input-error'; detail: string; row: number | undefined; column: string | number | undefined };

/** The file's stores in order, or null when the fast path cannot read it (use csv-parse). */
export async function readLongCsvRanges(file: string, issues: RowIssues, opts: RangeOptions = {}, progress?: FastProgress): Promise<SampleStore[] | null> {
  const rangeBytes = opts.rangeBytes ?? RANGE_BYTES;
  const size = (await stat(file).catch(() => ({ size: 0 }))).size;
  if (size <= rangeBytes) {
    const store = new SampleStore();
    return (await readLongCsvFast(file, store, issues, progress)) ? [store] : null;
  }
  const head = await headerOf(file);
  if (!head) return null;
  const ranges = await cutRanges(file, head.end, size, rangeBytes);
  const workers = Math.min(opts.workers ?? Math.min(availableParallelism(), 4), ranges.length);
  const results = workers > 1 ? await inWorkers(file, ranges, head.layout, workers, progress).catch(() => null) : null;
  const final = results ?? (await inThread(file, ranges, head.layout, progress));
  if (final.some((r) => r.kind === 'give-up')) return null;
  let offset = 1; // the header line
  const stores: SampleStore[] = [];
  for (const r of final) {
    if (r.kind === 'input-error') throw new InputError(r.detail, { file, ...(r.row !== undefined ? { row: r.row + offset } : {}), ...(r.column !== undefined ? { column: r.column } : {}) });
    if (r.kind !== 'ok') continue;
    issues.absorb(r.tallies, offset);
    stores.push(r.store);
    offset += r.lines;
  }
  return stores;
}

/** Header line → layout and the byte after it; null when it needs csv-parse (quotes). */
async function headerOf(file: string): Promise<{ layout: LongLayout; end: number } | null> {
  const bytes = await readAt(file, 0, 1 << 16);
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return null;
  const line = bytes.toString('utf8', 0, nl).replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line.includes('"')) return null;
  return { layout: longLayout(line.split(','), file), end: nl + 1 };
}

/** Ranges of about `rangeBytes`, each starting at a line start. */
async function cutRanges(file: string, first: number, size: number, rangeBytes: number): Promise<ByteRange[]> {
  const starts = [first];
  for (let nominal = first + rangeBytes; nominal < size; nominal += rangeBytes) {
    let at = Math.max(nominal, starts[starts.length - 1]! + 1);
    for (;;) {
      const probe = await readAt(file, at - 1, 1 << 16);
      const nl = probe.indexOf(0x0a);
      if (nl >= 0) {
        at = at - 1 + nl + 1;
        break;
      }
      if (probe.length === 0) {
        at = size;
        break;
      }
      at += probe.length;
    }
    if (at < size && at > starts[starts.length - 1]!) starts.push(at);
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
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

async function inThread(file: string, ranges: ByteRange[], layout: LongLayout, progress?: FastProgress): Promise<RangeResult[]> {
  const out: RangeResult[] = [];
  for (const range of ranges) {
    const store = new SampleStore();
    const issues = new RowIssues();
    try {
      const lines = await parseRange(file, range, layout, store, issues, progress);
      out.push({ kind: 'ok', lines, store, tallies: issues.tallies() });
    } catch (err) {
      if (err instanceof GiveUp) return [{ kind: 'give-up' }];
      if (!(err instanceof InputError)) throw err;
      out.push({ kind: 'input-error', detail: err.detail, row: err.location?.row, column: err.location?.column });
      break; // later ranges cannot hold an earlier error
    }
  }
  return out;
}

type WorkerReply =
  | { kind: 'ok'; lines: number; servers: TransferredSamples[]; tallies: Tally[] }
  | { kind: 'give-up' }
  | { kind: 'input-error'; detail: string; row: number | undefined; column: string | number | undefined }
  | { kind: 'crash'; message: string };

/** A small pool: each worker takes the next range when it is done; results kept in range order. */
function inWorkers(file: string, ranges: ByteRange[], layout: LongLayout, count: number, progress?: FastProgress): Promise<RangeResult[]> {
  return new Promise((resolve, reject) => {
    const results: RangeResult[] = new Array(ranges.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      const i = next++;
      if (i >= ranges.length) return;
      w.once('message', (reply: WorkerReply) => {
        if (reply.kind === 'crash') return finish(new Error(reply.message));
        results[i] = reply.kind === 'ok' ? { kind: 'ok', lines: reply.lines, tallies: reply.tallies, store: storeOf(reply.servers) } : reply;
        progress?.(ranges[i]!.end);
        if (++done === ranges.length) return finish();
        feed(w);
      });
      w.postMessage({ file, start: ranges[i]!.start, end: ranges[i]!.end, layout });
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(new URL('./range-worker.js', import.meta.url));
      w.on('error', (err) => finish(err));
      pool.push(w);
      feed(w);
    }
  });
}

function storeOf(servers: TransferredSamples[]): SampleStore {
  const store = new SampleStore();
  for (const t of servers) store.servers.set(t.name, ServerSamples.fromTransfer(t));
  return store;
}
