// The worker side of helper-thread.ts: parses a byte range of a long CSV into its own store
// and sends the samples back (buffers transferred), or summarises the servers it is sent.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../errors.ts';
import { GiveUp, parseLongRange } from './fast-long-csv.ts';
import type { HelperReply, HelperRequest, ParseReply } from './helper-thread.ts';
import { RowIssues } from './row-issues.ts';
import { SampleStore, ServerSamples } from './sample-store.ts';
import { summariseServer } from './summarise.ts';

const port = parentPort;
port?.on('message', (req: HelperRequest) => {
  void handle(req).then(
    ({ reply, transfer }) => port.postMessage(reply, transfer),
    (err: unknown) => port.postMessage(failure(err)),
  );
});

async function handle(req: HelperRequest): Promise<{ reply: HelperReply; transfer: ArrayBuffer[] }> {
  if (req.kind === 'summarise') {
    const usages = req.servers.map((parts) => summariseServer(parts.map((t) => ServerSamples.fromTransfer(t)), req.opts));
    return { reply: { kind: 'summarised', usages }, transfer: [] };
  }
  const store = new SampleStore();
  const issues = new RowIssues();
  const progress = (bytes: number) => port!.postMessage({ kind: 'progress', bytes } satisfies HelperReply);
  const lines = await parseLongRange(req.file, req.range, req.layout, store, issues, progress);
  const servers = [...store.servers.values()].map((s) => s.toTransfer());
  return { reply: { kind: 'parsed', lines, servers, tallies: issues.tallies() }, transfer: servers.flatMap((s) => s.buffers) };
}

function failure(err: unknown): ParseReply | HelperReply {
  if (err instanceof GiveUp) return { kind: 'give-up' };
  if (err instanceof InputError) return { kind: 'input-error', detail: err.detail, row: err.location?.row, column: err.location?.column };
  return { kind: 'crash', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
