// The worker side of helper-thread.ts: parses a byte range of a long CSV into its own store
// and shares it back (slabs are shared memory), or summarises servers of the stores it is sent.
import { parentPort } from 'node:worker_threads';
import { InputError } from "../../domain/errors.js";
import { GiveUp, parseLongRange } from "./fast-long-csv.js";
import { RowIssues } from "./row-issues.js";
import { SampleStore } from "./sample-store.js";
import { summariseNames } from "./summarise.js";
const port = parentPort;
port?.on('message', (req) => {
    void handle(req).then((reply) => port.postMessage(reply), (err) => port.postMessage(failure(err)));
});
async function handle(req) {
    if (req.kind === 'summarise')
        return {
            kind: 'summarised',
            usages: summariseNames(req.stores.map((s) => SampleStore.fromShared(s)), req.names, req.opts),
        };
    const store = new SampleStore();
    const issues = new RowIssues();
    const progress = (bytes) => port.postMessage({ kind: 'progress', bytes });
    const lines = await parseLongRange(req.file, req.range, req.layout, store, issues, progress);
    return { kind: 'parsed', lines, store: store.share(), tallies: issues.tallies() };
}
function failure(err) {
    if (err instanceof GiveUp)
        return { kind: 'give-up' };
    if (err instanceof InputError)
        return { kind: 'input-error', detail: err.detail, row: err.location?.row, column: err.location?.column };
    return { kind: 'crash', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
