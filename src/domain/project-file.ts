// capplan.yaml: find it (a folder or the file itself), validate it, resolve input paths
// relative to it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { projectSchema, type ProjectSettings } from './project.ts';
import { InputError } from './errors.ts';
import { parseYamlWithSchema, readYamlFile } from './load-file.ts';

export interface LoadedProject {
  file: string;
  dir: string;
  settings: ProjectSettings;
  /** Absolute paths of the inputs. */
  inventoryFile: string;
  monitoringFiles: string[];
  catalogFile: string | null;
}

export async function loadProject(projectPath: string): Promise<LoadedProject> {
  const file = await projectFile(projectPath);
  const { text } = await readYamlFile(file);
  const settings = parseYamlWithSchema(text, file, projectSchema);
  const dir = path.dirname(file);
  const monitoring = Array.isArray(settings.inputs.monitoring)
    ? settings.inputs.monitoring
    : [settings.inputs.monitoring];
  if (settings.cluster.mode === 'catalog' && !settings.inputs.catalog) {
    throw new InputError('cluster.mode is catalog but inputs.catalog names no catalog file', { file });
  }
  return {
    file,
    dir,
    settings,
    inventoryFile: path.resolve(dir, settings.inputs.inventory),
    monitoringFiles: monitoring.map((m) => path.resolve(dir, m)),
    catalogFile: settings.inputs.catalog ? path.resolve(dir, settings.inputs.catalog) : null,
  };
}

async function projectFile(p: string): Promise<string> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? path.join(p, 'capplan.yaml') : p;
  } catch {
    throw new InputError('no such project folder or file', { file: p });
  }
}
