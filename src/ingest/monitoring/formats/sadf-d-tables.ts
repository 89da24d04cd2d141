// What one `sadf -d` table (or one table of a `sadf -dh` line) gives, decided once per header:
// CPU % = 100 − %idle of CPU "all"; memory = kbmemused/1024; IOPS = tps of the -b table (it can
// share the memory table's run in -dh); disk used = Σ MBfsused/1024; network = Σ (rxkB/s +
// txkB/s)/1024 of the physical interfaces (sysstat.ts says why each).
import { InputError } from '../../../domain/errors.ts';
import { KB_PER_MB, M, type ReadContext, type SampleMerger } from './context.ts';
import type { Fields } from './line-fields.ts';
import type { DhLayout, DhTable } from './sadf-dh.ts';

type TableRule =
  | { kind: 'cpu'; idle: number }
  | { kind: 'memory'; kbmemused: number; tps: number }
  | { kind: 'filesystem'; used: number }
  | { kind: 'iface'; rx: number; tx: number }
  | { kind: 'io'; tps: number }
  | { kind: 'other' };

/** The rule of a table, from its header (hostname;interval;timestamp;…). */
function tableRule(header: string[]): TableRule {
  const col = (name: string) => header.indexOf(name);
  const key = header[3];
  const tps = col('tps');
  const ioColumns = col('rtps') === tps + 1;
  if (key === 'CPU' && col('%idle') > 0) return { kind: 'cpu', idle: col('%idle') };
  // -dh without groups: the I/O table's tps can share the line.
  if (col('kbmemused') > 0)
    return { kind: 'memory', kbmemused: col('kbmemused'), tps: tps > 0 && ioColumns ? tps : -1 };
  if (key === 'FILESYSTEM' && col('MBfsused') > 0) return { kind: 'filesystem', used: col('MBfsused') };
  if (key === 'IFACE' && col('rxkB/s') > 0) return { kind: 'iface', rx: col('rxkB/s'), tx: col('txkB/s') };
  if (key === 'tps' || (tps >= 3 && ioColumns)) return { kind: 'io', tps };
  return { kind: 'other' };
}

/** The sample of one line (server, time), fetched from the merger when a table first gives it something. */
export class LineSample {
  private row: Float64Array | null = null;
  private server = '';
  private ms = 0;

  constructor(private readonly merger: SampleMerger) {}

  start(server: string, ms: number): void {
    this.server = server;
    this.ms = ms;
    this.row = null;
  }

  /** The line's values (SampleMerger#set semantics: a sample exists once anything is said about it). */
  values(): Float64Array {
    this.row ??= this.merger.row(this.server, this.ms);
    return this.row;
  }
}

/** `2,15` (decimal comma of a non-C LC_NUMERIC) → 2.15. */
function sadfNumber(cell: string, ctx: ReadContext, row: number, column: string): number {
  // Number() trims as String#trim does, and a decimal comma makes it NaN: a finite result
  // other than a blank cell's 0 is the value the general path gives.
  const fast = Number(cell);
  if (Number.isFinite(fast) && (fast !== 0 || cell.trim() !== '')) return fast;
  const s = cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  const v = Number(s);
  if (s === '' || !Number.isFinite(v))
    throw new InputError(`sadf: expected a number, got ${JSON.stringify(cell)}`, { file: ctx.file, row, column });
  return v;
}

/**
 * A table's rule and where the table sits in a line: column j ≥ 3 is field `base + j`;
 * `width` is its header's column count, which the line must have when the table is the
 * `whole` line (`sadf -d`).
 */
export interface PlacedTable {
  rule: TableRule;
  base: number;
  width: number;
  whole: boolean;
}

export function placeTable(header: string[], base: number, whole: boolean): PlacedTable {
  return { rule: tableRule(header), base, width: header.length, whole };
}

/** Column j of a table as a number, with the row and column name if it is none. */
function num(t: PlacedTable, fields: Fields, j: number, name: string, ctx: ReadContext, row: number): number {
  // Only tables capplan reads must match their header (INTR;CPU* tables have variable width).
  if (t.whole && fields.count !== t.width)
    throw new InputError(`sadf -d: expected ${t.width} fields like the table's header, got ${fields.count}`, {
      file: ctx.file,
      row,
    });
  const i = j < 3 ? j : t.base + j;
  return fields.quick(i) ?? sadfNumber(fields.get(i) ?? '', ctx, row, name);
}

/** Applies one table's rule to its fields; `skip` says which interfaces are not NICs. */
export function applyTable(
  t: PlacedTable,
  fields: Fields,
  sample: LineSample,
  ctx: ReadContext,
  row: number,
  skip: (iface: string) => boolean,
): void {
  const rule = t.rule;
  switch (rule.kind) {
    case 'cpu': {
      const key = fields.get(t.base + 3);
      if (key === '-1' || key === 'all') sample.values()[M.cpuPct] = 100 - num(t, fields, rule.idle, '%idle', ctx, row);
      return;
    }
    case 'memory':
      sample.values()[M.memoryUsedMb] = num(t, fields, rule.kbmemused, 'kbmemused', ctx, row) / KB_PER_MB;
      if (rule.tps > 0) sample.values()[M.iops] = num(t, fields, rule.tps, 'tps', ctx, row);
      return;
    case 'filesystem':
      add(sample.values(), M.diskUsedGb, num(t, fields, rule.used, 'MBfsused', ctx, row) / 1024);
      return;
    case 'iface':
      if (!skip(fields.get(t.base + 3) ?? '')) {
        const kbPerS = num(t, fields, rule.rx, 'rxkB/s', ctx, row) + num(t, fields, rule.tx, 'txkB/s', ctx, row);
        add(sample.values(), M.networkMBps, kbPerS / KB_PER_MB);
      }
      return;
    case 'io':
      sample.values()[M.iops] = num(t, fields, rule.tps, 'tps', ctx, row);
      return;
    default:
      sample.values();
  }
}

/** The tables of `sadf -dh` lines applied, the rules of each split decided once. */
export class DhLines {
  private readonly placed = new Map<DhTable[], PlacedTable[]>();

  constructor(private readonly layout: DhLayout) {}

  apply(fields: Fields, sample: LineSample, ctx: ReadContext, row: number, skip: (iface: string) => boolean): void {
    const tables = this.layout.tables(fields, { file: ctx.file, row });
    let placed = this.placed.get(tables);
    if (!placed) {
      placed = withoutIdle(tables.map((t) => placeTable(t.header, t.base, false)));
      this.placed.set(tables, placed);
    }
    for (const t of placed) applyTable(t, fields, sample, ctx, row, skip);
  }
}

/**
 * The tables minus those that can do nothing: a table capplan does not read only makes sure
 * the line's sample exists, which any earlier table but a CPU or interface one (they may skip
 * the line) has done.
 */
function withoutIdle(placed: PlacedTable[]): PlacedTable[] {
  let sure = false;
  return placed.filter((t) => {
    const keep = !(sure && t.rule.kind === 'other');
    if (t.rule.kind !== 'cpu' && t.rule.kind !== 'iface') sure = true;
    return keep;
  });
}

const add = (row: Float64Array, metric: number, v: number) => {
  row[metric] = Number.isNaN(row[metric]!) ? v : row[metric]! + v;
};
