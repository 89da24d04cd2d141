// Child process of bench/sources.bench.ts: the monitoring statistics of one project through
// its source (what `capplan plan` reads before sizing), so peak RSS is this process's alone.
// Writes per-server [avg, max, p95] of each metric to argv[3]; prints one JSON line:
// { seconds, maxRssMb, servers, requests, bytes }.
import { writeFileSync } from 'node:fs';
import { loadProject } from '../src/domain/project.ts';
import { monitoringSourceFor } from '../src/ingest/monitoring-source-for.ts';
import { readServerData } from '../src/ingest/project-inputs.ts';
import { PrometheusMonitoringSource } from '../src/ingest/prometheus/prometheus-source.ts';

const [projectDir, statsFile] = process.argv.slice(2);
const t0 = performance.now();
const project = await loadProject(projectDir!);
const source = monitoringSourceFor(project.monitoring);
const { usage } = await readServerData(project.inventoryFile, source, project.settings);
const seconds = (performance.now() - t0) / 1000;
const stats: Record<string, number[][]> = {};
for (const [name, u] of usage) stats[name] = Object.values(u.metrics).map((m) => [m!.avg, m!.max, m!.percentiles.p95!]);
writeFileSync(statsFile!, JSON.stringify(stats));
const http = source instanceof PrometheusMonitoringSource ? source.http.stats : { requests: 0, bytes: 0 };
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMb, servers: usage.size, ...http })}\n`);
