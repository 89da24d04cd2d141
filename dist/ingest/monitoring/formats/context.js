import { METRICS } from "../sample-store.js";
export const MONITORING_FORMATS = [
    'long',
    'wide',
    'perfmon',
    'sadf-d',
    'sadf-j',
    'nmon',
    'bitbrains',
];
/**
 * Combines metric values that arrive separately (sadf tables, nmon sections) into one
 * sample per (server, time), then hands them to the store in time order.
 */
export class SampleMerger {
    byServer = new Map();
    set(server, ms, metric, value, mode = 'set') {
        let series = this.byServer.get(server);
        if (!series)
            this.byServer.set(server, (series = new Map()));
        let row = series.get(ms);
        if (!row)
            series.set(ms, (row = new Float64Array(METRICS).fill(Number.NaN)));
        if (Number.isNaN(value))
            return;
        row[metric] = mode === 'add' && !Number.isNaN(row[metric]) ? row[metric] + value : value;
    }
    /** Makes sure a sample exists even if it has no value (counts as a sample time). */
    touch(server, ms) {
        this.set(server, ms, 0, Number.NaN);
    }
    flush(store) {
        for (const [server, series] of [...this.byServer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const s = store.server(server);
            for (const ms of [...series.keys()].sort((a, b) => a - b))
                s.add(ms, series.get(ms));
        }
        this.byServer.clear();
    }
}
/** Metric index in METRIC_NAMES order. */
export const M = { cpuPct: 0, memoryUsedMb: 1, diskUsedGb: 2, networkMBps: 3, iops: 4 };
/** 1 MB = 2^20 bytes, as memory_mb in the inventory (RVTools and perfmon "MBytes" are binary too). */
export const BYTES_PER_MB = 1_048_576;
export const KB_PER_MB = 1024;
export function describeOffset(minutes) {
    const sign = minutes < 0 ? '-' : '+';
    const a = Math.abs(minutes);
    return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
