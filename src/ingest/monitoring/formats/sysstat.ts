// sysstat exports (samples/sysstat/README.md). `sadf -d`: `;`-separated, one table per
// activity each with its own `# hostname;interval;timestamp;…` header, RESTART/COM rows,
// decimal commas under non-C locales. `sadf -j`: JSON, hosts[].statistics[].
// Metrics: CPU % = 100 − %idle of CPU "all"; memory = kbmemused/1024 (sysstat ≥ 11: excludes
// buffers/cache); disk used = Σ MBfsused/1024; network = Σ (rxkB/s + txkB/s)/1024 of the physical
// interfaces (inputs.skipInterfaces: lo, bridges, taps …); `sadf -dh` lines split by sadf-dh.ts;
// IOPS = tps of the -b table (all devices).
import { InputError } from '../../../domain/errors.ts';
import { constants } from 'node:buffer';
import { readRegularFile } from '../../../domain/load-file.ts';
import { decodeText, readTextFile } from '../../read-text.ts';
import { readSadfDhBytes } from './sadf-dh-bytes.ts';
import { ReadBuffer } from '../../read-buffer.ts';
import { utcMs } from '../../timestamps.ts';
import { KB_PER_MB, M, SampleMerger, describeOffset, type ReadContext } from './context.ts';
import { DhLayout } from './sadf-dh.ts';
import { LineFields } from './line-fields.ts';
import { DhLines, LineSample, applyTable, placeTable, type PlacedTable } from './sadf-d-tables.ts';
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

/**
 * `YYYY-MM-DD HH:MM:SS UTC`, what sadf writes without -t/-T, from the day's epoch milliseconds
 * computed once per day; null for anything else (sadfTime reads it).
 */
class UtcStamps {
  private readonly days = new Map<string, number | null>();

  ms(stamp: string): number | null {
    if (stamp.length !== 23 || !stamp.endsWith(' UTC') || stamp[10] !== ' ') return null;
    const date = stamp.slice(0, 10);
    let day = this.days.get(date);
    if (day === undefined) {
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      day = d ? utcMs(Number(d[1]), Number(d[2]), Number(d[3]), 0, 0, 0) : null;
      this.days.set(date, day);
    }
    if (day === null || stamp[13] !== ':' || stamp[16] !== ':') return null;
    const h = twoDigits(stamp, 11);
    const mi = twoDigits(stamp, 14);
    const s = twoDigits(stamp, 17);
    // Hour 24 and leap seconds are left to utcMs.
    return h < 24 && mi < 60 && s < 60 ? day + ((h * 60 + mi) * 60 + s) * 1000 : null;
  }
}

/** The two digits at i as a number, or 99 when they are not two digits. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : 99;
}

const isBlank = (line: string): boolean => {
  const c = line.charCodeAt(0);
  return line.length === 0 || ((c <= 32 || c >= 0x80) && line.trim() === '');
};

/** Whether a field after the timestamp is written with a decimal comma (`2,15`). */
function hasDecimalComma(fields: LineFields): boolean {
  for (let i = 3; i < fields.count; i++) if (/^-?\d+,\d+$/.test(fields.get(i)!)) return true;
  return false;
}

/** What sadf exports are read into, one after the other. */
const SCRATCH = new ReadBuffer();

export async function readSadfD(ctx: ReadContext): Promise<void> {
  const bytes = await readRegularFile(ctx.file, constants.MAX_LENGTH, (size) => SCRATCH.take(size));
  const skip = cachedFilter(interfaceFilter(ctx.opts.skipInterfaces ?? DEFAULT_SKIP_INTERFACES));
  let text: string;
  try {
    if (!ctx.opts.encoding && readSadfDhBytes(bytes, ctx, skip)) return;
    text = decodeText(bytes, ctx.file, ctx.opts.encoding).text;
  } finally {
    SCRATCH.release(bytes);
  }
  const merger = new SampleMerger();
  const sample = new LineSample(merger);
  let header: string[] | null = null;
  let whole: PlacedTable | null = null;
  let dh: DhLines | null = null;
  let restarts = 0;
  let decimalComma = false;
  const fields = new LineFields(';');
  const stamps = new UtcStamps();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // As split(/\r?\n/).
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const row = i + 1;
    if (isBlank(line)) continue;
    if (line.startsWith('#')) {
      header = line.replace(/^#\s*/, '').split(';');
      const layout = DhLayout.of(header);
      dh = layout && new DhLines(layout);
      whole = placeTable(header, 0, true);
      if (header[0] !== 'hostname' || header[2] !== 'timestamp')
        throw new InputError('sadf -d: header should start with "# hostname;interval;timestamp"', {
          file: ctx.file,
          row,
          column: 1,
        });
      continue;
    }
    if (!header)
      throw new InputError('sadf -d: data before the first "# hostname;interval;timestamp;…" header', {
        file: ctx.file,
        row,
      });
    fields.reset(line);
    const host = fields.get(0)!;
    const stamp = fields.get(2) ?? '';
    if (fields.get(1) === '-1') {
      if (/RESTART/.test(fields.get(3) ?? '')) restarts++;
      continue; // LINUX-RESTART and COM records carry no measurement
    }
    if (!decimalComma && line.includes(',') && hasDecimalComma(fields)) decimalComma = true;
    let ms = stamps.ms(stamp);
    if (ms === null) {
      const [date, time, tz] = stamp.trim().split(/\s+/);
      ms = /^\d+$/.test(stamp)
        ? Number(stamp) * 1000
        : sadfTime(date ?? '', time ?? '', tz, ctx, { row, column: 'timestamp' });
    }
    sample.start(host, ms);
    if (dh) dh.apply(fields, sample, ctx, row, skip);
    else applyTable(whole!, fields, sample, ctx, row, skip);
  }
  if (dh) ctx.notes.push("sadf -dh: all activities on one line, split by the header's [...] groups");
  if (restarts) ctx.notes.push(`${restarts} restart record(s) skipped`);
  if (decimalComma) ctx.notes.push('decimal commas read as decimal points');
  merger.flush(ctx.store);
}

/** An interface filter that tests each name once. */
function cachedFilter(skip: (iface: string) => boolean): (iface: string) => boolean {
  const seen = new Map<string, boolean>();
  return (iface) => {
    let v = seen.get(iface);
    if (v === undefined) {
      v = skip(iface);
      seen.set(iface, v);
    }
    return v;
  };
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
