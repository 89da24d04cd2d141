// Child process of bench/ingest.bench.ts: one engine over one file, so peak RSS is its own.
// Prints one JSON line: { seconds, cpuSeconds, servers, maxRssMb } (CPU time includes start-up).
import { readMonitoring } from '../src/ingest/monitoring/read-monitoring.ts';
import { splitSettings } from '../src/ingest/monitoring/long-csv-split.ts';

const [engine, file] = process.argv.slice(2);
const t0 = performance.now();
let servers = 0;
if (engine === 'capplan-1' || engine === 'capplan-2') {
  // The thread count forced, so both figures are measured whatever `auto` would pick.
  splitSettings.threads = engine === 'capplan-1' ? 1 : 2;
  const r = await readMonitoring([file!], { percentiles: [] });
  servers = r.servers.length;
} else if (engine === 'duckdb') {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const cols = ['cpu_pct', 'memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'];
  const aggs = cols.map((c) => `avg(${c}), max(${c}), quantile_cont(${c}, 0.95)`).join(', ');
  const path = file!.replace(/'/g, "''");
  const r = await con.runAndReadAll(`SELECT server, ${aggs} FROM read_csv('${path}', header = true) GROUP BY server`);
  servers = r.getRows().length;
}
const seconds = (performance.now() - t0) / 1000;
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, servers, maxRssMb: usage.maxRSS / 1024 })}\n`);
