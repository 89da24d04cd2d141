// Monitoring files read into capplan's own store (docs/ingest.md): the source behind
// `inputs.monitoring: <files>`. Statistics come from readMonitoring; series are bucketed from
// the stored samples.
import {
  handOver,
  type MonitoringSource,
  type SeriesRequest,
  type ServerSeries,
  type StatisticsRequest,
} from '../../domain/monitoring-source.ts';
import type { ReadOptions } from './formats/context.ts';
import { type MonitoringResult, readMonitoring, readMonitoringStores } from './read-monitoring.ts';
import { seriesFromStores } from './store-series.ts';

export class FileMonitoringSource implements MonitoringSource {
  readonly label: string;

  /** `options`: how the files are written (inputs.csv, inputs.timezone, inputs.columns.monitoring). */
  constructor(
    readonly files: string[],
    private readonly options: ReadOptions = {},
  ) {
    this.label = files.length === 1 ? files[0]! : `${files.length} monitoring files`;
  }

  async statistics(request: StatisticsRequest): Promise<MonitoringResult> {
    // The answer keeps what only files tell: each file's format and the inventory it carries.
    return readMonitoring(this.files, {
      ...this.options,
      percentiles: request.percentiles,
      ...(request.keepSamples ? { keepSamples: true } : {}),
      ...(request.installedMemoryMb ? { installedMemoryMb: request.installedMemoryMb } : {}),
    });
  }

  async series(request: SeriesRequest): Promise<ServerSeries[]> {
    const stores = await readMonitoringStores(this.files, { ...this.options, percentiles: [] });
    return handOver(seriesFromStores(stores, request), request);
  }
}
