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
import { utcMs } from '../../timestamps.ts';
import { KB_PER_MB, M, SampleMerger, describeOffset, type ReadContext } from './context.ts';
import { DEFAULT_SKIP_INTERFACES, interfaceFilter } from '../../../domain/input-units.ts';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WHOLE_DISK = /^(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+|hdisk\d+)$/;

export async function readNmon(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
  const headers = new Map<string, string[]>();
  const times = new Map<string, number>();
  const data: { tag: string; snap: string; cells: string[]; row: number }[] = [];
  let host: string | undefined;
  const aaa = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((line, i) => {
    const row = i + 1;
    const cells = line.split(',');
    const tag = cells[0] ?? '';
    if (tag === 'AAA') {
      if (cells[1] === 'host') host = cells[2];
      aaa.set(cells[1] ?? '', cells.slice(2));
      return;
    }
    if (tag === 'ZZZZ') {
      times.set(cells[1] ?? '', nmonTime(cells[2] ?? '', cells[3] ?? '', ctx, row));
      return;
    }
    if (!['CPU_ALL', 'MEM', 'MEMNEW', 'NET', 'DISKXFER'].includes(tag)) return; // BBBP, per-CPU, … not needed
    if (/^T\d+$/.test(cells[1] ?? '')) data.push({ tag, snap: cells[1]!, cells, row });
    else headers.set(tag, cells);
  });
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
  for (const d of data) {
    const local = times.get(d.snap);
    if (local === undefined)
      throw new InputError(`nmon: snapshot ${d.snap} has no ZZZZ timestamp line`, { file: ctx.file, row: d.row });
    const ms = local - (offset ?? 0) * 60_000;
    const header = headers.get(d.tag);
    if (!header) throw new InputError(`nmon: ${d.tag} data before its header line`, { file: ctx.file, row: d.row });
    const emit: Emit = (metric, v, mode) => merger.set(host!, ms, metric, v, mode);
    nmonValues(d.tag, header, d.cells, emit, ctx, d.row, state, d.snap);
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

function nmonValues(
  tag: string,
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
  const col = (name: string) => header.indexOf(name);
  if (tag === 'CPU_ALL') emit(M.cpuPct, value(col('User%')) + value(col('Sys%')));
  else if (tag === 'MEM' && col('memtotal') > 0) {
    const total = value(col('memtotal'));
    if (Number.isFinite(total)) state.installedMb ??= total;
    const used = total - value(col('memfree')) - value(col('cached')) - value(col('buffers'));
    emit(M.memoryUsedMb, used);
  } else if (tag === 'MEM' && col('Real total(MB)') > 0) {
    const total = value(col('Real total(MB)'));
    if (Number.isFinite(total)) {
      state.installedMb ??= total;
      state.realTotalMb.set(snap, total);
      // Used until MEMNEW says how much of it is file cache.
      emit(M.memoryUsedMb, total - value(col('Real free(MB)')));
    }
  } else if (tag === 'MEMNEW' && col('Process%') > 0) {
    state.memNew.set(snap, value(col('Process%')) + value(col('System%')));
  } else if (tag === 'NET') {
    for (let i = 2; i < header.length; i++) {
      const m = /^(.+)-(read|write)-KB\/s$/.exec(header[i]!);
      if (!m) continue;
      if (state.skip(m[1]!)) state.skipped.add(m[1]!);
      else emit(M.networkMBps, value(i) / KB_PER_MB, 'add');
    }
  } else if (tag === 'DISKXFER') {
    for (let i = 2; i < header.length; i++) if (WHOLE_DISK.test(header[i]!.trim())) emit(M.iops, value(i), 'add');
  }
}
