// Windows Performance Monitor PDH-CSV (relog/typeperf/Data Collector Set), see
// samples/perfmon/README.md: A1 = "(PDH-CSV 4.0) (<TZ name>)(<bias>)", one column per counter
// `\\HOST\Object(Instance)\Counter`, timestamps MM/DD/YYYY local, `" "` = no value.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { InputError } from '../../../domain/errors.ts';
import { readTextFile } from '../../read-text.ts';
import { utcMs } from '../../timestamps.ts';
import { BYTES_PER_MB, M, describeOffset, type ReadContext } from './context.ts';
import { METRICS } from '../sample-store.ts';
import { simpleRecords, type LineRecord } from './simple-records.ts';

const PDH_MARKER = '(PDH-CSV 4.0)';

interface CounterPath {
  host: string;
  object: string;
  instance: string | null;
  counter: string;
}

/** `\\HOST\Object(Instance)\Counter` → parts; the instance may itself hold `(`, `)` and `\`-free text. */
function parseCounterPath(header: string): CounterPath | null {
  const m = /^\\\\([^\\]+)\\(.+)\\([^\\]+)$/.exec(header.trim());
  if (!m) return null;
  const [, host, objectPart, counter] = m;
  const open = objectPart!.indexOf('(');
  if (open > 0 && objectPart!.endsWith(')'))
    return {
      host: host!,
      object: objectPart!.slice(0, open),
      instance: objectPart!.slice(open + 1, -1),
      counter: counter!,
    };
  return { host: host!, object: objectPart!, instance: null, counter: counter! };
}

// Counter names are localised by Windows; English plus the German names seen most in the field.
const CPU_OBJECTS = ['processor', 'prozessor', 'processor information', 'prozessorinformationen'];
const CPU_COUNTERS = ['% processor time', 'prozessorzeit (%)'];
const MEMORY = { objects: ['memory', 'speicher'], committed: ['committed bytes', 'zugesicherte bytes'] };
/** Free physical memory counters → MB, most precise first (perfmon's MBytes are 2^20 bytes). */
const AVAILABLE: readonly [string, number][] = [
  ['available bytes', 1 / BYTES_PER_MB],
  ['verfügbare bytes', 1 / BYTES_PER_MB],
  ['available kbytes', 1 / 1024],
  ['verfügbare kb', 1 / 1024],
  ['available mbytes', 1],
  ['verfügbare mb', 1],
];
const NET_OBJECTS = ['network interface', 'netzwerkschnittstelle', 'network adapter', 'netzwerkadapter'];
const NET_COUNTERS = ['bytes total/sec', 'bytes gesamt/s'];
const DISK_XFER = ['disk transfers/sec', 'übertragungen/s'];
const IGNORED_NIC = /isatap|loopback|teredo|6to4|pseudo/i;

type Role = {
  metric: number;
  scale: number;
  group?: 'freeMb' | 'pctFree' | 'committedMb' | 'availableMb';
  rank?: number;
};

/** Which internal metric a counter feeds (null: not one capplan uses). */
function roleOf(c: CounterPath): Role | null {
  const object = c.object.toLowerCase();
  const counter = c.counter.toLowerCase();
  const total = c.instance?.toLowerCase() === '_total';
  if (CPU_OBJECTS.includes(object) && CPU_COUNTERS.includes(counter) && total) return { metric: M.cpuPct, scale: 1 };
  if (MEMORY.objects.includes(object) && MEMORY.committed.includes(counter))
    return { metric: M.memoryUsedMb, scale: 1 / BYTES_PER_MB, group: 'committedMb' };
  const available = AVAILABLE.findIndex(([name]) => name === counter);
  if (MEMORY.objects.includes(object) && available >= 0)
    return { metric: M.memoryUsedMb, scale: AVAILABLE[available]![1], group: 'availableMb', rank: available };
  if (NET_OBJECTS.includes(object) && NET_COUNTERS.includes(counter) && !IGNORED_NIC.test(c.instance ?? ''))
    return { metric: M.networkMBps, scale: 1 / BYTES_PER_MB };
  if ((object === 'physicaldisk' || object === 'logicaldisk') && DISK_XFER.includes(counter) && total)
    return { metric: M.iops, scale: 1 };
  if (object === 'logicaldisk' && total && counter === 'free megabytes')
    return { metric: M.diskUsedGb, scale: 1, group: 'freeMb' };
  if (object === 'logicaldisk' && total && counter === '% free space')
    return { metric: M.diskUsedGb, scale: 1, group: 'pctFree' };
  return null;
}

/** Bias in A1 = minutes west of UTC (UTC = local + bias): "(Eastern Daylight Time)(240)". */
function perfmonBias(a1: string): { zone: string | null; biasMinutes: number | null } {
  const m = /^\(PDH-CSV 4\.0\)\s*(?:\((.*)\)\((-?\d+)\))?/.exec(a1.trim());
  return { zone: m?.[1] ?? null, biasMinutes: m?.[2] !== undefined ? Number(m[2]) : null };
}

export async function readPerfmon(ctx: ReadContext): Promise<void> {
  const { file } = ctx;
  const { text, encoding, how } = await readTextFile(file, ctx.opts.encoding);
  // typeperf to stdout adds a blank first line and English trailers: blank every line that is not a quoted record
  // (keeps line numbers).
  const lines = text.split(/\r?\n/).map((l) => (l.startsWith('"') ? l : ''));
  // Every field of a perfmon log is quoted: split on `","` unless a line needs csv-parse.
  const records = simpleRecords(lines, ',') ?? csvRecords(lines, file);
  const head = records[0];
  if (!head?.record[0]?.startsWith(PDH_MARKER)) {
    const row = text.split(/\r?\n/).findIndex((l) => l.trim() !== '') + 1;
    throw new InputError(`perfmon CSV: header cell 1 should start with ${PDH_MARKER}`, {
      file,
      row: Math.max(row, 1),
      column: 1,
    });
  }
  const { zone, biasMinutes } = perfmonBias(head.record[0]);
  const offset = biasMinutes !== null ? -biasMinutes : ctx.opts.utcOffsetMinutes;
  ctx.notes.push(`encoding ${encoding} (${how})`);
  if (offset === undefined) {
    ctx.findings.push({
      severity: 'warning',
      code: 'timezone-unknown',
      file,
      row: head.info.lines,
      message:
        `perfmon header gives no time-zone bias (${JSON.stringify(head.record[0])}); timestamps read as UTC ` +
        `(set the offset to correct)`,
      params: { format: 'perfmon', header: JSON.stringify(head.record[0]) },
    });
  } else {
    const bias = biasMinutes === null ? ' (override)' : ` (bias ${biasMinutes})`;
    ctx.notes.push(`timestamps local ${zone ?? ''} ${describeOffset(offset)}${bias} → UTC`.replace('  ', ' '));
  }
  const columns = head.record.slice(1).map((h, i) => ({ index: i + 1, path: parseCounterPath(h), header: h }));
  const hosts = [...new Set(columns.flatMap((c) => (c.path ? [c.path.host] : [])))].sort();
  const used = columns.flatMap((c) => {
    const role = c.path ? roleOf(c.path) : null;
    return role && c.path ? [{ ...c, host: c.path.host, role }] : [];
  });
  for (const host of hosts) {
    const names = used
      .filter((u) => u.host === host)
      .map((u) => `${u.path!.object}(${u.path!.instance ?? ''})\\${u.path!.counter}`);
    ctx.notes.push(`${host}: ${names.length ? [...new Set(names)].join(', ') : 'no counter capplan uses'}`);
  }
  const memory = memorySources(ctx, hosts, used);
  for (const { record, info } of records.slice(1))
    addPerfmonRow(ctx, record, info.lines, offset ?? 0, hosts, used, memory);
}

function csvRecords(lines: string[], file: string): LineRecord[] {
  try {
    return parse(lines.join('\n'), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as LineRecord[];
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`perfmon CSV: ${err.message}`, { file, row: (err as CsvError & { lines?: number }).lines });
    throw err;
  }
}

/**
 * Memory used per host: installed (inventory memory_mb) − free (`Available Bytes/KBytes/MBytes`)
 * when both are known; else `Committed Bytes`, which counts page-file-backed commit too and so
 * overstates the RAM a VM needs (19,139 MB committed where 6,059 MB of the RAM are free), with a finding.
 */
function memorySources(ctx: ReadContext, hosts: string[], used: { host: string; role: Role }[]): Map<string, number> {
  const installed = installedByHost(ctx.opts.installedMemoryMb ?? {});
  const out = new Map<string, number>();
  for (const host of hosts) {
    const mine = used.filter((u) => u.host === host).map((u) => u.role.group);
    const mb = installed.get(host.toLowerCase()) ?? installed.get(shortName(host));
    const available = mine.includes('availableMb');
    if (available && mb !== undefined) {
      out.set(host, mb);
      ctx.notes.push(`${host}: memory used = installed ${mb} MB − Available (inventory memory_mb)`);
      continue;
    }
    if (!mine.includes('committedMb') && !available) continue;
    const why = available
      ? 'the inventory gives no installed memory (memory_mb) for it'
      : 'the file has no Memory\\Available MBytes counter';
    ctx.findings.push({
      severity: mine.includes('committedMb') ? 'info' : 'warning',
      code: 'perfmon-memory-committed',
      file: ctx.file,
      server: host,
      message: mine.includes('committedMb')
        ? `memory used read from Memory\\Committed Bytes because ${why}; committed memory includes what the ` +
          'page file backs and overstates the RAM needed'
        : `memory not read: Memory\\Available is measured but ${why}`,
    });
  }
  return out;
}

function shortName(name: string): string {
  return name.toLowerCase().replace(/^\\\\/, '').split('.')[0]!;
}

/** Inventory memory by lower-case name and by short name (perfmon writes the NetBIOS name, CMDBs FQDNs). */
function installedByHost(byName: Record<string, number>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [name, mb] of Object.entries(byName).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!m.has(name.toLowerCase())) m.set(name.toLowerCase(), mb);
    if (!m.has(shortName(name))) m.set(shortName(name), mb);
  }
  return m;
}

function addPerfmonRow(
  ctx: ReadContext,
  record: string[],
  row: number,
  offset: number,
  hosts: string[],
  used: { index: number; header: string; host: string; role: Role }[],
  installedMb: Map<string, number>,
): void {
  const ts = record[0] ?? '';
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(ts.trim());
  const local = m
    ? utcMs(
        Number(m[3]),
        Number(m[1]),
        Number(m[2]),
        Number(m[4]),
        Number(m[5]),
        Number(m[6]),
        m[7] ? Number(m[7].padEnd(3, '0')) : 0,
      )
    : null;
  if (local === null)
    throw new InputError(`perfmon CSV: expected a timestamp MM/DD/YYYY HH:MM:SS.fff, got ${JSON.stringify(ts)}`, {
      file: ctx.file,
      row,
      column: 1,
    });
  const ms = local - offset * 60_000;
  for (const host of hosts) {
    const values = new Float64Array(METRICS).fill(Number.NaN);
    let freeMb = Number.NaN;
    let pctFree = Number.NaN;
    let committedMb = Number.NaN;
    let availableMb = Number.NaN;
    let availableRank = Infinity;
    for (const u of used) {
      if (u.host !== host) continue;
      const cell = (record[u.index] ?? '').trim();
      if (cell === '') continue; // " ": first sample of a rate counter, or an instance that was absent
      const v = Number(cell);
      if (!/^-?[\d.]+(e[+-]?\d+)?$/i.test(cell) || !Number.isFinite(v))
        throw new InputError(`perfmon CSV: expected a number, got ${JSON.stringify(cell)}`, {
          file: ctx.file,
          row,
          column: u.header,
        });
      if (u.role.group === 'freeMb') freeMb = v;
      else if (u.role.group === 'pctFree') pctFree = v;
      else if (u.role.group === 'committedMb') committedMb = v * u.role.scale;
      else if (u.role.group === 'availableMb') {
        if (u.role.rank! < availableRank) [availableMb, availableRank] = [v * u.role.scale, u.role.rank!];
      } else {
        const prev = values[u.role.metric]!;
        values[u.role.metric] = (Number.isNaN(prev) ? 0 : prev) + v * u.role.scale; // NIC instances add up
      }
    }
    // Used space from free MB and % free of LogicalDisk(_Total): used = free·(100 − pct)/pct.
    if (freeMb >= 0 && pctFree > 0) values[M.diskUsedGb] = (freeMb * (100 - pctFree)) / pctFree / 1024;
    const installed = installedMb.get(host);
    values[M.memoryUsedMb] =
      installed !== undefined
        ? Number.isNaN(availableMb)
          ? Number.NaN
          : Math.max(0, installed - availableMb)
        : committedMb;
    if (values[M.cpuPct]! > 100) values[M.cpuPct] = 100;
    ctx.store.server(host).add(ms, values);
  }
}
