// sysstat exports (samples/sysstat/README.md). `sadf -d`: `;`-separated, one table per
// activity each with its own `# hostname;interval;timestamp;…` header, RESTART/COM rows,
// decimal commas under non-C locales. `sadf -j`: JSON, hosts[].statistics[].
// Metrics: CPU % = 100 − %idle of CPU "all"; memory = kbmemused/1024 (sysstat ≥ 11: excludes
// buffers/cache); disk used = Σ MBfsused/1024; network = Σ (rxkB/s + txkB/s)/1024 of the physical
// interfaces (inputs.skipInterfaces: lo, bridges, taps …); `sadf -dh` lines split by sadf-dh.ts;
// IOPS = tps of the -b table (all devices).
import { InputError } from '../../../domain/errors.ts';
import { readTextFile } from '../../read-text.ts';
import { utcMs } from '../../timestamps.ts';
import { KB_PER_MB, M, SampleMerger, describeOffset, type ReadContext } from './context.ts';
import { dhSegments, splitDhLine } from './sadf-dh.ts';
import { DEFAULT_SKIP_INTERFACES, interfaceFilter } from '../../../domain/input-units.ts';

/** TZ abbreviations sadf prints (-T/-t); only unambiguous ones. Others need the override. */
const TZ_ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
};

function sadfTime(
  date: string,
  time: string,
  tz: string | undefined,
  ctx: ReadContext,
  where: { row?: number; column: string | number },
): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
  const local =
    d && t ? utcMs(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3])) : null;
  if (local === null)
    throw new InputError(
      `sadf: expected a timestamp YYYY-MM-DD HH:MM:SS [TZ], got ${JSON.stringify(`${date} ${time}`)}`,
      { file: ctx.file, ...where },
    );
  const zone = (tz ?? '').toUpperCase();
  let offset = TZ_ABBREVIATIONS[zone];
  if (offset === undefined) {
    offset = ctx.opts.utcOffsetMinutes ?? 0;
    if (!ctx.findings.some((f) => f.code === 'timezone-unknown')) {
      ctx.findings.push({
        severity: 'warning',
        code: 'timezone-unknown',
        file: ctx.file,
        ...(where.row !== undefined ? { row: where.row } : {}),
        message:
          `time zone "${tz ?? ''}" is ambiguous or missing; read as ${describeOffset(offset)} (export with ` +
          `sadf -d without -t/-T for UTC)`,
        params: { format: 'sysstat', zone: tz ?? '', offset: describeOffset(offset) },
      });
    }
  }
  return local - offset * 60_000;
}

/** `2,15` (decimal comma of a non-C LC_NUMERIC) → 2.15. */
function sadfNumber(cell: string, ctx: ReadContext, row: number, column: string): number {
  const s = cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  const v = Number(s);
  if (s === '' || !Number.isFinite(v))
    throw new InputError(`sadf: expected a number, got ${JSON.stringify(cell)}`, { file: ctx.file, row, column });
  return v;
}

export async function readSadfD(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
  const merger = new SampleMerger();
  let header: string[] | null = null;
  let segments: ReturnType<typeof dhSegments> = null;
  let restarts = 0;
  const skip = interfaceFilter(ctx.opts.skipInterfaces ?? DEFAULT_SKIP_INTERFACES);
  let decimalComma = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const row = i + 1;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      header = line.replace(/^#\s*/, '').split(';');
      segments = dhSegments(header);
      if (header[0] !== 'hostname' || header[2] !== 'timestamp')
        throw new InputError('sadf -d: header should start with "# hostname;interval;timestamp"', {
          file: ctx.file,
          row,
          column: 1,
        });
      return;
    }
    if (!header)
      throw new InputError('sadf -d: data before the first "# hostname;interval;timestamp;…" header', {
        file: ctx.file,
        row,
      });
    const cells = line.split(';');
    const [host, interval, stamp] = cells;
    if (interval === '-1') {
      if (/RESTART/.test(cells[3] ?? '')) restarts++;
      return; // LINUX-RESTART and COM records carry no measurement
    }
    if (!decimalComma && cells.slice(3).some((c) => /^-?\d+,\d+$/.test(c))) decimalComma = true;
    const [date, time, tz] = (stamp ?? '').trim().split(/\s+/);
    const ms = /^\d+$/.test(stamp ?? '')
      ? Number(stamp) * 1000
      : sadfTime(date ?? '', time ?? '', tz, ctx, { row, column: 'timestamp' });
    if (segments)
      for (const t of splitDhLine(segments, cells, { file: ctx.file, row }))
        sadfDRow(t.header, t.cells, host!, ms, merger, ctx, row, skip);
    else sadfDRow(header, cells, host!, ms, merger, ctx, row, skip);
  });
  if (segments) ctx.notes.push("sadf -dh: all activities on one line, split by the header's [...] groups");
  if (restarts) ctx.notes.push(`${restarts} restart record(s) skipped`);
  if (decimalComma) ctx.notes.push('decimal commas read as decimal points');
  merger.flush(ctx.store);
}

function sadfDRow(
  header: string[],
  cells: string[],
  host: string,
  ms: number,
  merger: SampleMerger,
  ctx: ReadContext,
  row: number,
  skip: (iface: string) => boolean,
): void {
  const col = (name: string) => header.indexOf(name);
  const num = (name: string) => {
    // Only tables capplan reads must match their header (INTR;CPU* tables have variable width).
    if (cells.length !== header.length)
      throw new InputError(`sadf -d: expected ${header.length} fields like the table's header, got ${cells.length}`, {
        file: ctx.file,
        row,
      });
    return sadfNumber(cells[col(name)] ?? '', ctx, row, name);
  };
  const key = header[3];
  if (key === 'CPU' && col('%idle') > 0) {
    if (cells[3] === '-1' || cells[3] === 'all') merger.set(host, ms, M.cpuPct, 100 - num('%idle'));
  } else if (col('kbmemused') > 0) {
    merger.set(host, ms, M.memoryUsedMb, num('kbmemused') / KB_PER_MB);
    // -dh without groups: the I/O table's tps can share the line.
    if (col('tps') > 0 && col('rtps') === col('tps') + 1) merger.set(host, ms, M.iops, num('tps'));
  } else if (key === 'FILESYSTEM' && col('MBfsused') > 0)
    merger.set(host, ms, M.diskUsedGb, num('MBfsused') / 1024, 'add');
  else if (key === 'IFACE' && col('rxkB/s') > 0) {
    if (!skip(cells[3] ?? '')) merger.set(host, ms, M.networkMBps, (num('rxkB/s') + num('txkB/s')) / KB_PER_MB, 'add');
  } else if (key === 'tps' || (col('tps') >= 3 && col('rtps') === col('tps') + 1))
    merger.set(host, ms, M.iops, num('tps'));
  else merger.touch(host, ms);
}

interface SadfJson {
  sysstat?: { hosts?: { nodename?: string; timezone?: string; statistics?: SadfStat[]; restarts?: unknown[] }[] };
}
interface SadfStat {
  timestamp?: { date?: string; time?: string; tz?: string };
  'cpu-load'?: { cpu?: string; idle?: number }[];
  memory?: { memused?: number };
  io?: { tps?: number };
  network?: { 'net-dev'?: { iface?: string; rxkB?: number; txkB?: number }[] };
  filesystems?: { MBfsused?: number }[];
}

export async function readSadfJ(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
  let doc: SadfJson;
  try {
    doc = JSON.parse(text) as SadfJson;
  } catch (err) {
    const pos = /position (\d+)/.exec(String(err))?.[1];
    const row = pos !== undefined ? text.slice(0, Number(pos)).split('\n').length : undefined;
    throw new InputError(`sadf -j: not valid JSON (${(err as Error).message})`, {
      file: ctx.file,
      ...(row ? { row } : {}),
    });
  }
  const hosts = doc.sysstat?.hosts;
  if (!Array.isArray(hosts))
    throw new InputError('sadf -j: expected {"sysstat": {"hosts": [...]}}', { file: ctx.file, row: 1 });
  const merger = new SampleMerger();
  const skip = interfaceFilter(ctx.opts.skipInterfaces ?? DEFAULT_SKIP_INTERFACES);
  hosts.forEach((h, hi) => {
    const host = h.nodename ?? `host${hi + 1}`;
    (h.statistics ?? []).forEach((s, si) => {
      const ts = s.timestamp ?? {};
      const ms = sadfTime(ts.date ?? '', ts.time ?? '', ts.tz, ctx, {
        column: `hosts[${hi}].statistics[${si}].timestamp`,
      });
      merger.touch(host, ms);
      const all = s['cpu-load']?.find((c) => c.cpu === 'all' || c.cpu === '-1');
      if (typeof all?.idle === 'number') merger.set(host, ms, M.cpuPct, 100 - all.idle);
      if (typeof s.memory?.memused === 'number') merger.set(host, ms, M.memoryUsedMb, s.memory.memused / KB_PER_MB);
      if (typeof s.io?.tps === 'number') merger.set(host, ms, M.iops, s.io.tps);
      for (const n of s.network?.['net-dev'] ?? [])
        if (!skip(n.iface ?? ''))
          merger.set(host, ms, M.networkMBps, ((n.rxkB ?? 0) + (n.txkB ?? 0)) / KB_PER_MB, 'add');
      for (const f of s.filesystems ?? [])
        if (typeof f.MBfsused === 'number') merger.set(host, ms, M.diskUsedGb, f.MBfsused / 1024, 'add');
    });
    if (h.restarts?.length) ctx.notes.push(`${host}: ${h.restarts.length} restart(s)`);
  });
  merger.flush(ctx.store);
}
