// Worker thread of long-csv-ranges.ts: parses one byte range of a long CSV per message and
// sends back its samples (chunk buffers transferred, not copied), tallies and line count.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../errors.ts';
import { GiveUp, parseRange } from './fast-long-csv.ts';
import type { LongLayout } from './long-csv.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore } from './sample-store.ts';

export interface RangeRequest {
  file: string;
  start: number;
  end: number;
  layout: LongLayout;
}

parentPort?.on('message', (req: RangeRequest) => {
  void handle(req).then(
    ({ message, transfer }) => parentPort!.postMessage(message, transfer),
    (err: unknown) => parentPort!.postMessage(failure(err)),
  );
});

async function handle(req: RangeRequest) {
  const store = new SampleStore();
  const issues = new RowIssues();
  const lines = await parseRange(req.file, { start: req.start, end: req.end }, req.layout, store, issues);
  const servers = [...store.servers.values()].map((s) => s.toTransfer());
  return { message: { kind: 'ok' as const, lines, servers, tallies: issues.tallies() }, transfer: servers.flatMap((s) => s.buffers) };
}

function failure(err: unknown) {
  if (err instanceof GiveUp) return { kind: 'give-up' as const };
  if (err instanceof InputError) return { kind: 'input-error' as const, detail: err.detail, row: err.location?.row, column: err.location?.column };
  return { kind: 'crash' as const, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
