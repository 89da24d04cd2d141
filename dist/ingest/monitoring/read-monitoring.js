// readMonitoring: monitoring files → per-server usage + findings. Each file goes into its own
// SampleStore (so a reader can restart a file with a slower parser without undoing anything),
// then every server is summarised once from its parts across files.
import { availableParallelism } from 'node:os';
import { sortFindings } from "../../domain/finding.js";
import { readTextFile } from "../read-text.js";
import { isoUtc } from "../timestamps.js";
import { percentileSet } from "./percentile.js";
import { RowIssues } from "./row-issues.js";
import { SampleStore } from "./sample-store.js";
import { summariseNames } from "./summarise.js";
import { readLongCsvGeneral } from "./long-csv.js";
import { readLongCsvSplit, splitSettings } from "./long-csv-split.js";
import { HelperThread } from "./helper-thread.js";
import { detectMonitoringFormat } from "./formats/detect.js";
import { readPerfmon } from "./formats/perfmon.js";
import { readSadfD, readSadfJ } from "./formats/sysstat.js";
import { readNmon } from "./formats/nmon.js";
import { readBitbrains } from "./formats/bitbrains.js";
import { readWideCsv } from "./formats/wide-csv.js";
export async function readMonitoring(files, opts) {
    const percentiles = percentileSet(opts.percentiles);
    const stores = [];
    const findings = [];
    const reports = [];
    // Started only when a big long CSV is read with a core idle, then also used to summarise (helper-thread.ts).
    const helper = splitSettings.threads !== 1 && availableParallelism() > 1 ? new HelperThread() : undefined;
    try {
        for (const file of files) {
            const format = opts.format ?? (await detectMonitoringFormat(file, opts.encoding));
            const ctx = {
                file,
                store: new SampleStore(),
                issues: new RowIssues(),
                opts,
                notes: [],
                findings: [],
            };
            const fileStores = await readOneFile(format, ctx, opts, helper);
            stores.push(...fileStores);
            findings.push(...ctx.issues.findings(), ...ctx.findings);
            reports.push(fileReport(file, format, fileStores, ctx.notes));
        }
        const summary = { percentiles, ...(opts.profile ? { profile: opts.profile } : {}) };
        const result = helper?.used
            ? await summariseInTwoThreads(stores, findings, summary, helper)
            : summariseStores(stores, findings, summary);
        return { ...result, files: reports };
    }
    finally {
        await helper?.close();
    }
}
/** The stores of one file, in file order (a big long CSV is read in two parts). */
async function readOneFile(format, ctx, opts, helper) {
    if (format !== 'long') {
        await READERS[format](ctx);
        return [ctx.store];
    }
    if (opts.encoding && !/^utf-?8$/i.test(opts.encoding)) {
        const { text } = await readTextFile(ctx.file, opts.encoding);
        await readLongCsvGeneral(ctx.file, ctx.store, ctx.issues, text);
        return [ctx.store];
    }
    const progress = opts.progress ? (n) => opts.progress(ctx.file, n) : undefined;
    const stores = await readLongCsvSplit(ctx.file, ctx.issues, helper, progress);
    if (stores)
        return stores;
    ctx.issues = new RowIssues();
    ctx.notes.push('irregular CSV: read with the general parser');
    await readLongCsvGeneral(ctx.file, ctx.store, ctx.issues);
    return [ctx.store];
}
/** The reader of every format but the long CSV (which has a fast path). */
const READERS = {
    wide: readWideCsv,
    perfmon: readPerfmon,
    'sadf-d': readSadfD,
    'sadf-j': readSadfJ,
    nmon: readNmon,
    bitbrains: readBitbrains,
};
function fileReport(file, format, stores, notes) {
    let first = Infinity;
    let last = -Infinity;
    let samples = 0;
    const names = new Set();
    for (const store of stores) {
        for (const s of store.servers.values()) {
            names.add(s.name);
            samples += s.count;
            first = Math.min(first, s.firstMs);
            last = Math.max(last, s.lastMs);
        }
    }
    return {
        file,
        format,
        servers: [...names].sort(byCodePoint),
        samples,
        firstTimestamp: samples ? isoUtc(first) : null,
        lastTimestamp: samples ? isoUtc(last) : null,
        notes,
    };
}
/** Summarises every server of `stores`, in name order, and releases the samples as it goes. */
export function summariseStores(stores, findings, opts) {
    return withFindings(summariseNames(stores, serverNames(stores), opts), findings);
}
/**
 * The same result as summariseStores, with the servers after the middle (by samples)
 * summarised by the helper thread meanwhile, reading the same shared slabs.
 */
async function summariseInTwoThreads(stores, findings, opts, helper) {
    const names = serverNames(stores);
    const total = stores.reduce((a, s) => a + s.rows, 0);
    let mine = 0;
    for (let rows = 0; mine < names.length && rows < total / 2; mine++)
        rows += stores.reduce((a, s) => a + (s.servers.get(names[mine])?.count ?? 0), 0);
    const pending = helper.summarise(stores.map((s) => s.share()), names.slice(mine), opts);
    const first = summariseNames(stores, names.slice(0, mine), opts);
    return withFindings([...first, ...(await pending)], findings);
}
function serverNames(stores) {
    return [...new Set(stores.flatMap((s) => [...s.servers.keys()]))].sort(byCodePoint);
}
function withFindings(servers, findings) {
    const all = [...findings];
    for (const usage of servers) {
        if (usage.duplicateTimestamps) {
            all.push({
                severity: 'warning',
                code: 'duplicate-timestamps',
                server: usage.server,
                message: `${usage.duplicateTimestamps} samples repeat an earlier timestamp (overlapping exports?)`,
            });
        }
    }
    return { servers, findings: sortFindings(all) };
}
export function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
