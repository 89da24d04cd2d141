// CPU demand in MHz from a metrics store (method §3.7): the worked example's CPU % turned into
// MHz (cores × GHz × 1000 × % / 100, so that ⌈MHz / own MHz per core⌉ = ⌈cores × % / 100⌉),
// served by DuckDB as a `cpuMhz` column and by a real Prometheus as a `cpuMhz` metric: every VM
// is sized from the MHz and gets the vCPU of table 2.7.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { exampleDir, exampleProject, planProject } from '../helpers/example-project.ts';
import { openMetricsFromLongCsv, startPrometheus, type RunningPrometheus } from '../helpers/prometheus.ts';
import { toolSkip } from '../helpers/env.ts';
import type { Plan } from '../../src/domain/plan.ts';

const COLUMNS = ['cpu_mhz', 'memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'];
const METRICS = ['cpuMhz', 'memoryUsedMb', 'diskUsedGb', 'networkMBps', 'iops'];

/** The worked example's monitoring with cpu_pct replaced by cpu_mhz of the same servers. */
function mhzCsv(): string {
  const inventory = parse(readFileSync(path.join(exampleDir, 'inventory.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const ownMhz = new Map(
    inventory.map((s) => [s.name!, Number(s.sockets) * Number(s.cores_per_socket) * Number(s.cpu_ghz) * 1000]),
  );
  const rows = parse(readFileSync(path.join(exampleDir, 'monitoring.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const out = [`timestamp,server,${COLUMNS.join(',')}`];
  for (const r of rows) {
    const mhz = (Number(r.cpu_pct) / 100) * ownMhz.get(r.server!)!;
    out.push(
      [r.timestamp, r.server, mhz.toFixed(3), r.memory_used_mb, r.disk_used_gb, r.network_mb_per_s, r.iops].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}

function assertSizedFromMhz(plan: Plan, csvPlan: Plan): void {
  assert.deepEqual(
    plan.vms.map((v) => [v.name, v.vcpu, v.sizing.cpu?.unit]),
    csvPlan.vms.map((v) => [v.name, v.vcpu, 'MHz']),
  );
  assert.equal(
    plan.vms.reduce((s, v) => s + v.vcpu, 0),
    16,
  );
  // The replay takes MHz / 1000 as GHz: each host's CPU peak is the one cores × GHz × % gives.
  const peaks = (p: Plan) => p.replay!.windows[0]!.scenarios[0]!.hosts.map((h) => h.cpu?.peak ?? 0);
  const mhzPeaks = peaks(plan);
  assert.equal(mhzPeaks.length, 2);
  for (const [i, ghz] of peaks(csvPlan).entries())
    assert.ok(ghz > 0 && Math.abs(mhzPeaks[i]! - ghz) < 0.01, `${mhzPeaks[i]} ≈ ${ghz}`);
  // Servidor Nómina: 31.69 % on average of 4 × 3.06 GHz = 3,878.86 MHz → ⌈3,878.86 / 3,060⌉ = ⌈1.27⌉ = 2.
  assert.match(
    plan.vms.find((v) => v.name === 'nomina')!.sizing.cpu!.formula,
    /MHz per core \(source server\)⌉ = ⌈1\.27⌉ = 2$/,
  );
}

describe('CPU MHz from a metrics store', () => {
  let csvPlan: Plan;
  let csvFile: string;
  before(() => {
    const r = planProject(exampleProject('monitoring.csv'));
    assert.equal(r.status, 0, r.stderr);
    csvPlan = r.plan!;
    csvFile = path.join(mkdtempSync(path.join(tmpdir(), 'capplan-mhzcsv-')), 'monitoring-mhz.csv');
    writeFileSync(csvFile, mhzCsv());
  });

  test('DuckDB with a cpuMhz column: vCPU from the MHz', async () => {
    const columns = { timestamp: 'ts', server: 'host', cpuMhz: 'mhz', memoryUsedMb: 'mem_mb', diskUsedGb: 'disk' };
    const dir = exampleProject({ duckdb: { files: 'exports/*.parquet', columns, memoryLimit: '256MB' } });
    mkdirSync(path.join(dir, 'exports'));
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const select =
      'SELECT "timestamp" AS ts, server AS host, cpu_mhz AS mhz, memory_used_mb AS mem_mb, disk_used_gb AS disk ' +
      `FROM read_csv('${csvFile}', header = true)`;
    await con.run(`COPY (${select}) TO '${dir}/exports/all.parquet' (FORMAT parquet)`);
    con.closeSync();
    db.closeSync();
    const r = planProject(dir);
    assert.equal(r.status, 0, r.stderr);
    assertSizedFromMhz(r.plan!, csvPlan);
    assert.equal(r.plan!.servers.find((s) => s.name === 'Servidor Nómina')?.usage?.metrics.cpuPct, undefined);
  });

  describe('Prometheus', { skip: toolSkip('prometheus') || toolSkip('promtool') }, () => {
    let prom: RunningPrometheus;
    before(async () => {
      prom = await startPrometheus(openMetricsFromLongCsv(csvFile, COLUMNS));
    });
    after(async () => {
      await prom?.stop();
    });

    test('a cpuMhz metric (as a VMware exporter gives it): vCPU from the MHz', () => {
      const metrics = Object.fromEntries(METRICS.map((m, i) => [m, `${COLUMNS[i]}{server=~"$servers"}`]));
      const r = planProject(
        exampleProject({
          prometheus: {
            url: prom.url,
            window: { from: '2010-03-22T00:00:00Z', to: '2010-04-05T00:00:00Z' },
            step: '5m',
            serverLabel: 'server',
            metrics,
          },
        }),
      );
      assert.equal(r.status, 0, r.stderr);
      assertSizedFromMhz(r.plan!, csvPlan);
    });
  });
});
