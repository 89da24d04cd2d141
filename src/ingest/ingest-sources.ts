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
import { inventoryColumns, readInventoryCsv } from './inventory-csv.ts';
import { readHead } from './monitoring/formats/detect.ts';
import { readMonitoring, byCodePoint } from './monitoring/read-monitoring.ts';
import { MONITORING_FORMATS, type MonitoringFormat } from './monitoring/formats/context.ts';
import { LONG_METRIC_COLUMNS } from './monitoring/long-csv.ts';
import { isRvToolsCsvFile, isRvToolsCsvFolder, readRvToolsCsvFiles, readRvToolsXlsx } from './rvtools/tables.ts';
import { rvToolsInventory } from './rvtools/rvtools.ts';
import { bareServer } from './monitoring-inventory.ts';
import type { ExtraColumns } from './output/servers-csv.ts';

export type SourceFormat = MonitoringFormat | 'inventory' | 'rvtools' | 'rvtools-csv';
export const SOURCE_FORMATS: readonly SourceFormat[] = [...MONITORING_FORMATS, 'inventory', 'rvtools', 'rvtools-csv'];

export interface IngestOptions {
  format?: SourceFormat;
  encoding?: string;
  utcOffsetMinutes?: number;
  /** Percentiles besides p50/p95/p99. */
  percentiles?: number[];
  poweredOff?: 'include' | 'exclude';
  quality?: QualitySettings;
  progress?: (file: string, bytesRead: number) => void;
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
}

export async function ingestSources(paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const inputs = await expandPaths(paths);
  const inventory: InventoryServer[] = [];
  const extras = new Map<string, ExtraColumns>();
  const findings: Finding[] = [];
  const sources: SourceReport[] = [];
  const monitoring: { file: string; format: MonitoringFormat | undefined }[] = [];
  for (const input of inputs) {
    const format = opts.format ?? (await classify(input));
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
      sources.push({
        file: input,
        kind: 'inventory',
        format,
        servers: r.servers.length,
        samples: null,
        firstTimestamp: null,
        lastTimestamp: null,
        notes: [`tabs: ${r.tabs.join(', ')}`, ...excluded],
      });
    } else if (format === 'inventory') {
      const servers = await readInventoryCsv(input, opts.encoding ? { encoding: opts.encoding } : {});
      inventory.push(...servers);
      sources.push({
        file: input,
        kind: 'inventory',
        format,
        servers: servers.length,
        samples: null,
        firstTimestamp: null,
        lastTimestamp: null,
        notes: [],
      });
    } else monitoring.push({ file: input, format });
  }
  checkDuplicates(inventory);
  const percentiles = [...new Set([50, 95, 99, ...(opts.percentiles ?? [])])].sort((a, b) => a - b);
  const usage: ServerUsage[] = [];
  // Files of one format are read together so a server's samples merge across them.
  for (const format of [...new Set(monitoring.map((m) => m.format))]) {
    const files = monitoring.filter((m) => m.format === format).map((m) => m.file);
    const r = await readMonitoring(files, { percentiles, ...monitoringOptions(opts), ...(format ? { format } : {}) });
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
  usage.sort((a, b) => byCodePoint(a.server, b.server));
  const servers = inventory.length ? inventory : usage.map((u) => bareServer(u.server));
  const quality = assess(
    servers,
    usage,
    inventory.length > 0 && monitoring.length > 0,
    opts.quality ?? defaultQualitySettings(),
    findings,
  );
  return { servers, extras, usage, quality, percentiles, findings: sortFindings(findings), sources };
}

function monitoringOptions(opts: IngestOptions) {
  return {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
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
async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => {
      throw new InputError('no such file or folder', { file: p });
    });
    if (!st.isDirectory() || (await isRvToolsCsvFolder(p))) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => !n.startsWith('.') && !/\.md$/i.test(n)).sort();
    for (const n of names) {
      const full = path.join(p, n);
      if ((await stat(full)).isFile()) out.push(full);
    }
  }
  return out;
}

/** Inventory (RVTools, inventory CSV) or monitoring (format detected later) for one input. */
async function classify(input: string): Promise<SourceFormat | undefined> {
  if ((await isRvToolsCsvFolder(input)) || (await isRvToolsCsvFile(input))) return 'rvtools-csv';
  if (/\.xlsx$/i.test(input)) return 'rvtools';
  if (/\.csv$/i.test(input)) {
    const text = await readHead(input);
    const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    const header = first.split(',').map((c) => c.replace(/^"|"$/g, '').trim());
    const lower = header.map((h) => h.toLowerCase());
    const monitoringLike = lower.some(
      (h) => (LONG_METRIC_COLUMNS as readonly string[]).includes(h) || h === 'timestamp',
    );
    if (!monitoringLike && inventoryColumns(header, input).has('name')) return 'inventory';
  }
  return undefined;
}
