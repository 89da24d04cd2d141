// The monitoring source a project or proposal names: its files read into capplan's store, a
// Prometheus-compatible HTTP API, or DuckDB over Parquet/CSV (docs/inputs.md).
import { InputError } from '../domain/errors.ts';
import type { MonitoringSource } from '../domain/monitoring-source.ts';
import type { MonitoringInput } from '../domain/project.ts';
import { FileMonitoringSource } from './monitoring/file-source.ts';
import { DuckdbMonitoringSource } from './duckdb/duckdb-source.ts';
import { PrometheusMonitoringSource } from './prometheus/prometheus-source.ts';

/** `extraFiles` (check --monitoring) pool with monitoring files; a store's statistics cannot take them in. */
export function monitoringSourceFor(
  input: MonitoringInput,
  extraFiles: string[] = [],
  progress?: (message: string) => void,
): MonitoringSource {
  if (input.kind === 'files') return new FileMonitoringSource([...input.files, ...extraFiles]);
  if (extraFiles.length)
    throw new InputError(`monitoring files cannot be pooled with the statistics of a ${input.kind} source`, {
      file: extraFiles[0]!,
    });
  if (input.kind === 'prometheus') return new PrometheusMonitoringSource(input.settings, progress);
  return new DuckdbMonitoringSource(input.settings, input.dir);
}
