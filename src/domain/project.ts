// capplan.yaml, the project file: its schema as written, the settings the engine receives
// (every section's defaults, src/domain/project-settings.ts) and its reader, which resolves
// the input paths relative to the file. docs/capplan.schema.json is generated from the schema.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { HostModel } from './catalog.ts';
import { InputError } from './errors.ts';
import type { Finding } from './finding.ts';
import { parseText, readStructuredText, validateValue } from './load-file.ts';
import { resolveScenarios, type Scenario } from './scenarios.ts';
import { skipInterfacesSchema, unitsSchema } from './input-units.ts';
import { inputFormatFields } from './input-settings.ts';
import {
  allocationSchema,
  clusterSchema,
  costSchema,
  hypervisorSchema,
  partitionsSchema,
  placementSchema,
  provisionSchema,
  qualitySchema,
  scenariosSchema,
  sizingSchema,
} from './project-settings.ts';
import { withProfileDefaults } from './hypervisor-profiles.ts';
import { reportSchema } from './report-settings.ts';
import { replaySettingsSchema } from './replay-settings.ts';
import type { MonitoringSamples } from './samples.ts';
import type { InventoryServer, ServerUsage } from './server.ts';
import { monitoringSourceSchema, type DuckdbSettings, type PrometheusSettings } from './monitoring-source-settings.ts';
import type { SourceHost } from './server-origin.ts';

/** capplan.yaml as written, before its profile's defaults (method §12) are filled in. */
const projectFileSchema = z.strictObject({
  project: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only')
    .describe('Short name; default output folder is reports/<project>/.'),
  title: z.string().optional().describe('Title of the reports.'),
  client: z.string().optional().describe('Client name, for the reports.'),
  inputs: z.strictObject({
    inventory: z
      .string()
      .optional()
      .describe(
        'Inventory: capplan CSV, RVTools xlsx or RVTools CSV export folder, relative to this file. Optional when ' +
          'the monitoring carries its own inventory (Bitbrains traces, nmon).',
      ),
    monitoring: z
      .union([z.string(), z.array(z.string()), monitoringSourceSchema])
      .optional()
      .describe(
        'Monitoring file(s) in any format capplan ingest detects (long/wide CSV, perfmon, sadf, nmon, traces), ' +
          'relative to this file; or a store that computes the statistics: { prometheus: … } or { duckdb: … }. ' +
          'Optional: without it VMs are sized from allocation (method §3.6).',
      ),
    catalog: z.string().optional().describe('Host catalog YAML (cluster.mode = catalog).'),
    units: unitsSchema,
    skipInterfaces: skipInterfacesSchema,
    ...inputFormatFields,
  }),
  sizing: sizingSchema,
  allocation: allocationSchema,
  hypervisor: hypervisorSchema,
  cluster: clusterSchema,
  partitions: partitionsSchema,
  placement: placementSchema,
  quality: qualitySchema,
  provision: provisionSchema,
  report: reportSchema,
  replay: replaySettingsSchema,
  cost: costSchema,
  scenarios: scenariosSchema,
});

export const projectSchema = z.preprocess((raw) => withProfileDefaults(raw), projectFileSchema);

/** capplan.yaml as written. */
export type ProjectInput = z.input<typeof projectFileSchema>;
/** capplan.yaml after defaults: what the engine receives. */
export type ProjectSettings = z.output<typeof projectSchema>;
export type SizingSettings = ProjectSettings['sizing'];
export type HypervisorSettings = ProjectSettings['hypervisor'];
export type ClusterSettings = ProjectSettings['cluster'];
export type PartitionSettings = ProjectSettings['partitions'];
export type ProvisionSettings = ProjectSettings['provision'];
export type ResourceKey = 'cpu' | 'memory' | 'disk' | 'network';

/** Everything a project names, read and validated: what a plan is made from. */
export interface ProjectData {
  settings: ProjectSettings;
  servers: InventoryServer[];
  usage: Map<string, ServerUsage>;
  catalog: HostModel[] | null;
  /** Input files (relative to the project) and their digests. */
  inputFiles: { file: string; sha256: string }[];
  /** Data problems found while reading (not errors): carried into the plan and reports. */
  findings?: Finding[];
  /** The monitoring samples themselves, for the replay of the planning window (method §14). */
  samples?: MonitoringSamples;
  /** The project names no monitoring: servers are sized from allocation (method §3.6). */
  noMonitoring?: boolean;
  /** Hosts of the source estate (RVTools vHost), the machines the plan replaces. */
  sourceHosts?: SourceHost[];
}

export interface LoadedProject {
  file: string;
  dir: string;
  settings: ProjectSettings;
  /** Absolute paths of the inputs (no inventory: the monitoring carries it). */
  inventoryFile: string | null;
  /** Monitoring files read into capplan's store; empty when a store computes the statistics. */
  monitoringFiles: string[];
  monitoring: MonitoringInput;
  catalogFile: string | null;
  /** The project's scenarios, each with its settings merged and validated; empty: none. */
  scenarios: Scenario<ProjectSettings>[];
}

/** Where the monitoring samples are: files capplan reads, or a store that computes the statistics. */
export type MonitoringInput =
  | { kind: 'files'; files: string[] }
  | { kind: 'prometheus'; settings: PrometheusSettings }
  | { kind: 'duckdb'; settings: DuckdbSettings; dir: string };

/** Reads a project: a folder holding capplan.yaml, or the file itself. */
export async function loadProject(projectPath: string): Promise<LoadedProject> {
  const file = await projectFile(projectPath);
  const parsed = parseText(await readStructuredText(file), file, 'yaml');
  const settings = validateValue(parsed.value, projectSchema, file, parsed.document);
  const scenarios = resolveScenarios(
    { schema: projectSchema, check: catalogNamed },
    parsed.value,
    file,
    parsed.document,
  );
  const dir = path.dirname(file);
  const monitoring = monitoringInput(settings.inputs.monitoring, dir);
  if (!settings.inputs.inventory && monitoring.kind === 'files' && monitoring.files.length === 0)
    throw new InputError('inputs names neither an inventory nor monitoring', { file });
  const noCatalog = catalogNamed(settings);
  if (noCatalog) throw new InputError(noCatalog.message, { file });
  return {
    file,
    dir,
    settings,
    inventoryFile: settings.inputs.inventory ? path.resolve(dir, settings.inputs.inventory) : null,
    monitoringFiles: monitoring.kind === 'files' ? monitoring.files : [],
    monitoring,
    catalogFile: settings.inputs.catalog ? path.resolve(dir, settings.inputs.catalog) : null,
    scenarios,
  };
}

/** A project (or scenario) in catalog mode must name its catalog. */
function catalogNamed(settings: ProjectSettings): { path: string[]; message: string } | null {
  if (settings.cluster.mode !== 'catalog' || settings.inputs.catalog) return null;
  return { path: ['cluster', 'mode'], message: 'cluster.mode is catalog but inputs.catalog names no catalog file' };
}

export function monitoringInput(given: ProjectSettings['inputs']['monitoring'], dir: string): MonitoringInput {
  if (given === undefined) return { kind: 'files', files: [] };
  if (typeof given === 'string' || Array.isArray(given)) {
    const files = typeof given === 'string' ? [given] : given;
    return { kind: 'files', files: files.map((m) => path.resolve(dir, m)) };
  }
  if ('prometheus' in given) return { kind: 'prometheus', settings: given.prometheus };
  return { kind: 'duckdb', settings: given.duckdb as DuckdbSettings, dir };
}

async function projectFile(p: string): Promise<string> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? path.join(p, 'capplan.yaml') : p;
  } catch {
    throw new InputError('no such project folder or file', { file: p });
  }
}
