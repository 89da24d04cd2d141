// `capplan ingest` in one pure-ish call: classify every path (inventory or monitoring, by
// extension, folder layout and first line), read it with the right reader, assess the data
// quality, and return everything the outputs need. No file is written here.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import type { DataQuality, InventoryServer, ServerUsage } from '../domain/server.ts';
import { sortFindings, type Finding } from '../domain/finding.ts';
import { assessQuality } from '../quality/assess-quality.ts';
import { defaultQualitySettings, type QualitySettings } from '../domain/project-settings.ts';
import { bareServer, installedMemory } from './monitoring-inventory.ts';
import { inventoryColumns } from './inventory-csv.ts';
import { detectMonitoringFormatOfHead, readHead } from './monitoring/formats/detect.ts';
import { findVropsHeader } from './monitoring/formats/vrops.ts';
import { plausibilityFindings } from '../quality/plausibility.ts';
import { readMonitoring, byCodePoint } from './monitoring/read-monitoring.ts';
import { MONITORING_FORMATS, type MonitoringFormat } from './monitoring/formats/context.ts';
import { isRvToolsCsvFile, isRvToolsCsvFolder, readRvToolsCsvFiles, readRvToolsXlsx } from './rvtools/tables.ts';
import type { ColumnsSettings, CsvSettings } from '../domain/input-settings.ts';
import { detectDelimiter, firstLine } from './table/read-table.ts';
import { matchColumns } from './columns/match-columns.ts';
import { MONITORING_SPECS } from './columns/column-catalog.ts';
import { readInventory } from './read-inventory.ts';
import { matchServerNames, type NameMatchResult } from './match-names.ts';
import { rvToolsInventory } from './rvtools/rvtools.ts';
import type { ExtraColumns } from './output/servers-csv.ts';

export type SourceFormat = MonitoringFormat | 'inventory' | 'inventory-xlsx' | 'rvtools' | 'rvtools-csv';
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  ...MONITORING_FORMATS,
  'inventory',
  'inventory-xlsx',
  'rvtools',
  'rvtools-csv',
];

export interface IngestOptions {
  format?: SourceFormat;
  encoding?: string;
  utcOffsetMinutes?: number;
  /** Percentiles besides p50/p95/p99. */
  percentiles?: number[];
  poweredOff?: 'include' | 'exclude';
  quality?: QualitySettings;
  progress?: (file: string, bytesRead: number) => void;
  /** How delimited text is written, where detection should not decide (`inputs.csv`). */
  csv?: CsvSettings;
  /** IANA zone of local timestamps (`inputs.timezone`); utcOffsetMinutes wins over it. */
  timezone?: string;
  /** Explicit column maps (`inputs.columns`, `--columns`). */
  columns?: ColumnsSettings;
  /** A file of a folder in no known format is an error instead of a skipped file with a warning. */
  strict?: boolean;
}

interface SourceReport {
  file: string;
  kind: 'inventory' | 'monitoring';
  format: SourceFormat;
  servers: number;
  samples: number | null;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  notes: string[];
}

export interface IngestResult {
  /** The inventory read, or (no inventory given) one bare row per monitored server. */
  servers: InventoryServer[];
  extras: Map<string, ExtraColumns>;
  usage: ServerUsage[];
  quality: Map<string, DataQuality>;
  percentiles: number[];
  findings: Finding[];
  sources: SourceReport[];
  /** How monitoring names matched the inventory (null without both). */
  names: NameMatchResult | null;
  /** Files of a folder that are in no known format, with why. */
  skipped: { file: string; reason: string }[];
}

export async function ingestSources(paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const inputs = await expandPaths(paths);
  const inventory: InventoryServer[] = [];
  const extras = new Map<string, ExtraColumns>();
  const findings: Finding[] = [];
  const sources: SourceReport[] = [];
  const skipped: IngestResult['skipped'] = [];
  const monitoring: { file: string; format: MonitoringFormat | undefined }[] = [];
  for (const { file: input, fromFolder } of inputs) {
    let format: SourceFormat | undefined;
    try {
      format = opts.format ?? (await classify(input, opts, fromFolder));
    } catch (err) {
      // A stray file in a client's folder (a LEAME.txt) is skipped with a warning; named alone, it is an error.
      if (!(err instanceof InputError) || !fromFolder || opts.strict) throw err;
      skipped.push({ file: input, reason: err.detail });
      findings.push({
        severity: 'warning',
        code: 'skipped-file',
        file: input,
        message: `skipped: no known format (${err.detail}); --strict makes this an error`,
        params: { detail: err.detail },
      });
      continue;
    }
    if (format === 'rvtools' || format === 'rvtools-csv') {
      const tables =
        format === 'rvtools' ? await readRvToolsXlsx(input) : await readRvToolsCsvFiles(input, opts.encoding);
      const r = rvToolsInventory(tables, { poweredOff: opts.poweredOff ?? 'include' });
      inventory.push(...r.servers);
      for (const e of r.extras)
        extras.set(e.name, {
          vcenter: e.vcenter,
          vm_id: e.vmId,
          powerstate: e.powerstate,
          host: e.host,
          cluster: e.cluster,
          disk_used_gb: e.diskUsedGb,
        });
      findings.push(...r.findings);
      const excluded = r.excluded.length ? [`excluded: ${countBy(r.excluded.map((e) => e.reason))}`] : [];
      sources.push(inventorySource(input, format, r.servers.length, [`tabs: ${r.tabs.join(', ')}`, ...excluded]));
    } else if (format === 'inventory' || format === 'inventory-xlsx') {
      const r = await readInventory(input, inventoryOptions(opts));
      inventory.push(...r.servers);
      sources.push(inventorySource(input, r.format, r.servers.length, r.notes));
    } else monitoring.push({ file: input, format });
  }
  checkDuplicates(inventory);
  const percentiles = [...new Set([50, 95, 99, ...(opts.percentiles ?? [])])].sort((a, b) => a - b);
  let usage: ServerUsage[] = [];
  // Files of one format are read together so a server's samples merge across them.
  for (const format of [...new Set(monitoring.map((m) => m.format))]) {
    const files = monitoring.filter((m) => m.format === format).map((m) => m.file);
    const r = await readMonitoring(files, {
      percentiles,
      ...monitoringOptions(opts),
      ...installedMemory(inventory),
      ...(format ? { format } : {}),
    });
    usage.push(...r.servers);
    findings.push(...r.findings);
    for (const f of r.files ?? [])
      sources.push({
        file: f.file,
        kind: 'monitoring',
        format: f.format,
        servers: f.servers.length,
        samples: f.samples,
        firstTimestamp: f.firstTimestamp,
        lastTimestamp: f.lastTimestamp,
        notes: f.notes,
      });
  }
  const names = inventory.length && usage.length ? matchServerNames(inventory, usage) : null;
  if (names) usage = names.usage;
  usage.sort((a, b) => byCodePoint(a.server, b.server));
  const servers = inventory.length ? inventory : usage.map((u) => bareServer(u.server));
  const quality = assess(
    servers,
    usage,
    inventory.length > 0 && monitoring.length > 0,
    opts.quality ?? defaultQualitySettings(),
    findings,
  );
  // Figures a server cannot produce (method §9.2), as the plan reports them: only against a real inventory.
  if (inventory.length) findings.push(...plausibilityFindings(servers, new Map(usage.map((u) => [u.server, u]))));
  return { servers, extras, usage, quality, percentiles, findings: sortFindings(findings), sources, names, skipped };
}

function inventorySource(file: string, format: SourceFormat, servers: number, notes: string[]): SourceReport {
  return { file, kind: 'inventory', format, servers, samples: null, firstTimestamp: null, lastTimestamp: null, notes };
}

function inventoryOptions(opts: IngestOptions) {
  return {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.csv ? { csv: opts.csv } : {}),
    ...(opts.columns?.inventory ? { columnMap: opts.columns.inventory } : {}),
  };
}

function monitoringOptions(opts: IngestOptions) {
  return {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.csv ? { csv: opts.csv } : {}),
    ...(opts.timezone ? { timezone: opts.timezone } : {}),
    ...(opts.columns?.monitoring ? { columns: opts.columns.monitoring } : {}),
    ...(opts.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: opts.utcOffsetMinutes } : {}),
    ...(opts.progress ? { progress: opts.progress } : {}),
  };
}

/** Quality of every server that has (or should have) monitoring data. */
function assess(
  servers: InventoryServer[],
  usage: ServerUsage[],
  crossCheck: boolean,
  settings: QualitySettings,
  findings: Finding[],
): Map<string, DataQuality> {
  const quality = new Map<string, DataQuality>();
  const byName = new Map(usage.map((u) => [u.server, u]));
  const names = crossCheck || usage.length === 0 ? servers.map((s) => s.name) : usage.map((u) => u.server);
  if (usage.length === 0) return quality; // inventory only: nothing to judge
  for (const name of names) {
    const r = assessQuality(name, byName.get(name) ?? null, settings);
    quality.set(name, r.quality);
    const u = byName.get(name);
    if (u) u.quality = r.quality;
    findings.push(...r.findings);
  }
  if (crossCheck) {
    const known = new Set(servers.map((s) => s.name));
    for (const u of usage)
      if (!known.has(u.server))
        findings.push({
          severity: 'warning',
          code: 'unknown-server',
          server: u.server,
          message: `monitoring data for "${u.server}", which is not in the inventory (misspelt name?)`,
          params: { server: u.server, ignored: 'no' },
        });
  }
  return quality;
}

function checkDuplicates(servers: InventoryServer[]): void {
  const seen = new Map<string, InventoryServer>();
  for (const s of servers) {
    const first = seen.get(s.name);
    if (first)
      throw new InputError(`server "${s.name}" is also in ${first.source.file}:${first.source.row}`, {
        file: s.source.file,
        row: s.source.row,
      });
    seen.set(s.name, s);
  }
}

function countBy(xs: string[]): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].map(([k, v]) => `${v} ${k}`).join(', ');
}

/**
 * Files to read: folders expand to their files (sorted; hidden and .md files skipped), an RVTools CSV folder stays one
 * input.
 */
export async function expandPaths(paths: string[]): Promise<{ file: string; fromFolder: boolean }[]> {
  const out: { file: string; fromFolder: boolean }[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => {
      throw new InputError('no such file or folder', { file: p });
    });
    if (!st.isDirectory() || (await isRvToolsCsvFolder(p))) {
      out.push({ file: p, fromFolder: false });
      continue;
    }
    const names = (await readdir(p)).filter((n) => !n.startsWith('.') && !/\.md$/i.test(n)).sort();
    for (const n of names) {
      const full = path.join(p, n);
      if ((await stat(full)).isFile()) out.push({ file: full, fromFolder: true });
    }
  }
  return out;
}

/**
 * Inventory (RVTools, inventory workbook or CSV) or monitoring for one input. A delimited
 * text whose header names a server but no timestamp is an inventory, whatever its delimiter,
 * language or extension; a folder's file is checked against the monitoring formats here so
 * that one of no known format can be skipped.
 */
async function classify(input: string, opts: IngestOptions, fromFolder: boolean): Promise<SourceFormat | undefined> {
  if ((await isRvToolsCsvFolder(input)) || (await isRvToolsCsvFile(input))) return 'rvtools-csv';
  if (/\.xlsx$/i.test(input)) {
    const { isRvToolsWorkbook, openWorkbook } = await import('./inventory-xlsx.ts');
    return isRvToolsWorkbook(await openWorkbook(input)) ? 'rvtools' : 'inventory-xlsx';
  }
  const encoding = opts.encoding ?? opts.csv?.encoding;
  const head = await readHead(input, encoding);
  const line = firstLine(head);
  const delimiter = opts.csv?.delimiter === 'tab' ? '\t' : (opts.csv?.delimiter ?? detectDelimiter(line));
  const header = line.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim());
  // An Aria Operations export names objects and metrics: monitoring, though its "Name" column repeats.
  if (findVropsHeader(head.split(/\r?\n/))) return 'vrops';
  if (!/^"?\(PDH-CSV/.test(line) && !/^AAA,/.test(line)) {
    const timed = tryColumns(() =>
      matchColumns(header, MONITORING_SPECS, input, opts.columns?.monitoring).columns.has('timestamp'),
    );
    // A server name and another inventory column (or a name alone): one name among other columns may be monitoring.
    const named = tryColumns(() => {
      const m = inventoryColumns(header, input, opts.columns?.inventory).columns;
      return m.has('name') && (m.size > 1 || header.length === 1);
    });
    if (!timed && named) return 'inventory';
  }
  return fromFolder ? detectMonitoringFormatOfHead(head, input, opts.columns?.monitoring) : undefined;
}

function tryColumns(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}
