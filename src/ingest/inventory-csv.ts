// inventory.csv (docs/inputs.md): one row per physical server, header by meaning (capplan's
// names, English or Spanish synonyms, units read from the header, or a column map), order
// free, any delimiter, decimal and thousands separator, encoding. A malformed value is an
// InputError at file:row:column; a cut-off row is one too.
import { headerShown } from '../escape/plain-text.ts';
import { InputError } from '../domain/errors.ts';
import type { CsvSettings, InventoryColumn } from '../domain/input-settings.ts';
import { HA_PRIORITIES, type InventoryServer, type SpecialHardware } from '../domain/server.ts';
import { readTextFile, type DecodedText } from './read-text.ts';
import { enumCell, numberCell, refuseControls, slugify, textCell, type Loc } from './cells.ts';
import { parseDelimitedTable, type CsvTable } from './table/read-table.ts';
import type { NumberFormat } from './table/locale-number.ts';
import { describeMatch, matchColumns, type ColumnMatch } from './columns/match-columns.ts';
import { INVENTORY_SPECS } from './columns/column-catalog.ts';
import { osBitsFromText } from './os-bits.ts';
import { extend } from '../util/extend.ts';

export { parseCsvTable } from './table/read-table.ts';

const SPECIAL_HARDWARE: readonly SpecialHardware[] = ['usb', 'serial', 'modem', 'fax'];

export interface InventoryCsvOptions {
  encoding?: string;
  /** Inventory column → header in the client's file, e.g. { memory_mb: 'RAM' } (capplan.yaml column map). */
  columnMap?: Partial<Record<InventoryColumn, string>>;
  /** How the file is written, where detection should not decide (`inputs.csv`). */
  csv?: CsvSettings;
}

export interface InventoryFileRead {
  servers: InventoryServer[];
  /** What was detected and how each column was used, for the ingest summary. */
  notes: string[];
}

export async function readInventoryCsv(file: string, opts: InventoryCsvOptions = {}): Promise<InventoryServer[]> {
  return (await readInventoryFile(file, opts)).servers;
}

export async function readInventoryFile(file: string, opts: InventoryCsvOptions = {}): Promise<InventoryFileRead> {
  const decoded = await readTextFile(file, opts.encoding ?? opts.csv?.encoding);
  return parseInventoryText(decoded, file, opts);
}

export function parseInventoryCsv(text: string, file: string, opts: InventoryCsvOptions = {}): InventoryServer[] {
  return parseInventoryText({ text, encoding: 'utf-8', how: 'default' }, file, opts).servers;
}

function parseInventoryText(decoded: DecodedText, file: string, opts: InventoryCsvOptions): InventoryFileRead {
  const table = parseDelimitedTable(decoded, file, opts.csv);
  const r = inventoryFromTable(table, file, table.dialect, opts.columnMap);
  return { servers: r.servers, notes: [table.description, ...r.notes] };
}

/** The inventory columns of a header (used by format classification and the Excel reader). */
export function inventoryColumns(
  header: string[],
  file: string,
  map: InventoryCsvOptions['columnMap'] = {},
): ColumnMatch {
  return matchColumns(header, INVENTORY_SPECS, file, map);
}

/** Inventory servers of a parsed table: cells are text as written, numbers in `format`. */
export function inventoryFromTable(
  table: CsvTable,
  file: string,
  format: NumberFormat,
  columnMap: InventoryCsvOptions['columnMap'] = {},
): InventoryFileRead {
  const { header, rows } = table;
  const match = inventoryColumns(header, file, columnMap);
  const index = match.columns;
  if (!index.has('name'))
    throw new InputError(
      `no server name column (${headerShown(header)}); name it "name" or map it with inputs.columns.inventory`,
      { file, row: 1 },
    );
  const servers: InventoryServer[] = [];
  const byName = new Map<string, number>();
  const byVm = new Map<string, number>();
  let impliedBits = 0;
  for (const { cells, line } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    checkRowWidth(cells, header.length, file, line);
    const get = (col: string) => {
      const i = index.get(col)?.index;
      return i === undefined ? undefined : cells[i];
    };
    const loc = (column: string): Loc => ({ file, row: line, column: index.get(column)?.header ?? column });
    for (const col of ['name', 'vm_name']) refuseControls(get(col), loc(col));
    const server = inventoryRow(get, loc, format, (col) => index.get(col)?.factor ?? 1);
    if (server.osBits === null && server.os !== null) {
      server.osBits = osBitsFromText(server.os);
      if (server.osBits !== null) impliedBits++;
    }
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
    servers.push(extend(server, { source: { file, row: line } }));
  }
  const notes = describeMatch(match);
  if (impliedBits) notes.push(`os_bits taken from the OS text for ${impliedBits} server(s)`);
  return { servers, notes };
}

/**
 * A row with fewer cells than the header is a cut-off line (a truncated copy, a missing
 * delimiter), not blanks: the values after the cut would silently take defaults.
 */
function checkRowWidth(cells: string[], width: number, file: string, line: number): void {
  if (cells.length < width)
    throw new InputError(`row has ${cells.length} of the header's ${width} fields (cut-off line?)`, {
      file,
      row: line,
    });
  if (cells.slice(width).some((c) => c.trim() !== ''))
    throw new InputError(`row has ${cells.length} fields, the header ${width} (a delimiter inside a value?)`, {
      file,
      row: line,
    });
}

type Getter = (col: string) => string | undefined;

function inventoryRow(
  get: Getter,
  loc: (column: string) => Loc,
  format: NumberFormat,
  factor: (col: string) => number,
): Omit<InventoryServer, 'source'> {
  const name = textCell(get('name'));
  if (name === null) throw new InputError('server name is empty', loc('name'));
  const positive = { min: 0, exclusiveMin: true };
  const num = (col: string, rule: Parameters<typeof numberCell>[2] = {}) => {
    const v = numberCell(get(col), loc(col), { ...rule, format });
    return v === null ? null : v * factor(col);
  };
  const sockets = num('sockets', { integer: true, ...positive });
  return {
    name,
    vmName: textCell(get('vm_name')) ?? slugify(name),
    os: textCell(get('os')),
    osBits: osBitsCell(get('os_bits'), loc('os_bits')),
    sockets,
    coresPerSocket: coresPerSocket(get, loc, format, sockets),
    cpuModel: textCell(get('cpu_model')),
    cpuGhz: num('cpu_ghz', { unit: 'GHz', ...positive }),
    memoryMb: num('memory_mb', { unit: 'MB', ...positive }),
    diskGb: num('disk_gb', { unit: 'GB', min: 0 }),
    nics: num('nics', { integer: true, min: 0 }),
    nicGbps: num('nic_gbps', { unit: 'Gbps', ...positive }),
    application: textCell(get('application')),
    specialHardware: specialHardwareCell(get('special_hardware'), loc('special_hardware')),
    haPriority: enumCell(get('ha_priority'), HA_PRIORITIES, loc('ha_priority'), 'medium'),
    ...ruleCells(get),
  };
}

/** Placement rule columns (docs/placement.md): group lists split on ";", keys only when given. */
function ruleCells(get: Getter): Pick<InventoryServer, 'antiAffinity' | 'affinity' | 'pinHost'> {
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

/** cores_per_socket, or total cores ÷ sockets (one socket when the inventory does not say). */
function coresPerSocket(get: Getter, loc: (c: string) => Loc, format: NumberFormat, sockets: number | null) {
  const rule = { integer: true, min: 0, exclusiveMin: true, format };
  const per = numberCell(get('cores_per_socket'), loc('cores_per_socket'), rule);
  if (per !== null) return per;
  const total = numberCell(get('cores'), loc('cores'), rule);
  if (total === null) return null;
  const s = sockets ?? 1;
  if (total % s !== 0) throw new InputError(`${total} cores do not divide among ${s} sockets`, loc('cores'));
  return total / s;
}

/** 32 or 64; also as OS vendors write it (`x64`, `64-bit`, `x86_64`, `x86`). */
function osBitsCell(value: string | undefined, loc: Loc): 32 | 64 | null {
  const s = textCell(value);
  if (s === null) return null;
  if (/^\s*(64|32)\s*$/.test(s)) return Number(s) as 32 | 64;
  const implied = osBitsFromText(s);
  if (implied === null) throw new InputError(`expected 32 or 64, got "${s}"`, loc);
  return implied;
}

function specialHardwareCell(value: string | undefined, loc: Loc): SpecialHardware[] {
  const s = textCell(value)?.toLowerCase();
  if (s === undefined || s === 'none' || s === 'ninguno' || s === 'no') return [];
  const found = new Set<SpecialHardware>();
  for (const part of s
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const hw = SPECIAL_HARDWARE.find((h) => h === part);
    if (!hw)
      throw new InputError(`expected none or a ;-separated list of ${SPECIAL_HARDWARE.join(', ')}, got "${part}"`, loc);
    found.add(hw);
  }
  return SPECIAL_HARDWARE.filter((h) => found.has(h));
}
