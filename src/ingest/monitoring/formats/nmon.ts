// nmon captures (samples/nmon/README.md): one line per section value, `TAG,Tnnnn,…` joined
// to `ZZZZ,Tnnnn,HH:MM:SS,DD-MON-YYYY` (local time, no zone; the file may be sorted so
// ZZZZ can come after its data). Parsed line by line, never as one CSV: BBBP lines hold
// unbalanced quotes. Metrics: CPU % = User% + Sys% of CPU_ALL; memory (Linux) =
// memtotal − memfree − cached − buffers (MB); memory (AIX topas_nmon) = (Process% + System%) of
// MEMNEW × Real total(MB) of MEM — computational memory, the file cache is reclaimable — else
// Real total − Real free; network = Σ read+write KB/s of the physical interfaces of NET / 1024
// (inputs.skipInterfaces leaves out lo, bridges, bonds, taps, veths); IOPS = Σ DISKXFER of whole
// disks (partitions, dm-, md devices would double count). AAA host/cpus/OS and the installed
// memory are the server's inventory (ingest/monitoring-inventory.ts).
import { InputError } from '../../../domain/errors.ts';
import { readTextFile } from '../../read-text.ts';
import { ReadBuffer } from '../../read-buffer.ts';
import { utcMs } from '../../timestamps.ts';
import { KB_PER_MB, M, SampleMerger, describeOffset, type ReadContext } from './context.ts';
import { DEFAULT_SKIP_INTERFACES, interfaceFilter } from '../../../domain/input-units.ts';

/** The sections read; BBBP, per-CPU, VM, PROC … are not needed. */
const NEEDED = new Set(['CPU_ALL', 'MEM', 'MEMNEW', 'NET', 'DISKXFER']);
/** First characters of AAA, ZZZZ and the sections read (C, M, N, D). */
const TAG_START = new Set([...'AZCMND'].map((c) => c.charCodeAt(0)));
/** What nmon captures are read into, one after the other. */
const SCRATCH = new ReadBuffer();
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WHOLE_DISK = /^(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+|hdisk\d+)$/;

export async function readNmon(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding, SCRATCH);
  const headers = new Map<string, string[]>();
  const times = new Map<string, number>();
  // Data lines kept whole until every ZZZZ line is known, split then (fewer objects held).
  const data: { tag: string; line: string; row: number }[] = [];
  let host: string | undefined;
  const aaa = new Map<string, string[]>();
  for (let at = 0, row = 1; at <= text.length; row++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const start = at;
    at = end + 1;
    // The tag first: most lines (per-CPU, VM, PROC, BBBP …) are not needed and never become strings.
    const comma = text.indexOf(',', start);
    const tagEnd = comma < 0 || comma > end ? end : comma;
    if (tagEnd - start > 9 || !TAG_START.has(text.charCodeAt(start))) continue;
    // As split(/\r?\n/): a CR before the LF is not part of the line.
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    const tag = line.slice(0, tagEnd - start);
    if (tag === 'AAA') {
      const cells = line.split(',');
      if (cells[1] === 'host') host = cells[2];
      aaa.set(cells[1] ?? '', cells.slice(2));
    } else if (tag === 'ZZZZ') {
      const cells = line.split(',');
      times.set(cells[1] ?? '', nmonTime(cells[2] ?? '', cells[3] ?? '', ctx, row));
    } else if (NEEDED.has(tag)) {
      if (/^T\d+,/.test(line.slice(tag.length + 1)) || /^T\d+$/.test(line.slice(tag.length + 1)))
        data.push({ tag, line, row });
      else headers.set(tag, line.split(','));
    }
  }
  if (!host) throw new InputError('nmon: missing the "AAA,host,<name>" line', { file: ctx.file, row: 1 });
  const offset = ctx.opts.utcOffsetMinutes;
  if (offset === undefined)
    ctx.findings.push({
      severity: 'warning',
      code: 'timezone-unknown',
      file: ctx.file,
      message: 'nmon timestamps are local time without a zone; read as UTC (set the offset to correct)',
      params: { format: 'nmon' },
    });
  else ctx.notes.push(`timestamps local ${describeOffset(offset)} (override) → UTC`);
  const merger = new SampleMerger();
  const skip = interfaceFilter(ctx.opts.skipInterfaces ?? DEFAULT_SKIP_INTERFACES);
  const state: NmonState = { skip, skipped: new Set(), realTotalMb: new Map(), memNew: new Map(), installedMb: null };
  const plans = new Map<string, SectionPlan>();
  for (const d of data) {
    const cells = d.line.split(',');
    const snap = cells[1]!;
    const local = times.get(snap);
    if (local === undefined)
      throw new InputError(`nmon: snapshot ${snap} has no ZZZZ timestamp line`, { file: ctx.file, row: d.row });
    const ms = local - (offset ?? 0) * 60_000;
    const header = headers.get(d.tag);
    if (!header) throw new InputError(`nmon: ${d.tag} data before its header line`, { file: ctx.file, row: d.row });
    let plan = plans.get(d.tag);
    if (!plan) {
      plan = sectionPlan(d.tag, header, skip);
      plans.set(d.tag, plan);
    }
    const emit: Emit = (metric, v, mode) => merger.set(host!, ms, metric, v, mode);
    nmonValues(plan, header, cells, emit, ctx, d.row, state, snap);
  }
  // AIX: computational memory = (Process% + System%) × Real total, per snapshot.
  for (const [snap, pctUsed] of state.memNew) {
    const total = state.realTotalMb.get(snap);
    const local = times.get(snap);
    if (total !== undefined && local !== undefined)
      merger.set(host, local - (offset ?? 0) * 60_000, M.memoryUsedMb, (pctUsed / 100) * total);
  }
  if (state.memNew.size) ctx.notes.push('AIX memory: (Process% + System%) of MEMNEW × Real total(MB) of MEM');
  if (state.skipped.size)
    ctx.notes.push(`network: interfaces left out (not physical): ${[...state.skipped].sort().join(', ')}`);
  ctx.notes.push('disk used not in nmon (JFSFILE has % only)');
  ctx.inventory.push(nmonInventory(host, ctx.file, aaa, state.installedMb));
  merger.flush(ctx.store);
}

interface NmonState {
  skip: (iface: string) => boolean;
  skipped: Set<string>;
  /** AIX MEM Real total(MB) and MEMNEW Process% + System%, per snapshot. */
  realTotalMb: Map<string, number>;
  memNew: Map<string, number>;
  installedMb: number | null;
}

/** AAA,cpus,<n>[,<online>]; AAA,OS,Linux,<release>,…,x86_64 or AAA,AIX,<version>; memory from MEM. */
function nmonInventory(host: string, file: string, aaa: Map<string, string[]>, installedMb: number | null) {
  const cpus = Number(aaa.get('cpus')?.[0]);
  const os = aaa.get('OS');
  const aix = aaa.get('AIX');
  const osText = os ? `${os[0] ?? ''} ${os[1] ?? ''}`.trim() : aix ? `AIX ${aix[0] ?? ''}`.trim() : null;
  const arch = (os ?? []).join(' ');
  const osBits: 32 | 64 | null = /x86_64|aarch64|ppc64|s390x/.test(arch)
    ? 64
    : /i[3-6]86/.test(arch)
      ? 32
      : aix
        ? 64
        : null;
  return {
    server: host,
    file,
    from: 'nmon AAA/MEM',
    kind: 'physical' as const,
    cores: Number.isFinite(cpus) && cpus > 0 ? cpus : null,
    cpuGhz: null,
    memoryMb: installedMb,
    os: osText,
    osBits,
  };
}

function nmonTime(time: string, date: string, ctx: ReadContext, row: number): number {
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
  const d = /^(\d{2})-([A-Z]{3})-(\d{4})$/.exec(date.toUpperCase());
  const month = d ? MONTHS.indexOf(d[2]!) + 1 : 0;
  const ms =
    t && d && month > 0 ? utcMs(Number(d[3]), month, Number(d[1]), Number(t[1]), Number(t[2]), Number(t[3])) : null;
  if (ms === null)
    throw new InputError(`nmon: expected ZZZZ,Tnnnn,HH:MM:SS,DD-MON-YYYY, got ${JSON.stringify(`${time},${date}`)}`, {
      file: ctx.file,
      row,
    });
  return ms;
}

type Emit = (metric: number, value: number, mode?: 'set' | 'add') => void;

/** Which columns of a section's header give what, decided once per section. */
type SectionPlan =
  | { kind: 'cpu'; user: number; sys: number }
  | { kind: 'linux-mem'; total: number; free: number; cached: number; buffers: number }
  | { kind: 'aix-mem'; total: number; free: number }
  | { kind: 'aix-memnew'; process: number; system: number }
  | { kind: 'net'; nics: number[]; skipped: string[] }
  | { kind: 'disks'; whole: number[] }
  | { kind: 'none' };

function sectionPlan(tag: string, header: string[], skip: (iface: string) => boolean): SectionPlan {
  const col = (name: string) => header.indexOf(name);
  if (tag === 'CPU_ALL') return { kind: 'cpu', user: col('User%'), sys: col('Sys%') };
  if (tag === 'MEM' && col('memtotal') > 0)
    return {
      kind: 'linux-mem',
      total: col('memtotal'),
      free: col('memfree'),
      cached: col('cached'),
      buffers: col('buffers'),
    };
  if (tag === 'MEM' && col('Real total(MB)') > 0)
    return { kind: 'aix-mem', total: col('Real total(MB)'), free: col('Real free(MB)') };
  if (tag === 'MEMNEW' && col('Process%') > 0)
    return { kind: 'aix-memnew', process: col('Process%'), system: col('System%') };
  if (tag === 'NET') {
    const nics: number[] = [];
    const skipped: string[] = [];
    for (let i = 2; i < header.length; i++) {
      const m = /^(.+)-(read|write)-KB\/s$/.exec(header[i]!);
      if (!m) continue;
      if (skip(m[1]!)) skipped.push(m[1]!);
      else nics.push(i);
    }
    return { kind: 'net', nics, skipped };
  }
  if (tag === 'DISKXFER') {
    const whole: number[] = [];
    for (let i = 2; i < header.length; i++) if (WHOLE_DISK.test(header[i]!.trim())) whole.push(i);
    return { kind: 'disks', whole };
  }
  return { kind: 'none' };
}

function nmonValues(
  plan: SectionPlan,
  header: string[],
  cells: string[],
  emit: Emit,
  ctx: ReadContext,
  row: number,
  state: NmonState,
  snap: string,
): void {
  // Header: TAG,description,col…; data: TAG,Tnnnn,value… — same positions from index 2.
  const value = (i: number): number => {
    const s = (cells[i] ?? '').trim();
    if (s === '' || /nan/i.test(s)) return Number.NaN;
    const v = Number(s);
    if (!Number.isFinite(v))
      throw new InputError(`nmon: expected a number, got ${JSON.stringify(s)}`, {
        file: ctx.file,
        row,
        column: header[i] ?? i + 1,
      });
    return v < 0 ? Number.NaN : v; // -0.0 / -1.0 mean "not available"
  };
  switch (plan.kind) {
    case 'cpu':
      emit(M.cpuPct, value(plan.user) + value(plan.sys));
      return;
    case 'linux-mem': {
      const total = value(plan.total);
      if (Number.isFinite(total)) state.installedMb ??= total;
      emit(M.memoryUsedMb, total - value(plan.free) - value(plan.cached) - value(plan.buffers));
      return;
    }
    case 'aix-mem': {
      const total = value(plan.total);
      if (Number.isFinite(total)) {
        state.installedMb ??= total;
        state.realTotalMb.set(snap, total);
        // Used until MEMNEW says how much of it is file cache.
        emit(M.memoryUsedMb, total - value(plan.free));
      }
      return;
    }
    case 'aix-memnew':
      state.memNew.set(snap, value(plan.process) + value(plan.system));
      return;
    case 'net':
      // In header order, as the interfaces come: the sum is added up in the same order.
      for (const name of plan.skipped) state.skipped.add(name);
      for (const i of plan.nics) emit(M.networkMBps, value(i) / KB_PER_MB, 'add');
      return;
    case 'disks':
      for (const i of plan.whole) emit(M.iops, value(i), 'add');
  }
}
