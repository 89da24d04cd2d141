// inventory.csv (docs/inputs.md): one row per physical server, header by name, order free,
// unknown extra columns allowed. A malformed value is an InputError at file:row:column.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { InputError } from '../domain/errors.ts';
import { HA_PRIORITIES, type InventoryServer, type SpecialHardware } from '../domain/server.ts';
import { readTextFile } from './read-text.ts';
import { enumCell, numberCell, slugify, textCell, type Loc } from './cells.ts';

export const INVENTORY_COLUMNS = [
  'name',
  'vm_name',
  'os',
  'os_bits',
  'sockets',
  'cores_per_socket',
  'cpu_model',
  'cpu_ghz',
  'memory_mb',
  'disk_gb',
  'nics',
  'nic_gbps',
  'application',
  'special_hardware',
  'ha_priority',
] as const;

/** Placement rule columns (docs/placement.md), read when present; servers.csv does not write them. */
const RULE_COLUMNS = ['anti_affinity', 'affinity', 'pin_host'] as const;

const SPECIAL_HARDWARE: readonly SpecialHardware[] = ['usb', 'serial', 'modem', 'fax'];

export interface CsvTable {
  header: string[];
  /** Data records with the line number each starts on (1 = header line). */
  rows: { cells: string[]; line: number }[];
}

/** Parses RFC-4180 text into a header and located rows; a broken record is an InputError. */
export function parseCsvTable(text: string, file: string, delimiter = ','): CsvTable {
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(`CSV: ${err.message.replace(/^Invalid [^:]*: /, '')}`, {
        file,
        row: (err as CsvError & { lines?: number }).lines,
      });
    throw err;
  }
  const first = records[0];
  if (!first) throw new InputError('empty file: expected a header line', { file, row: 1 });
  const header = first.record.map((h) => h.trim());
  const rows = records.slice(1).map((r) => ({ cells: r.record, line: startLine(r.info) }));
  return { header, rows };
}

/** csv-parse reports the line a record *ends* on; subtract embedded newlines to get its first line. */
function startLine(info: { lines: number; raw?: string }): number {
  const raw = (info.raw ?? '').replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  const inner = raw.match(/\n/g)?.length ?? 0;
  return info.lines - inner;
}

/** Header spellings of other inventories recognised without a column map (lower case). */
const INVENTORY_SYNONYMS: Record<string, string[]> = {
  name: ['server', 'server name', 'servername', 'hostname', 'host name', 'computer name', 'computername'],
  vm_name: ['vm', 'vm name'],
  os: ['operating system', 'os name'],
  os_bits: ['os bits', 'architecture bits', 'bits'],
  sockets: ['cpu sockets', 'processors', 'physical cpus', '# cpu'],
  cores_per_socket: ['cores per socket', 'cores per cpu', 'cores/socket'],
  cpu_model: ['cpu model', 'processor model', 'processor'],
  cpu_ghz: ['cpu ghz', 'cpu speed (ghz)', 'clock ghz', 'ghz'],
  memory_mb: ['memory mb', 'memory (mb)', 'ram mb', 'ram (mb)', 'ram_mb', 'memory_mib', 'memory mib'],
  disk_gb: ['disk gb', 'disk (gb)', 'storage gb', 'storage (gb)'],
  nics: ['# nics', 'nic count', 'network adapters'],
  nic_gbps: ['nic speed gbps', 'nic gbps'],
  application: ['app', 'role', 'workload'],
  special_hardware: ['special hardware'],
  ha_priority: ['ha priority', 'priority'],
  anti_affinity: ['anti-affinity', 'anti affinity'],
  pin_host: ['pin host', 'pin'],
};

export interface InventoryCsvOptions {
  encoding?: string;
  /** Inventory column → header in the client's file, e.g. { memory_mb: 'RAM' } (capplan.yaml column map). */
  columnMap?: Partial<Record<(typeof INVENTORY_COLUMNS)[number], string>>;
}

export async function readInventoryCsv(file: string, opts: InventoryCsvOptions = {}): Promise<InventoryServer[]> {
  const { text } = await readTextFile(file, opts.encoding);
  return parseInventoryCsv(text, file, opts);
}

/** Column index and header text of every inventory column present: exact name, column map, then synonyms. */
export function inventoryColumns(
  header: string[],
  file: string,
  columnMap: InventoryCsvOptions['columnMap'] = {},
): Map<string, { index: number; header: string }> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const found = new Map<string, { index: number; header: string }>();
  for (const col of [...INVENTORY_COLUMNS, ...RULE_COLUMNS]) {
    const exact = lower.filter((h) => h === col).length;
    if (exact > 1) throw new InputError(`column "${col}" appears twice`, { file, row: 1, column: col });
    const mapped = columnMap[col as (typeof INVENTORY_COLUMNS)[number]];
    const candidates = mapped !== undefined ? [mapped.trim().toLowerCase()] : [col, ...(INVENTORY_SYNONYMS[col] ?? [])];
    for (const c of candidates) {
      const i = lower.indexOf(c);
      if (i >= 0 && ![...found.values()].some((f) => f.index === i)) {
        found.set(col, { index: i, header: header[i]!.trim() });
        break;
      }
    }
    if (mapped !== undefined && !found.has(col))
      throw new InputError(`column map: ${col} → "${mapped}", but the file has no such column`, { file, row: 1 });
  }
  return found;
}

export function parseInventoryCsv(text: string, file: string, opts: InventoryCsvOptions = {}): InventoryServer[] {
  const { header, rows } = parseCsvTable(text, file);
  const index = inventoryColumns(header, file, opts.columnMap);
  if (!index.has('name'))
    throw new InputError(`missing required column "name" (header: ${header.join(',')})`, { file, row: 1 });
  const servers: InventoryServer[] = [];
  const byName = new Map<string, number>();
  const byVm = new Map<string, number>();
  for (const { cells, line } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const get = (col: string) => {
      const i = index.get(col)?.index;
      return i === undefined ? undefined : cells[i];
    };
    const loc = (column: string): Loc => ({ file, row: line, column: index.get(column)?.header ?? column });
    const server = inventoryRow(get, loc);
    const seen = byName.get(server.name);
    if (seen !== undefined)
      throw new InputError(`duplicate server name "${server.name}" (first on line ${seen})`, loc('name'));
    byName.set(server.name, line);
    const seenVm = byVm.get(server.vmName);
    if (seenVm !== undefined)
      throw new InputError(
        `duplicate VM name "${server.vmName}" (first on line ${seenVm})`,
        loc(index.has('vm_name') && textCell(get('vm_name')) ? 'vm_name' : 'name'),
      );
    byVm.set(server.vmName, line);
    servers.push({ ...server, source: { file, row: line } });
  }
  return servers;
}

function inventoryRow(
  get: (col: string) => string | undefined,
  loc: (column: string) => Loc,
): Omit<InventoryServer, 'source'> {
  const name = textCell(get('name'));
  if (name === null) throw new InputError('server name is empty', loc('name'));
  const positive = { min: 0, exclusiveMin: true };
  const osBits = numberCell(get('os_bits'), loc('os_bits'), { integer: true });
  if (osBits !== null && osBits !== 32 && osBits !== 64)
    throw new InputError(`expected 32 or 64, got "${get('os_bits')?.trim()}"`, loc('os_bits'));
  return {
    name,
    vmName: textCell(get('vm_name')) ?? slugify(name),
    os: textCell(get('os')),
    osBits,
    sockets: numberCell(get('sockets'), loc('sockets'), { integer: true, ...positive }),
    coresPerSocket: numberCell(get('cores_per_socket'), loc('cores_per_socket'), { integer: true, ...positive }),
    cpuModel: textCell(get('cpu_model')),
    cpuGhz: numberCell(get('cpu_ghz'), loc('cpu_ghz'), { unit: 'GHz', ...positive }),
    memoryMb: numberCell(get('memory_mb'), loc('memory_mb'), { unit: 'MB', ...positive }),
    diskGb: numberCell(get('disk_gb'), loc('disk_gb'), { unit: 'GB', min: 0 }),
    nics: numberCell(get('nics'), loc('nics'), { integer: true, min: 0 }),
    nicGbps: numberCell(get('nic_gbps'), loc('nic_gbps'), { unit: 'Gbps', ...positive }),
    application: textCell(get('application')),
    specialHardware: specialHardwareCell(get('special_hardware'), loc('special_hardware')),
    haPriority: enumCell(get('ha_priority'), HA_PRIORITIES, loc('ha_priority'), 'medium'),
    ...ruleCells(get),
  };
}

/** Placement rule columns (docs/placement.md): group lists split on ";", keys only when given. */
function ruleCells(
  get: (col: string) => string | undefined,
): Pick<InventoryServer, 'antiAffinity' | 'affinity' | 'pinHost'> {
  const groups = (col: string) => {
    const list = (textCell(get(col)) ?? '')
      .split(';')
      .map((g) => g.trim())
      .filter((g) => g !== '');
    return list.length > 0 ? [...new Set(list)].sort() : undefined;
  };
  const antiAffinity = groups('anti_affinity');
  const affinity = groups('affinity');
  const pinHost = textCell(get('pin_host')) ?? undefined;
  return {
    ...(antiAffinity ? { antiAffinity } : {}),
    ...(affinity ? { affinity } : {}),
    ...(pinHost ? { pinHost } : {}),
  };
}

function specialHardwareCell(value: string | undefined, loc: Loc): SpecialHardware[] {
  const s = textCell(value)?.toLowerCase();
  if (s === undefined || s === 'none') return [];
  const found = new Set<SpecialHardware>();
  for (const part of s
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const hw = SPECIAL_HARDWARE.find((h) => h === part);
    if (!hw)
      throw new InputError(`expected none or a ;-separated list of ${SPECIAL_HARDWARE.join(', ')}, got "${part}"`, loc);
    found.add(hw);
  }
  return SPECIAL_HARDWARE.filter((h) => found.has(h));
}
