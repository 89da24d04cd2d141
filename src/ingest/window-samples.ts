// The samples of a monitoring window given on the command line (`capplan replay`, `plan
// --replay`, method §14): files or folders (a folder: its files), in any format the readers
// detect, kept in the ingest's store for the replay.
import type { Finding } from '../domain/finding.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { expandPaths } from './ingest-sources.ts';
import { readMonitoring } from './monitoring/read-monitoring.ts';

export interface WindowSamples {
  samples: MonitoringSamples;
  findings: Finding[];
  files: string[];
}

export async function readWindowSamples(paths: string[]): Promise<WindowSamples> {
  const files = (await expandPaths(paths)).map((p) => p.file);
  const monitoring = await readMonitoring(files, { percentiles: [], keepSamples: true });
  return { samples: monitoring.samples!, findings: monitoring.findings, files };
}
