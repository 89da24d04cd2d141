// Monitoring files read into capplan's own store (docs/ingest.md): the source behind
// `inputs.monitoring: <files>`. Statistics come from readMonitoring; series are bucketed from
// the stored samples.
import type {
  MonitoringAnswer,
  MonitoringSource,
  SeriesRequest,
  ServerSeries,
  StatisticsRequest,
} from '../../domain/monitoring-source.ts';
import type { ReadOptions } from './formats/context.ts';
import { readMonitoring, readMonitoringStores } from './read-monitoring.ts';
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

  async statistics(request: StatisticsRequest): Promise<MonitoringAnswer> {
    const { servers, findings, samples, samplesOfFiles } = await readMonitoring(this.files, {
      ...this.options,
      percentiles: request.percentiles,
      ...(request.keepSamples ? { keepSamples: true } : {}),
    });
    return { servers, findings, ...(samples && samplesOfFiles ? { samples, samplesOfFiles } : {}) };
  }

  async series(request: SeriesRequest): Promise<ServerSeries[]> {
    return seriesFromStores(await readMonitoringStores(this.files, { ...this.options, percentiles: [] }), request);
  }
}
