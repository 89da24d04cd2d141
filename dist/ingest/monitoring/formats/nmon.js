// nmon captures (samples/nmon/README.md): one line per section value, `TAG,Tnnnn,…` joined
// to `ZZZZ,Tnnnn,HH:MM:SS,DD-MON-YYYY` (local time, no zone; the file may be sorted so
// ZZZZ can come after its data). Parsed line by line, never as one CSV: BBBP lines hold
// unbalanced quotes. Metrics: CPU % = User% + Sys% of CPU_ALL; memory (Linux) =
// memtotal − memfree − cached − buffers (MB); network = Σ read+write KB/s of NET without
// `lo` / 1024; IOPS = Σ DISKXFER of whole disks (partitions, dm-, md devices would double count).
import { InputError } from "../../../domain/errors.js";
import { readTextFile } from "../../read-text.js";
import { utcMs } from "../../timestamps.js";
import { KB_PER_MB, M, SampleMerger, describeOffset } from "./context.js";
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WHOLE_DISK = /^(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+|hdisk\d+)$/;
export async function readNmon(ctx) {
    const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
    const headers = new Map();
    const times = new Map();
    const data = [];
    let host;
    text.split(/\r?\n/).forEach((line, i) => {
        const row = i + 1;
        const cells = line.split(',');
        const tag = cells[0] ?? '';
        if (tag === 'AAA') {
            if (cells[1] === 'host')
                host = cells[2];
            return;
        }
        if (tag === 'ZZZZ') {
            times.set(cells[1] ?? '', nmonTime(cells[2] ?? '', cells[3] ?? '', ctx, row));
            return;
        }
        if (!['CPU_ALL', 'MEM', 'NET', 'DISKXFER'].includes(tag))
            return; // BBBP, per-CPU, … not needed
        if (/^T\d+$/.test(cells[1] ?? ''))
            data.push({ tag, snap: cells[1], cells, row });
        else
            headers.set(tag, cells);
    });
    if (!host)
        throw new InputError('nmon: missing the "AAA,host,<name>" line', { file: ctx.file, row: 1 });
    const offset = ctx.opts.utcOffsetMinutes;
    if (offset === undefined)
        ctx.findings.push({
            severity: 'warning',
            code: 'timezone-unknown',
            file: ctx.file,
            message: 'nmon timestamps are local time without a zone; read as UTC (set the offset to correct)',
        });
    else
        ctx.notes.push(`timestamps local ${describeOffset(offset)} (override) → UTC`);
    const merger = new SampleMerger();
    for (const d of data) {
        const local = times.get(d.snap);
        if (local === undefined)
            throw new InputError(`nmon: snapshot ${d.snap} has no ZZZZ timestamp line`, { file: ctx.file, row: d.row });
        const ms = local - (offset ?? 0) * 60_000;
        const header = headers.get(d.tag);
        if (!header)
            throw new InputError(`nmon: ${d.tag} data before its header line`, { file: ctx.file, row: d.row });
        nmonValues(d.tag, header, d.cells, (metric, v, mode) => merger.set(host, ms, metric, v, mode), ctx, d.row);
    }
    ctx.notes.push('disk used not in nmon (JFSFILE has % only)');
    merger.flush(ctx.store);
}
function nmonTime(time, date, ctx, row) {
    const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
    const d = /^(\d{2})-([A-Z]{3})-(\d{4})$/.exec(date.toUpperCase());
    const month = d ? MONTHS.indexOf(d[2]) + 1 : 0;
    const ms = t && d && month > 0 ? utcMs(Number(d[3]), month, Number(d[1]), Number(t[1]), Number(t[2]), Number(t[3])) : null;
    if (ms === null)
        throw new InputError(`nmon: expected ZZZZ,Tnnnn,HH:MM:SS,DD-MON-YYYY, got ${JSON.stringify(`${time},${date}`)}`, {
            file: ctx.file,
            row,
        });
    return ms;
}
function nmonValues(tag, header, cells, emit, ctx, row) {
    // Header: TAG,description,col…; data: TAG,Tnnnn,value… — same positions from index 2.
    const value = (i) => {
        const s = (cells[i] ?? '').trim();
        if (s === '' || /nan/i.test(s))
            return Number.NaN;
        const v = Number(s);
        if (!Number.isFinite(v))
            throw new InputError(`nmon: expected a number, got ${JSON.stringify(s)}`, {
                file: ctx.file,
                row,
                column: header[i] ?? i + 1,
            });
        return v < 0 ? Number.NaN : v; // -0.0 / -1.0 mean "not available"
    };
    const col = (name) => header.indexOf(name);
    if (tag === 'CPU_ALL')
        emit(M.cpuPct, value(col('User%')) + value(col('Sys%')));
    else if (tag === 'MEM' && col('memtotal') > 0) {
        const used = value(col('memtotal')) - value(col('memfree')) - value(col('cached')) - value(col('buffers'));
        emit(M.memoryUsedMb, used);
    }
    else if (tag === 'NET') {
        for (let i = 2; i < header.length; i++)
            if (/-(read|write)-KB\/s$/.test(header[i]) && !header[i].startsWith('lo-'))
                emit(M.networkMBps, value(i) / KB_PER_MB, 'add');
    }
    else if (tag === 'DISKXFER') {
        for (let i = 2; i < header.length; i++)
            if (WHOLE_DISK.test(header[i].trim()))
                emit(M.iops, value(i), 'add');
    }
}
