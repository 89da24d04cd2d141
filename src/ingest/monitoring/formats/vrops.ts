// Aria Operations / vRealize Operations (vROps) CSV exports of a view or report: one row per
// object and time, the rows of one object together (its name may be given on the group's first
// row only), one column per metric (docs/inputs.md, "Aria Operations"):
//   "Name","Time","CPU|Demand (MHz)","CPU|Provisioned Capacity (MHz)","Memory|Consumed (KB)",…
//   "app01","12:00 AM 21 July 2026","1,546.6","5,200","6,291,456",…
// Numbers carry thousands separators; times are the exporting user's local time in the
// browser's format. CPU demand in MHz is kept as MHz, and also becomes CPU % of the VM's own
// provisioned capacity in the same row when the row states it (demand / capacity × 100, method
// §3.7); capacity columns (vCPUs, MHz, provisioned memory) also give the inventory of each object.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { InputError } from '../../../domain/errors.ts';
import { readTextFile } from '../../read-text.ts';
import { detectDelimiter } from '../../table/read-table.ts';
import { detectNumberFormat, parseLocaleNumber, type NumberFormat } from '../../table/locale-number.ts';
import { detectDateFormat, parseTimestamp } from '../../table/date-time.ts';
import { describeZone, localToUtcMs, type LocalZone } from '../../table/local-time.ts';
import { utcMs } from '../../timestamps.ts';
import { osBitsFromText } from '../../os-bits.ts';
import type { MonitoredInventory } from '../../monitoring-inventory.ts';
import { METRICS } from '../sample-store.ts';
import { M, type ReadContext } from './context.ts';
import { simpleRecords, type LineRecord } from './simple-records.ts';
import { unitFactor, vropsLayout, type VropsColumn, type VropsLayout, type VropsRole } from './vrops-columns.ts';

/** Lines looked at for the header row (a report may start with its title). */
const HEADER_LINES = 10;

/** The header row of a vROps export among a file's first lines, or null. */
export function findVropsHeader(lines: readonly string[]): { line: number; layout: VropsLayout } | null {
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const line = (lines[i] ?? '').replace(/^\uFEFF/, '');
    if (!line.includes('|')) continue;
    const cells = splitHeaderLine(line);
    const layout = vropsLayout(cells);
    if (layout) return { line: i, layout };
  }
  return null;
}

function splitHeaderLine(line: string): string[] {
  try {
    return (parse(line, { delimiter: detectDelimiter(line), relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "12:00 AM 21 July 2026" (the views' default) and "Jul 21, 2026 12:00:00 AM" (older reports).
const TIME_FIRST = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)\s+(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/i;
const MONTH_FIRST = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)$/i;

/** Wall-clock fields of a vROps time with an English month name, as `Date.UTC` of them; null when not one. */
function namedMonthTime(text: string): number | null {
  const a = TIME_FIRST.exec(text);
  const b = a ? null : MONTH_FIRST.exec(text);
  if (!a && !b) return null;
  const [h, mi, s, ampm, d, month, y] = a ? a.slice(1) : [b![4], b![5], b![6], b![7], b![2], b![1], b![3]];
  const mo = MONTHS.indexOf(month!.slice(0, 3).toLowerCase()) + 1;
  const hour = Number(h);
  if (mo === 0 || hour < 1 || hour > 12) return null;
  return utcMs(+y!, mo, +d!, (hour % 12) + (/^p/i.test(ampm!) ? 12 : 0), +mi!, +(s ?? 0));
}

export async function readVrops(ctx: ReadContext): Promise<void> {
  const { file } = ctx;
  const { text } = await readTextFile(file, ctx.opts.encoding ?? ctx.opts.csv?.encoding);
  const lines = text.split(/\r?\n/);
  const found = findVropsHeader(lines);
  if (!found)
    throw new InputError('Aria Operations CSV: no header row with an object name, a time and a metric column', {
      file,
      row: 1,
    });
  const { layout } = found;
  const delimiter = detectDelimiter(lines[found.line]!);
  const body = lines.slice(found.line + 1);
  let records: LineRecord[];
  try {
    records =
      simpleRecords(body, delimiter) ??
      (parse(body.join('\n'), {
        delimiter,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as unknown as typeof records);
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`Aria Operations CSV: ${err.message}`, {
        file,
        row: found.line + 1 + ((err as CsvError & { lines?: number }).lines ?? 0),
      });
    throw err;
  }
  const numeric = layout.columns.filter((c) => c.role !== 'os');
  const numbers = numberFormat(records, numeric, delimiter, ctx.opts.csv?.decimal);
  const zone = localZone(ctx);
  const dates = detectDateFormat(
    records.slice(0, 200).map((r) => r.record[layout.time] ?? ''),
    ctx.opts.csv?.dateFormat,
    numbers.decimal === ',',
  );
  const factors = new Map(layout.columns.map((c) => [c, factorOf(c, file, found.line + 1)]));
  ctx.notes.push(
    `Aria Operations export, header on line ${found.line + 1}: ` +
      layout.columns.map((c) => `${c.header} → ${c.role}`).join(', '),
    ...(layout.ignored.length ? [`ignored columns: ${layout.ignored.join(', ')}`] : []),
    `numbers: decimal "${numbers.decimal}"${numbers.thousands ? `, thousands "${numbers.thousands}"` : ''}`,
    zone ? `local times in ${describeZone(zone)}` : 'times read as UTC (no time zone given)',
  );
  if (!zone)
    ctx.findings.push({
      severity: 'warning',
      code: 'timezone-unknown',
      file,
      message:
        "Aria Operations exports times in the exporting user's time zone: read as UTC; set inputs.timezone or " +
        '--utc-offset',
      params: { format: 'vrops' },
    });
  const state: RowState = { object: '', inventory: new Map(), noCapacity: new Set() };
  for (const { record, info } of records) {
    const row = found.line + 1 + info.lines;
    const ms = timeOf(record[layout.time] ?? '', dates.format, zone, file, row, layout);
    addRow(ctx, record, row, ms, layout, numbers, factors, state);
  }
  for (const object of [...state.noCapacity].sort())
    ctx.findings.push({
      severity: 'info',
      code: 'cpu-mhz-without-capacity',
      file,
      server: object,
      message:
        "CPU demand is given in MHz but not the VM's provisioned capacity (CPU|Provisioned Capacity (MHz)) nor " +
        'CPU|Usage (%): CPU is sized from the MHz over a core clock, with no CPU %; export the ' +
        'capacity column with the demand for the % and the VM clock',
      params: {},
    });
  ctx.inventory.push(...[...state.inventory.values()].filter((i) => i.cores !== null || i.memoryMb !== null));
}

interface RowState {
  /** The object of the current row group. */
  object: string;
  inventory: Map<string, MonitoredInventory>;
  noCapacity: Set<string>;
}

function localZone(ctx: ReadContext): LocalZone | undefined {
  const { utcOffsetMinutes, timezone } = ctx.opts;
  return utcOffsetMinutes !== undefined
    ? { offsetMinutes: utcOffsetMinutes }
    : timezone
      ? { zone: timezone }
      : undefined;
}

function numberFormat(
  records: { record: string[] }[],
  columns: VropsColumn[],
  delimiter: string,
  decimal: ',' | '.' | undefined,
): NumberFormat {
  const cells = function* () {
    for (const { record } of records.slice(0, 500)) for (const c of columns) yield record[c.index] ?? '';
  };
  const detected = detectNumberFormat(cells(), delimiter);
  if (decimal) return { decimal, thousands: decimal === ',' ? '.' : ',' };
  // "1,546.6": vROps groups thousands; with a decimal point the group is ",".
  return detected.thousands || detected.decimal === ',' ? detected : { decimal: '.', thousands: ',' };
}

function factorOf(c: VropsColumn, file: string, row: number): number {
  const f = unitFactor(c.role, c.unit);
  if (f === null)
    throw new InputError(`Aria Operations CSV: unit "${c.unit}" of column "${c.header}" is not one capplan reads`, {
      file,
      row,
      column: c.header,
    });
  return f;
}

function timeOf(
  text: string,
  format: ReturnType<typeof detectDateFormat>['format'],
  zone: LocalZone | undefined,
  file: string,
  row: number,
  layout: VropsLayout,
): number {
  const t = text.trim();
  const named = namedMonthTime(t);
  const ms = named !== null ? localToUtcMs(named, zone ?? { offsetMinutes: 0 }) : parseTimestamp(t, format, zone);
  if (ms === 'needs-zone') {
    const asUtc = parseTimestamp(t, format, { offsetMinutes: 0 });
    if (typeof asUtc === 'number') return asUtc;
  }
  if (typeof ms !== 'number')
    throw new InputError(`Aria Operations CSV: expected a time such as "12:00 AM 21 July 2026", got ${show(t)}`, {
      file,
      row,
      column: `column ${layout.time + 1}`,
    });
  return ms;
}

function show(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

function addRow(
  ctx: ReadContext,
  record: string[],
  row: number,
  ms: number,
  layout: VropsLayout,
  numbers: NumberFormat,
  factors: Map<VropsColumn, number>,
  state: RowState,
): void {
  const named = (record[layout.object] ?? '').trim();
  if (named) state.object = named;
  if (!state.object)
    throw new InputError('Aria Operations CSV: row has no object name and follows no named row', {
      file: ctx.file,
      row,
    });
  const v = new Map<VropsRole, number>();
  let os: string | null = null;
  for (const c of layout.columns) {
    const cell = (record[c.index] ?? '').trim();
    if (cell === '' || cell === '-' || cell.toLowerCase() === 'n/a') continue;
    if (c.role === 'os') {
      os = cell;
      continue;
    }
    const n = parseLocaleNumber(cell.replace(/\s*%$/, ''), numbers);
    if (n === null || n < 0)
      throw new InputError(`Aria Operations CSV: expected a number ≥ 0, got ${show(cell)}`, {
        file: ctx.file,
        row,
        column: c.header,
      });
    v.set(c.role, n * factors.get(c)!);
  }
  const values = new Float64Array(METRICS).fill(Number.NaN);
  const cpu = cpuPct(v);
  if (cpu === 'no-capacity') state.noCapacity.add(state.object);
  else if (cpu !== null) values[M.cpuPct] = cpu;
  values[M.cpuMhz] = v.get('cpuDemandMhz') ?? v.get('cpuUsageMhz') ?? Number.NaN;
  const provisionedMb = v.get('memoryProvisioned');
  const memPct = v.get('memoryPct');
  values[M.memoryUsedMb] =
    v.get('memoryUsed') ??
    (memPct !== undefined && provisionedMb !== undefined ? (memPct / 100) * provisionedMb : Number.NaN);
  values[M.diskUsedGb] = v.get('diskUsed') ?? Number.NaN;
  values[M.networkMBps] = v.get('network') ?? Number.NaN;
  values[M.iops] = v.get('iops') ?? Number.NaN;
  ctx.store.server(state.object).add(ms, values);
  remember(state, ctx.file, v, os);
}

/**
 * CPU % of the VM: demand (else usage) MHz over the VM's provisioned capacity MHz in the same row
 * (1,546.6 of 5,200 MHz → 29.74 %; above 100 % when the VM ran above it, so its MHz are kept),
 * else the `CPU|Usage (%)` column, at most 100; 'no-capacity' when only MHz is known.
 */
function cpuPct(v: Map<VropsRole, number>): number | null | 'no-capacity' {
  const mhz = v.get('cpuDemandMhz') ?? v.get('cpuUsageMhz');
  const capacity = v.get('cpuCapacityMhz');
  if (mhz !== undefined && capacity !== undefined && capacity > 0) return (mhz / capacity) * 100;
  const pct = v.get('cpuPct');
  if (pct !== undefined) return Math.min(pct, 100);
  return mhz !== undefined ? 'no-capacity' : null;
}

/** The object's size, from the last row that states it (capacity is a property: it changes on a resize only). */
function remember(state: RowState, file: string, v: Map<VropsRole, number>, os: string | null): void {
  const vcpus = v.get('vcpus');
  const capacity = v.get('cpuCapacityMhz');
  const memoryMb = v.get('memoryProvisioned');
  const prev = state.inventory.get(state.object);
  const cores = vcpus !== undefined && vcpus > 0 ? vcpus : (prev?.cores ?? null);
  const osText = os ?? prev?.os ?? null;
  state.inventory.set(state.object, {
    server: state.object,
    file,
    from: 'Aria Operations capacity metrics',
    kind: 'vm',
    cores,
    // Clock = provisioned MHz / vCPUs (5,200 MHz on 2 vCPUs → 2.6 GHz).
    cpuGhz: cores && capacity ? Math.round(capacity / cores) / 1000 : (prev?.cpuGhz ?? null),
    memoryMb: memoryMb !== undefined && memoryMb > 0 ? Math.round(memoryMb * 100) / 100 : (prev?.memoryMb ?? null),
    os: osText,
    osBits: osText ? osBitsFromText(osText) : null,
  });
}
