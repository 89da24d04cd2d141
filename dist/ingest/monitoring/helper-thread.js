// One worker thread that helps with a big long CSV: it parses the second half of the file
// (long-csv-split.ts) and later summarises half of the servers (read-monitoring.ts). Both
// threads read the samples in place: a store's slabs are SharedArrayBuffers (sample-store.ts).
// The worker starts on first use, so a run that reads only small files never pays for it.
import { Worker } from 'node:worker_threads';
import { InternalError } from "../../domain/errors.js";
export class HelperThread {
    worker;
    pending;
    failed = false;
    /** True once the worker took a request and did not fail. */
    get used() {
        return this.worker !== undefined && !this.failed;
    }
    parse(file, range, layout, progress) {
        return this.request({ kind: 'parse', file, range, layout }, progress);
    }
    /** Summarises servers `names` of `stores` (file order), which the worker reads in place. */
    async summarise(stores, names, opts) {
        const reply = await this.request({ kind: 'summarise', stores, names, opts });
        if (reply.kind !== 'summarised')
            throw new InternalError(`helper thread: unexpected reply ${reply.kind}`);
        return reply.usages;
    }
    async close() {
        const w = this.worker;
        this.worker = undefined;
        if (w)
            await w.terminate();
    }
    request(req, progress) {
        if (this.pending)
            throw new InternalError('helper thread: one request at a time');
        if (this.failed)
            return Promise.reject(new InternalError('helper thread failed earlier'));
        const w = this.start();
        return new Promise((resolve, reject) => {
            this.pending = { resolve, reject, ...(progress ? { progress } : {}) };
            w.postMessage(req);
        });
    }
    start() {
        if (this.worker)
            return this.worker;
        // Built (dist/): the compiled worker. From the sources (tests, tsx): a shim that registers
        // tsx inside the worker first, since a worker does not inherit its parent's loader hooks.
        const entry = import.meta.url.endsWith('.ts') ? './helper-worker-tsx.js' : './helper-worker.js';
        const w = new Worker(new URL(entry, import.meta.url));
        w.on('message', (reply) => {
            const p = this.pending;
            if (!p)
                return;
            if (reply.kind === 'progress')
                return p.progress?.(reply.bytes);
            this.pending = undefined;
            if (reply.kind !== 'crash')
                return p.resolve(reply);
            this.failed = true;
            p.reject(new InternalError(`helper thread: ${reply.message}`));
        });
        w.on('error', (err) => {
            this.failed = true;
            const p = this.pending;
            this.pending = undefined;
            p?.reject(err instanceof Error ? err : new Error(String(err)));
        });
        this.worker = w;
        return w;
    }
}
