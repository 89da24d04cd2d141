// servers.csv: the inventory format of docs/inputs.md (so `capplan plan` reads it as its
// inventory), plus source columns after the standard ones (extra columns are allowed).
import { stringify } from 'csv-stringify/sync';
import type { InventoryServer } from '../../domain/server.ts';
import { guardFormula } from '../../escape/spreadsheet.ts';
import { INVENTORY_COLUMNS } from '../../domain/input-settings.ts';

export type ExtraColumns = Record<string, string | number | null>;

/** CSV text; client strings are formula-guarded, numbers written as JavaScript prints them. */
export function renderServersCsv(servers: InventoryServer[], extras: Map<string, ExtraColumns> = new Map()): string {
  const extraNames = [...new Set([...extras.values()].flatMap((e) => Object.keys(e)))];
  const rows = servers.map((s) => {
    const std: (string | number | null)[] = [
      s.name,
      s.vmName,
      s.os,
      s.osBits,
      s.sockets,
      s.coresPerSocket,
      s.cpuModel,
      s.cpuGhz,
      s.memoryMb,
      s.diskGb,
      s.nics,
      s.nicGbps,
      s.application,
      s.specialHardware.length ? s.specialHardware.join(';') : 'none',
      s.haPriority,
    ];
    const extra = extras.get(s.name) ?? {};
    return [...std, ...extraNames.map((n) => extra[n] ?? null)].map(csvValue);
  });
  return stringify([[...INVENTORY_COLUMNS, ...extraNames], ...rows], { eof: true, record_delimiter: '\n' });
}

export function csvValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return guardFormula(v);
}
