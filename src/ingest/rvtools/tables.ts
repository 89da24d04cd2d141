// RVTools tabs as plain tables, from an .xlsx workbook (exceljs: namespace-aware, reads the
// `x:`-prefixed OpenXML of RVTools 4.x) or from a folder of `RVTools_tab<name>.csv` exports.
// Columns are found by header name, never by position (samples/rvtools/README.md).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../../domain/errors.ts';
import { parseCsvTable } from '../inventory-csv.ts';
import { readTextFile } from '../read-text.ts';
import { readHead } from '../monitoring/formats/detect.ts';

export type Cell = string | number | boolean | null;

export interface Table {
  /** Tab name as RVTools spells it (vInfo, vCPU …). */
  name: string;
  /** File the tab came from, and the sheet for messages. */
  source: string;
  header: string[];
  rows: { cells: Cell[]; row: number }[];
}

const RVTOOLS_TABS = ['vInfo', 'vCPU', 'vMemory', 'vDisk', 'vPartition', 'vHost', 'vCluster', 'vUSB', 'vMetaData'];

/**
 * Header key: case, spacing and the MiB/MB, KiB/KB spellings of RVTools 3.x/4.x do not matter, nor
 * the tab prefix of the command-line CSV export (`vInfoCPUs` = `CPUs`, `vHostCoresPerCPU` = `Cores per CPU`).
 */
export function headerKey(h: string): string {
  const t = h.trim();
  const prefixed = /^(vInfo|vCPU|vMemory|vDisk|vPartition|vHost|vUSB)([A-Z#].*)$/i.exec(t);
  const rest =
    prefixed && /^[A-Z#]/.test(prefixed[2]!) ? (PREFIXED_ALIASES[prefixed[2]!.toLowerCase()] ?? prefixed[2]!) : t;
  return rest
    .toLowerCase()
    .replace(/\bmib\b/g, 'mb')
    .replace(/\bkib\b/g, 'kb')
    .replace(/mib$/, 'mb')
    .replace(/\s+/g, '');
}

/** Names of the prefixed CSV export that are not the pretty header without its spaces. */
const PREFIXED_ALIASES: Record<string, string> = {
  vmname: 'VM',
  name: 'Host',
  provisioned: 'Provisioned MB',
  inuse: 'In Use MB',
  os: 'OS according to the configuration file',
  ostools: 'OS according to the VMware Tools',
  srmplaceholder: 'SRM Placeholder',
  memorysize: '# Memory',
  cpuspeed: 'Speed',
};

/** Signature columns of each tab, for a CSV whose file name does not say which tab it is. */
const TAB_SIGNATURES: [string, string[]][] = [
  ['vCPU', ['VM', 'Overall', 'Max', 'CPUs']],
  ['vMemory', ['VM', 'Size MB', 'Consumed']],
  ['vDisk', ['VM', 'Disk', 'Capacity MB', 'Disk Mode']],
  ['vPartition', ['VM', 'Disk', 'Consumed MB']],
  ['vHost', ['Host', '# CPU', 'Cores per CPU', '# Memory']],
  ['vInfo', ['VM', 'Powerstate', 'CPUs', 'Memory']],
];

/** The RVTools tab a header row belongs to, or null. */
function tabOfHeader(header: string[]): string | null {
  const keys = new Set(header.map(headerKey));
  return TAB_SIGNATURES.find(([, cols]) => cols.every((c) => keys.has(headerKey(c))))?.[0] ?? null;
}

/**
 * exceljs on first use: importing it costs ~0.6 s of CPU, which an ingest of monitoring files
 * alone (no workbook) should not pay at start-up.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function readRvToolsXlsx(file: string): Promise<Table[]> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new InputError(`RVTools workbook: cannot open as .xlsx (${(err as Error).message})`, { file });
  }
  const tables: Table[] = [];
  wb.eachSheet((ws) => {
    const name = RVTOOLS_TABS.find((t) => t.toLowerCase() === ws.name.trim().toLowerCase());
    if (!name) return;
    const header = rowCells(ws.getRow(1)).map((c) => (c === null ? '' : String(c)));
    const rows: Table['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (r, i) => {
      if (i === 1) return;
      const cells = rowCells(r);
      if (cells.some((c) => c !== null && c !== '')) rows.push({ cells, row: i });
    });
    tables.push({ name, source: `${file}[${ws.name}]`, header, rows });
  });
  return tables;
}

function rowCells(r: ExcelJS.Row): Cell[] {
  const values = (r.values as unknown[]).slice(1);
  return Array.from({ length: values.length }, (_, i) => cellValue(values[i]));
}

/** exceljs cell value → plain value: formula results, rich text and dates flattened. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellValue(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return null;
  }
  return String(v);
}

/**
 * RVTools CSV exports: a folder of `RVTools_tab<name>.csv` files, or one tab CSV. A file's tab is
 * its name's `tab<name>` when it has one, else its header (the command-line export and renamed files).
 */
export async function readRvToolsCsvFiles(fileOrDir: string, encoding?: string): Promise<Table[]> {
  const dir = (await stat(fileOrDir)).isDirectory();
  const files = dir
    ? (await readdir(fileOrDir))
        .filter((f) => /\.csv$/i.test(f))
        .sort()
        .map((f) => path.join(fileOrDir, f))
    : [fileOrDir];
  const tables: Table[] = [];
  for (const file of files) {
    const { text } = await readTextFile(file, encoding);
    const { header, rows } = parseCsvTable(text, file);
    const tab = /tab(v\w+)\.csv$/i.exec(path.basename(file))?.[1];
    const name = RVTOOLS_TABS.find((t) => t.toLowerCase() === tab?.toLowerCase()) ?? tabOfHeader(header);
    if (!name || tables.some((t) => t.name === name)) continue;
    tables.push({
      name,
      source: file,
      header,
      rows: rows.map((r) => ({ cells: r.cells.map((c) => (c.trim() === '' ? null : c)), row: r.line })),
    });
  }
  return tables;
}

/** A folder holding an RVTools vInfo tab CSV (by its `tabvInfo` name or its header). */
export async function isRvToolsCsvFolder(dir: string, encoding?: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    const files = await readdir(dir);
    if (files.some((f) => /tabvinfo\.csv$/i.test(f))) return true;
    for (const f of files) if (await isRvToolsCsvFile(path.join(dir, f), encoding)) return true;
    return false;
  } catch {
    return false;
  }
}

/** A single CSV whose header is an RVTools vInfo tab. */
export async function isRvToolsCsvFile(file: string, encoding?: string): Promise<boolean> {
  if (!/\.csv$/i.test(file)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    // The header only: reading whole files here cost 1 s of a 100-file trace folder's ingest.
    const text = await readHead(file, encoding);
    const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0);
    // A vInfo header names `Powerstate` (headerKey drops case and spaces): any other file, a folder of
    // monitoring traces, is told apart without parsing its header as CSV (0.1 s of 100 Bitbrains files).
    if (!/power\s*state/i.test(firstLine)) return false;
    const { header } = parseCsvTable(`${firstLine}\n`, file);
    return tabOfHeader(header) === 'vInfo';
  } catch {
    return false;
  }
}
