// Every reader against DuckDB on the same files, command start-up included: `capplan ingest`
// (the built CLI, dist/) and a DuckDB child (read_csv + avg/max/quantile_cont per server),
// each a fresh process timed by /usr/bin/time (wall and CPU seconds). Inputs: the 100
// Bitbrains Rnd traces of July 2013 (../shared/bench/bitbrains_rnd/2013-7, skipped when
// absent), a 4 M-row long CSV (1,000 servers × 14 days × 5 min) written twice, ordered by
// time and by server, a perfmon log (94 counters, 15 s × 2 days), a wide CSV (200 servers,
// 5 min × 30 days), a folder of `sadf -dh` exports (200 hosts × 30 days × 10 min, one file per
// host, 864,000 lines of 95 fields, 522 MB) and a folder of nmon captures (50 hosts × 7 days ×
// 5 min, one file per host, 100,800 snapshots, 104 MB), all generated. Target: capplan within
// 2× DuckDB's time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';
import { generateLongCsv } from './gen-long-csv.ts';
import { generatePerfmon, PERFMON_HOST } from './gen-perfmon.ts';
import { generateWideCsv } from './gen-wide-csv.ts';
import { generateSadf, SADF_FIELDS } from './gen-sadf.ts';
import { generateNmon, NMON_FIELDS } from './gen-nmon.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/bin.js');
const bitbrains = path.resolve(root, '../shared/bench/bitbrains_rnd/2013-7');

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

/** Wall and CPU (user + system) seconds of one command, or why it failed. */
function timed(args: string[]): Timed | string {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %U %S', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m = /TIMED ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-2)[0]!;
  return { seconds: Number(m[1]), cpuSeconds: Number(m[2]) + Number(m[3]) };
}

function duckdb(sql: string): Timed | string {
  const code =
    "import { DuckDBInstance } from '@duckdb/node-api';" +
    "const db = await DuckDBInstance.create(':memory:'); const con = await db.connect();" +
    `const r = await con.runAndReadAll(${JSON.stringify(sql)}); console.log(r.getRows().length);`;
  return timed([process.execPath, '--input-type=module', '-e', code]);
}

function capplan(input: string): Timed | string {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-bench-formats-'));
  try {
    return timed([process.execPath, cli, 'ingest', input, '--out', out]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const q = (s: string) => s.replace(/'/g, "''");

/** DuckDB over the traces: 11 `;`-separated numeric columns, server = file name. */
function bitbrainsSql(dir: string): string {
  const cols = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`c${i}`, 'DOUBLE']));
  const stats = (e: string) => `avg(${e}), max(${e}), quantile_cont(${e}, 0.95)`;
  return (
    `SELECT filename, ${stats('c4')}, ${stats('c6')}, ${stats('c9 + c10')} FROM read_csv('${q(dir)}/*.csv', ` +
    `delim = ';', header = false, skip = 1, filename = true, columns = ${JSON.stringify(cols).replace(/"/g, "'")}) ` +
    'GROUP BY filename'
  );
}

function longSql(file: string): string {
  const cols = ['cpu_pct', 'memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'];
  const aggs = cols.map((c) => `avg(${c}), max(${c}), quantile_cont(${c}, 0.95)`).join(', ');
  return `SELECT server, ${aggs} FROM read_csv('${q(file)}', header = true) GROUP BY server`;
}

/** DuckDB over the perfmon log: the counters capplan reads, `" "` as missing. */
function perfmonSql(file: string): string {
  const counters = [
    'Processor(_Total)\\% Processor Time',
    'Memory\\Available MBytes',
    'Memory\\Committed Bytes',
    'LogicalDisk(_Total)\\Free Megabytes',
    'LogicalDisk(_Total)\\% Free Space',
    'LogicalDisk(_Total)\\Disk Transfers/sec',
    'PhysicalDisk(_Total)\\Disk Transfers/sec',
    'Network Interface(Intel[R] Ethernet Connection X722)\\Bytes Total/sec',
  ];
  const aggs = counters
    .map((c) => `"\\\\${PERFMON_HOST}\\${c}"`)
    .map((c) => `avg(${c}), max(${c}), quantile_cont(${c}, 0.95)`)
    .join(', ');
  const types = "auto_type_candidates = ['DOUBLE', 'VARCHAR']";
  return `SELECT ${aggs} FROM read_csv('${q(file)}', header = true, nullstr = ' ', ${types})`;
}

/** DuckDB over the wide CSV: one column per server, unpivoted. */
function wideSql(file: string): string {
  return (
    `WITH u AS (UNPIVOT (SELECT * FROM read_csv('${q(file)}', header = true)) ON COLUMNS(* EXCLUDE timestamp) ` +
    'INTO NAME server VALUE v) SELECT server, avg(v), max(v), quantile_cont(v, 0.95) FROM u GROUP BY server'
  );
}

const varchars = (n: number, first: number) =>
  `{${Array.from({ length: n }, (_, i) => `'c${i + first}': 'VARCHAR'`).join(', ')}}`;

/**
 * DuckDB over the sadf -dh folder: every line as its 95 fields (positions from the generator,
 * where capplan splits the header's [...] groups), the timestamp parsed, and per host avg/max/
 * p95 of CPU (100 − %idle), memory (kbmemused / 1024), IOPS (tps), network (rxkB/s + txkB/s of
 * the one NIC / 1024) and disk used (Σ MBfsused / 1024).
 */
function sadfSql(dir: string): string {
  const f = SADF_FIELDS;
  const c = (i: number) => `c${i}::DOUBLE`;
  const metrics = [
    `100 - ${c(f.idle)}`,
    `${c(f.kbmemused)} / 1024`,
    c(f.tps),
    `(${c(f.rxkB)} + ${c(f.txkB)}) / 1024`,
    `(${f.mbFsUsed.map(c).join(' + ')}) / 1024`,
  ];
  const aggs = metrics.map((e) => `avg(${e}), max(${e}), quantile_cont(${e}, 0.95)`).join(', ');
  return (
    `SELECT c${f.host}, count(*), min(strptime(c3, '%Y-%m-%d %H:%M:%S UTC')), ${aggs} ` +
    `FROM read_csv('${q(dir)}/*.sadf.txt', delim = ';', header = false, skip = 1, auto_detect = false, ` +
    `columns = ${varchars(f.width, 1)}) GROUP BY c${f.host}`
  );
}

/**
 * DuckDB over the nmon folder: each file as lines of up to 39 text fields (no quoting: BBBP
 * lines hold unbalanced quotes), padded with NULLs; the AAA host line, the ZZZZ lines (time
 * parsed) joined to the CPU_ALL, MEM, NET and DISKXFER data lines on file and snapshot, as
 * capplan joins them; per host and metric avg/max/p95 of CPU (User% + Sys%), memory (memtotal −
 * memfree − cached − buffers), network (eth0 + eth1 read + write KB/s / 1024) and IOPS (sda +
 * sdb transfers/s). Column positions come from the generator; capplan reads them from the
 * section headers.
 */
function nmonSql(dir: string): string {
  const f = NMON_FIELDS;
  const c = (i: number) => `c${i}::DOUBLE`;
  const data = (metric: string, tag: string, e: string) =>
    `SELECT filename, c1 AS snap, '${metric}' AS metric, ${e} AS v FROM raw WHERE c0 = '${tag}' AND c1 LIKE 'T%'`;
  const values = [
    data('cpu', 'CPU_ALL', `${c(f.user)} + ${c(f.sys)}`),
    data('memory', 'MEM', `${c(f.memtotal)} - ${c(f.memfree)} - ${c(f.cached)} - ${c(f.buffers)}`),
    data('network', 'NET', `(${f.net.map(c).join(' + ')}) / 1024`),
    data('iops', 'DISKXFER', f.xfer.map(c).join(' + ')),
  ].join(' UNION ALL ');
  const src =
    `read_csv('${q(dir)}/*.nmon', delim = ',', quote = '', escape = '', header = false, auto_detect = false, ` +
    `null_padding = true, filename = true, columns = ${varchars(f.width, 0)})`;
  return (
    'WITH raw AS MATERIALIZED (SELECT * FROM ' +
    `${src} WHERE c0 IN ('AAA', 'ZZZZ', 'CPU_ALL', 'MEM', 'NET', 'DISKXFER')), ` +
    "host AS (SELECT filename, c2 AS host FROM raw WHERE c0 = 'AAA' AND c1 = 'host'), " +
    "zz AS (SELECT filename, c1 AS snap, strptime(c2 || ' ' || c3, '%H:%M:%S %d-%b-%Y') AS ts " +
    "FROM raw WHERE c0 = 'ZZZZ'), " +
    `v AS (${values}) ` +
    'SELECT host, metric, count(*), min(ts), avg(v), max(v), quantile_cont(v, 0.95) ' +
    'FROM v JOIN zz USING (filename, snap) JOIN host USING (filename) GROUP BY host, metric'
  );
}

function row(name: string, rows: number, c: Timed | string, d: Timed | string): string {
  if (typeof c === 'string' || typeof d === 'string') {
    const why = String(typeof c === 'string' ? c : d).replace(/\|/g, '/');
    return `| ${name} | ${rows.toLocaleString('en-US')} | – | – | – | – | skipped: ${why} |`;
  }
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return (
    `| ${name} | ${rows.toLocaleString('en-US')} | ${c.seconds.toFixed(2)} / ${c.cpuSeconds.toFixed(2)} | ` +
    `${d.seconds.toFixed(2)} / ${d.cpuSeconds.toFixed(2)} | ${ratio(c.seconds, d.seconds)} | ` +
    `${ratio(c.cpuSeconds, d.cpuSeconds)} | ${c.seconds <= 2 * d.seconds ? 'yes' : 'no'} |`
  );
}

export default async function formatsBench(): Promise<BenchSection[]> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const load0 = loadavg()[0]!;
  const lines: string[] = [];
  if (existsSync(bitbrains)) {
    lines.push(row('Bitbrains traces, 100 files', 826_000, capplan(bitbrains), duckdb(bitbrainsSql(bitbrains))));
  } else lines.push('| Bitbrains traces, 100 files | – | – | – | – | – | skipped: ../shared/bench absent |');
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bench-long-'));
  try {
    for (const order of ['time', 'server'] as const) {
      const file = path.join(dir, `long-by-${order}.csv`);
      const rows = await generateLongCsv(file, 1000, 14, 5, order);
      lines.push(row(`long CSV ordered by ${order}`, rows, capplan(file), duckdb(longSql(file))));
      rmSync(file, { force: true });
    }
    const perfmon = path.join(dir, 'perfmon.csv');
    const samples = await generatePerfmon(perfmon, 2, 15);
    lines.push(row('perfmon log, 94 counters', samples, capplan(perfmon), duckdb(perfmonSql(perfmon))));
    const wide = path.join(dir, 'cpu_pct.csv');
    const wideRows = await generateWideCsv(wide, 200, 30, 5);
    lines.push(row('wide CSV, 200 servers a row', wideRows, capplan(wide), duckdb(wideSql(wide))));
    rmSync(wide, { force: true });
    const sadf = path.join(dir, 'sadf');
    mkdirSync(sadf);
    const sadfLines = await generateSadf(sadf, 200, 30, 10);
    lines.push(row('sadf -dh, 200 files (one per host)', sadfLines, capplan(sadf), duckdb(sadfSql(sadf))));
    rmSync(sadf, { recursive: true, force: true });
    const nmon = path.join(dir, 'nmon');
    mkdirSync(nmon);
    const snapshots = await generateNmon(nmon, 50, 7, 5);
    lines.push(row('nmon, 50 files (one per host)', snapshots, capplan(nmon), duckdb(nmonSql(nmon))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load1 = loadavg()[0]!;
  const markdown = [
    '### Every reader against DuckDB (command start-up included)',
    '',
    `${cpus().length} cores, load average ${load0.toFixed(1)} → ${load1.toFixed(1)} during the run ` +
      '(`npm run bench formats`; wall / CPU seconds, each a fresh process; DuckDB multi-threaded).',
    '',
    '| input | rows | capplan ingest s (wall / CPU) | DuckDB s (wall / CPU) | ratio wall | ratio CPU | within 2× |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...lines,
  ].join('\n');
  return [{ id: 'formats', markdown }];
}
