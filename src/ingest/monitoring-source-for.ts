// The monitoring source a project or proposal names: its files read into capplan's store, a
// Prometheus-compatible HTTP API, or DuckDB over Parquet/CSV (docs/inputs.md).
import { InputError } from '../domain/errors.ts';
import type { MonitoringSource } from '../domain/monitoring-source.ts';
import type { MonitoringInput, ProjectSettings } from '../domain/project.ts';
import { FileMonitoringSource } from './monitoring/file-source.ts';
import { DuckdbMonitoringSource } from './duckdb/duckdb-source.ts';
import { PrometheusMonitoringSource } from './prometheus/prometheus-source.ts';

/** `extraFiles` (check --monitoring) pool with monitoring files; a store's statistics cannot take them in. */
export function monitoringSourceFor(
  input: MonitoringInput,
  extraFiles: string[] = [],
  progress?: (message: string) => void,
  inputs: Partial<ProjectSettings['inputs']> = {},
): MonitoringSource {
  if (input.kind === 'files') {
    // How the files are written (inputs.csv, timezone, columns, skipInterfaces): read as plan and check read them.
    const options = {
      csv: inputs.csv ?? {},
      ...(inputs.timezone ? { timezone: inputs.timezone } : {}),
      ...(inputs.columns?.monitoring ? { columns: inputs.columns.monitoring } : {}),
      ...(inputs.skipInterfaces ? { skipInterfaces: inputs.skipInterfaces } : {}),
    };
    return new FileMonitoringSource([...input.files, ...extraFiles], options);
  }
  if (extraFiles.length)
    throw new InputError(`monitoring files cannot be pooled with the statistics of a ${input.kind} source`, {
      file: extraFiles[0]!,
    });
  if (input.kind === 'prometheus') return new PrometheusMonitoringSource(input.settings, progress);
  return new DuckdbMonitoringSource(input.settings, input.dir);
}
