// RVTools tabs as plain tables, from an .xlsx workbook (exceljs: namespace-aware, reads the
// `x:`-prefixed OpenXML of RVTools 4.x) or from a folder of `RVTools_tab<name>.csv` exports.
// Columns are found by header name, never by position (samples/rvtools/README.md).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../../domain/errors.ts';
import { parseCsvTable } from '../inventory-csv.ts';
import { readTextFile } from '../read-text.ts';

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

/** Header key: case, spacing and the MiB/MB, KiB/KB spellings of RVTools 3.x/4.x do not matter. */
export function headerKey(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\bmib\b/g, 'mb')
    .replace(/\bkib\b/g, 'kb');
}

export async function readRvToolsXlsx(file: string): Promise<Table[]> {
  const wb = new ExcelJS.Workbook();
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

/** A folder of RVTools CSV exports: files named RVTools_tab<name>.csv (any case). */
export async function readRvToolsCsvFolder(dir: string, encoding?: string): Promise<Table[]> {
  const files = (await readdir(dir)).filter((f) => /tab(v\w+)\.csv$/i.test(f)).sort();
  const tables: Table[] = [];
  for (const f of files) {
    const tab = /tab(v\w+)\.csv$/i.exec(f)![1]!;
    const name = RVTOOLS_TABS.find((t) => t.toLowerCase() === tab.toLowerCase());
    if (!name) continue;
    const file = path.join(dir, f);
    const { text } = await readTextFile(file, encoding);
    const { header, rows } = parseCsvTable(text, file);
    tables.push({
      name,
      source: file,
      header,
      rows: rows.map((r) => ({ cells: r.cells.map((c) => (c.trim() === '' ? null : c)), row: r.line })),
    });
  }
  return tables;
}

export async function isRvToolsCsvFolder(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    return (await readdir(dir)).some((f) => /tabvinfo\.csv$/i.test(f));
  } catch {
    return false;
  }
}
