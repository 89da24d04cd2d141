// Per-VM trace files such as Bitbrains GWA-T-12 (samples/vm_traces/README.md): `;` + TAB
// separated, one file per VM (file name = VM id). `Timestamp [ms]` holds epoch *seconds*
// (1376314846 = 2013-08-12): values below 10^11 are read as seconds, others as ms.
// CPU % as is, above 100 included: it is `CPU usage [MHZ]` over `CPU capacity provisioned [MHZ]`
// of the same row (checked on the traces), so a VM that ran above its provisioned MHz (turbo:
// VM 41 of the Rnd set at up to 106.36 %) keeps its measured MHz, and cores × clock × CPU % gives the
// trace's MHz back exactly (method §3.7); memory KB/1024 (an exact 0.0 is a collector glitch: missing, not idle);
// network (received + transmitted KB/s)/1024; no IOPS and no disk space in these traces.
// The rows are parsed from the file's bytes (no string per line or cell, bitbrains-bytes.ts);
// anything the byte parser does not take (an encoding override, a BOM, a bad value) is read
// again from the decoded text, which locates the error.
import path from 'node:path';
import { ReadBuffer, readFileInto } from '../../read-buffer.ts';
import { InputError } from '../../../domain/errors.ts';
import { decodeText } from '../../read-text.ts';
import { METRICS, SampleStore } from '../sample-store.ts';
import { KB_PER_MB, M, type ReadContext } from './context.ts';
import { parseTraceBytes } from './bitbrains-bytes.ts';

export function isBitbrainsHeader(line: string): boolean {
  return /^Timestamp \[ms\];/.test(line);
}

/** Columns read, in this order: the five metrics, then the VM's size. */
const COLUMNS = [
  'Timestamp [ms]',
  'CPU usage [%]',
  'Memory usage [KB]',
  'Network received throughput [KB/s]',
  'Network transmitted throughput [KB/s]',
] as const;
const SIZE_COLUMNS = ['CPU cores', 'CPU capacity provisioned [MHZ]', 'Memory capacity provisioned [KB]'] as const;
/** Read when present: the CPU demand in MHz behind the percentage (method §3.7). */
const MHZ_COLUMN = 'CPU usage [MHZ]';

/** One trace being read: where each column is and what has been seen. */
class TraceState {
  readonly values = new Float64Array(METRICS);
  zeros = 0;
  unit: 's' | 'ms' | undefined;
  provisioned: { cores: number; mhz: number; kb: number } | undefined;
  /** Column index of COLUMNS, SIZE_COLUMNS, then MHZ_COLUMN (-1: absent size or MHz column). */
  readonly cols: number[];

  constructor(
    readonly ctx: ReadContext,
    readonly header: string[],
    readonly samples: ReturnType<ReadContext['store']['server']>,
  ) {
    this.cols = [
      ...COLUMNS.map((name) => {
        const i = header.indexOf(name);
        if (i < 0) throw new InputError(`VM trace: missing column "${name}"`, { file: ctx.file, row: 1 });
        return i;
      }),
      ...SIZE_COLUMNS.map((name) => header.indexOf(name)),
      header.indexOf(MHZ_COLUMN),
    ];
  }

  /** One row; `cell(k)` is the number in column cols[k] (k < 5 always present). */
  add(cell: (k: number) => number): void {
    const values = this.values;
    const t = cell(0);
    this.unit ??= t < 1e11 ? 's' : 'ms';
    values.fill(Number.NaN);
    values[M.cpuPct] = cell(1);
    const memKb = cell(2);
    if (memKb === 0) this.zeros++;
    values[M.memoryUsedMb] = memKb === 0 ? Number.NaN : memKb / KB_PER_MB;
    values[M.networkMBps] = (cell(3) + cell(4)) / KB_PER_MB;
    if (this.cols[8]! >= 0) values[M.cpuMhz] = cell(8);
    this.samples.add(this.unit === 's' ? t * 1000 : t, values);
    // The VM's size, from its first sample that states one (capacity jitters in the 4th decimal:
    // not a resize; a VM not yet running records 0 cores).
    if (!this.provisioned && this.cols[5]! >= 0 && cell(5) > 0)
      this.provisioned = {
        cores: cell(5),
        mhz: this.cols[6]! >= 0 ? cell(6) : Number.NaN,
        kb: this.cols[7]! >= 0 ? cell(7) : Number.NaN,
      };
  }
}

export async function readBitbrains(ctx: ReadContext): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFileInto(ctx.file, SCRATCH);
  } catch (err) {
    throw new InputError(`cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file: ctx.file });
  }
  try {
    readTrace(ctx, bytes);
  } finally {
    SCRATCH.release(bytes);
  }
}

/** What trace files are read into, one after the other. */
const SCRATCH = new ReadBuffer();

function readTrace(ctx: ReadContext, bytes: Buffer): void {
  const server = path.basename(ctx.file).replace(/\.[^.]*$/, '');
  const fast = ctx.opts.encoding === undefined && ctx.opts.csv?.encoding === undefined && bytes[0] === 0x54; // "T"
  let state: TraceState | null = null;
  if (fast) {
    const eol = bytes.indexOf(0x0a);
    const header = bytes
      .toString('latin1', 0, eol < 0 ? bytes.length : eol)
      .split(';')
      .map((h) => h.trim());
    state = new TraceState(ctx, header, ctx.store.server(server));
    if (!parseTraceBytes(bytes, eol < 0 ? bytes.length : eol + 1, state)) {
      // Start the file again with the text reader, which names the bad cell.
      ctx.store = new SampleStore();
      state = null;
    }
  }
  if (!state) {
    const { text } = decodeText(bytes, ctx.file, ctx.opts.encoding ?? ctx.opts.csv?.encoding);
    state = readTraceText(ctx, text, server);
  }
  finish(ctx, server, state);
}

function readTraceText(ctx: ReadContext, text: string, server: string): TraceState {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((h) => h.trim());
  const state = new TraceState(ctx, header, ctx.store.server(server));
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = line.split(';');
    state.add((k) => {
      const c = state.cols[k]!;
      const s = (cells[c] ?? '').trim();
      const v = Number(s);
      if (s === '' || !Number.isFinite(v) || v < 0)
        throw new InputError(`VM trace: expected a number ≥ 0, got ${JSON.stringify(s)}`, {
          file: ctx.file,
          row: i + 1,
          column: header[c] ?? c + 1,
        });
      return v;
    });
  }
  return state;
}

function finish(ctx: ReadContext, server: string, state: TraceState): void {
  if (state.provisioned) ctx.inventory.push(traceInventory(server, ctx.file, state.provisioned));
  const epoch = state.unit === 's' ? 'seconds' : 'milliseconds';
  ctx.notes.push(
    `server "${server}" (file name); "Timestamp [ms]" read as epoch ${epoch}; memory KB/1024, network KB/s/1024`,
  );
  if (state.zeros)
    ctx.findings.push({
      severity: 'info',
      code: 'memory-zero-samples',
      file: ctx.file,
      server,
      message: `${state.zeros} samples report 0 KB memory used; treated as missing`,
      params: { samples: state.zeros },
    });
}

/**
 * What a trace says about its VM: cores, clock = provisioned MHz / cores (2599.999 MHz on 1 core
 * → 2.6 GHz) and memory = provisioned KB / 1024 (2097152 KB → 2048 MB).
 */
function traceInventory(server: string, file: string, p: { cores: number; mhz: number; kb: number }) {
  const known = (v: number) => (Number.isFinite(v) && v > 0 ? v : null);
  const cores = known(p.cores);
  const mhz = known(p.mhz);
  const kb = known(p.kb);
  return {
    server,
    file,
    from: 'Bitbrains trace',
    kind: 'vm' as const,
    cores,
    cpuGhz: cores && mhz ? Math.round(mhz / cores) / 1000 : null,
    memoryMb: kb === null ? null : Math.round((kb / KB_PER_MB) * 100) / 100,
    os: null,
    osBits: null,
  };
}
