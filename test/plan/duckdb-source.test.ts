// The worked example's samples as Parquet written by DuckDB: `capplan plan` on a project whose
// monitoring is a Parquet glob gives the plan the CSV gives; DuckDB's statistics, gaps and
// series follow the rules of capplan's store; errors name the source, exit 2, write nothing.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { exampleDir, exampleProject, planProject } from '../helpers/example-project.ts';
import { assertSamePlan } from '../helpers/same-plan.ts';
import type { Plan } from '../../src/domain/plan.ts';
import type { ServerUsage } from '../../src/domain/server.ts';
import { DuckdbMonitoringSource } from '../../src/ingest/duckdb/duckdb-source.ts';
import { serverRanges } from '../../src/ingest/duckdb/duckdb-sql.ts';
import { FileMonitoringSource } from '../../src/ingest/monitoring/file-source.ts';
import type { DuckdbSettings } from '../../src/domain/monitoring-source-settings.ts';
import type { ServerSeries } from '../../src/domain/monitoring-source.ts';

const exampleCsv = path.join(exampleDir, 'monitoring.csv');
const COLUMNS = { timestamp: 'ts', server: 'host', cpuPct: 'cpu', memoryUsedMb: 'mem_mb', diskUsedGb: 'disk' };
const MORE = { networkMBps: 'net', iops: 'io' };

/** The fixture's samples renamed to the column map, as two Parquet files split by server (written by DuckDB). */
async function writeParquet(dir: string): Promise<void> {
  mkdirSync(path.join(dir, 'exports'));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const select =
    'SELECT "timestamp" AS ts, server AS host, cpu_pct AS cpu, memory_used_mb AS mem_mb, disk_used_gb AS disk, ' +
    `network_mb_per_s AS net, iops AS io FROM read_csv('${exampleCsv}', header = true)`;
  await con.run(`COPY (${select} WHERE server < 'Servidor P') TO '${dir}/exports/part-1.parquet' (FORMAT parquet)`);
  await con.run(`COPY (${select} WHERE server >= 'Servidor P') TO '${dir}/exports/part-2.parquet' (FORMAT parquet)`);
  con.closeSync();
  db.closeSync();
}

describe('DuckDB source', () => {
  let csvPlan: Plan;
  before(() => {
    const r = planProject(exampleProject('monitoring.csv'));
    assert.equal(r.status, 0, r.stderr);
    csvPlan = r.plan!;
  });

  test('capplan plan on a Parquet glob (written by DuckDB) gives the plan of the CSV export', async () => {
    const dir = exampleProject({
      duckdb: { files: 'exports/*.parquet', columns: { ...COLUMNS, ...MORE }, memoryLimit: '256MB' },
    });
    await writeParquet(dir);
    const r = planProject(dir);
    assert.equal(r.status, 0, r.stderr);
    assertSamePlan(r.plan!, csvPlan);
    assert.deepEqual(
      r.plan!.vms.map((v) => [v.name, v.vcpu, v.memoryGb, v.diskGb, v.host]),
      csvPlan.vms.map((v) => [v.name, v.vcpu, v.memoryGb, v.diskGb, v.host]),
    );
  });

  test("the store's series are fetched when the plan replays, after the placement, not when read", async () => {
    const dir = exampleProject({
      duckdb: { files: 'exports/*.parquet', columns: { ...COLUMNS, ...MORE }, memoryLimit: '256MB' },
    });
    await writeParquet(dir);
    const { readProjectInputs } = await import('../../src/ingest/project-inputs.ts');
    const { assemblePlan } = await import('../../src/plan/assemble.ts');
    const { inputs } = await readProjectInputs(dir);
    // Read, not fetched: the samples say so rather than answer as if the window were empty.
    assert.throws(() => inputs.samples!.span('Servidor Web'), /read before load\(\)/);
    const plan = await assemblePlan(inputs);
    assert.equal(plan.replay?.windows[0]?.vms, csvPlan.replay?.windows[0]?.vms);
    assert.deepEqual(inputs.samples!.span('Servidor Web'), {
      firstSec: Date.parse('2010-03-22T00:00:00Z') / 1000,
      lastSec: inputs.samples!.span('Servidor Web')!.lastSec,
    });
  });

  test('the mean is the exact sum over the count, whatever order DuckDB adds the values in', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-duckmean-'));
    // Added in file order as doubles, 1e16 + 1 − 1e16 is 0: the 1 is lost to rounding, and
    // which values a thread adds first decides what is lost. Exact, the mean is 1/3.
    const t0 = Date.parse('2024-01-01T00:00:00Z');
    const rows = [1e16, 1, -1e16].map((v, i) => `${new Date(t0 + i * 300_000).toISOString()},web,${v}`);
    writeFileSync(path.join(dir, 'mean.csv'), `ts,host,mem\n${rows.join('\n')}\n`);
    const settings = { files: 'mean.csv', columns: { timestamp: 'ts', server: 'host', memoryUsedMb: 'mem' } };
    const { servers } = await new DuckdbMonitoringSource(
      { ...settings, memoryLimit: '128MB' } as DuckdbSettings,
      dir,
    ).statistics({ percentiles: [90], servers: [] });
    assert.equal(servers[0]!.metrics.memoryUsedMb!.avg, 1 / 3);
  });

  test('gaps, the interval and repeated timestamps follow the store’s rules (CSV read by DuckDB)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-duckgaps-'));
    const file = path.join(dir, 'gaps.csv');
    // web: 5-minute samples, one 40-minute gap, one repeated timestamp; db: 10-minute samples.
    const rows = ['ts,host,cpu'];
    const t0 = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < 48; i++)
      if (i < 10 || i > 17) rows.push(`${new Date(t0 + i * 300_000).toISOString()},web,${i % 7}`);
    rows.push(`${new Date(t0).toISOString()},web,9`);
    for (let i = 0; i < 24; i++) rows.push(`${new Date(t0 + i * 600_000).toISOString()},db,${(i * 13) % 11}`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const settings = {
      files: 'gaps.csv',
      columns: { timestamp: 'ts', server: 'host', cpuPct: 'cpu' },
      memoryLimit: '128MB',
    };
    const duck = await new DuckdbMonitoringSource(settings as DuckdbSettings, dir).statistics({
      percentiles: [90],
      servers: [],
    });
    // The same samples in capplan's long CSV, read by the store.
    const long = path.join(dir, 'long.csv');
    writeFileSync(long, `timestamp,server,cpu_pct\n${rows.slice(1).join('\n')}\n`);
    const store = await new FileMonitoringSource([long]).statistics({ percentiles: [90], servers: [] });
    const timing = (servers: ServerUsage[]) =>
      servers.map((u) => [u.server, u.samples, u.intervalSeconds, u.longestGapSeconds, u.gaps, u.duplicateTimestamps]);
    assert.deepEqual(timing(duck.servers), [
      ['db', 24, 600, 600, 0, 0],
      ['web', 41, 300, 2700, 1, 1],
    ]);
    assert.deepEqual(timing(duck.servers), timing(store.servers));
    duck.servers.forEach((u, i) => {
      const s = store.servers[i]!;
      assert.deepEqual([u.firstTimestamp, u.lastTimestamp], [s.firstTimestamp, s.lastTimestamp]);
      const [a, b] = [u.metrics.cpuPct!, s.metrics.cpuPct!];
      assert.deepEqual([a.samples, a.avg, a.min, a.max], [b.samples, b.avg, b.min, b.max], 'small integers: exact');
      for (const p of ['p50', 'p90', 'p95', 'p99'])
        assert.ok(Math.abs(a.percentiles[p]! - b.percentiles[p]!) < 1e-12, `${p}: interpolation in another order`);
    });
  });

  test('a series at a slot width: hourly maxima and averages as the store buckets them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-duckseries-'));
    await writeParquet(dir);
    const source = new DuckdbMonitoringSource(
      { files: 'exports/*.parquet', columns: COLUMNS, memoryLimit: '256MB' } as DuckdbSettings,
      dir,
    );
    for (const statistic of ['avg', 'max'] as const) {
      const request = {
        servers: ['Servidor Web', 'Servidor VPN'],
        metrics: ['cpuPct' as const],
        slotSeconds: 3600,
        statistic,
      };
      const duck = await source.series(request);
      const store = await new FileMonitoringSource([exampleCsv]).series(request);
      assert.deepEqual(
        duck.map((s) => [s.server, s.slotStartsMs.length]),
        [
          ['Servidor VPN', 336],
          ['Servidor Web', 336],
        ],
      );
      duck.forEach((s, i) => {
        assert.deepEqual(s.slotStartsMs, store[i]!.slotStartsMs);
        s.values.cpuPct!.forEach((v, h) => {
          const w = store[i]!.values.cpuPct![h]!;
          assert.ok(Math.abs(v! - w) <= 1e-5 * Math.max(1, w), `${s.server} slot ${h}: ${v} vs ${w}`);
        });
      });
      // Handed over server by server instead: the same series, in the store's order, none returned.
      const handed: ServerSeries[] = [];
      assert.deepEqual(await source.series({ ...request, onServer: (s) => handed.push(s) }), []);
      assert.deepEqual(handed, duck);
    }
  });

  const failures: [string, unknown, RegExp][] = [
    [
      'a column the files do not have',
      { duckdb: { files: 'monitoring.csv', columns: { timestamp: 'timestamp', server: 'server', cpuPct: 'cpu' } } },
      /duckdb monitoring\.csv: query failed: .*cpu/,
    ],
    [
      'no file matches the glob',
      { duckdb: { files: 'exports/*.parquet', columns: { timestamp: 'ts', server: 'host', cpuPct: 'cpu' } } },
      /duckdb exports\/\*\.parquet: query failed: .*No files found/,
    ],
    [
      'a file that is neither Parquet nor CSV',
      { duckdb: { files: 'inventory.xlsx', columns: { timestamp: 'ts', server: 'host', cpuPct: 'cpu' } } },
      /inventory\.xlsx: the DuckDB source reads \.parquet and \.csv files/,
    ],
  ];
  for (const [name, monitoring, message] of failures) {
    test(`${name}: exit 2, the source named, nothing written`, () => {
      const r = planProject(exampleProject(monitoring));
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(existsSync(r.out), false);
    });
  }

  test('server ranges hold every row once, in the order of one query over all of them', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const samples =
      "SELECT * FROM (VALUES ('b', 1), ('a', 2), ('o''brien', 3), (NULL, 4), ('Z', 5), ('é', 6), ('b', 7), " +
      "('c', 8), (NULL, 9)) v(server, x)";
    const rows = async (sql: string) =>
      (await (await con.run(`${sql} ORDER BY server, x`)).getRowObjects()).map((r) => [r.server, r.x]);
    const all = await rows(`SELECT * FROM (${samples})`);
    assert.equal(all.length, 9);
    for (const bounds of [[], ['b'], ['a', 'c', "o'brien"], ['Z', 'é']]) {
      const parts = [];
      for (const sql of serverRanges(samples, bounds)) parts.push(...(await rows(sql)));
      assert.deepEqual(parts, all, `bounds ${bounds.join(', ')}`);
    }
    con.closeSync();
    db.closeSync();
  });

  test('statistics and series in batches of servers are those of one batch', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-duckbatch-'));
    await writeParquet(dir);
    const settings = { files: 'exports/*.parquet', columns: COLUMNS, memoryLimit: '256MB' } as DuckdbSettings;
    const one = new DuckdbMonitoringSource(settings, dir);
    const batched = new DuckdbMonitoringSource(settings, dir, 3);
    const servers = (await one.statistics({ percentiles: [90], servers: [] })).servers;
    assert.equal(servers.length, 10);
    assert.deepEqual((await batched.statistics({ percentiles: [90], servers: [] })).servers, servers);
    const request = {
      servers: servers.map((s) => s.server),
      metrics: ['cpuPct' as const, 'memoryUsedMb' as const],
      slotSeconds: 3600,
      statistic: 'max' as const,
    };
    const series = await one.series(request);
    assert.equal(series.length, 10);
    assert.deepEqual(await batched.series(request), series);
  });
});
