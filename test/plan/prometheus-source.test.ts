// The worked example's samples backfilled into a real Prometheus: `capplan plan` on a project
// whose monitoring is the Prometheus URL gives the plan the CSV gives; the statistics are
// computed by the store, however the requests are split; errors name the source and the query.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toolSkip } from '../helpers/env.ts';
import { exampleDir as example, exampleProject, planProject } from '../helpers/example-project.ts';
import { openMetricsFromLongCsv, startPrometheus, freePort, type RunningPrometheus } from '../helpers/prometheus.ts';
import { assertSamePlan } from '../helpers/same-plan.ts';
import type { Plan } from '../../src/domain/plan.ts';
import type { PrometheusSettings } from '../../src/domain/monitoring-source-settings.ts';
import { PrometheusMonitoringSource } from '../../src/ingest/prometheus/prometheus-source.ts';
import { FileMonitoringSource } from '../../src/ingest/monitoring/file-source.ts';

const COLUMNS = ['cpu_pct', 'memory_used_mb', 'disk_used_gb', 'network_mb_per_s', 'iops'];
const METRICS = ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps', 'iops'];
const WINDOW = { from: '2010-03-22T00:00:00Z', to: '2010-04-05T00:00:00Z' };
// bcrypt of "secret" (cost 4) for Prometheus's basic auth (--web.config.file).
const WEB_CONFIG = 'basic_auth_users:\n  capplan: $2b$04$p3qiI/gZ/90AaGKI5AqBnOLLwXzsiriWqYU5lq.WrEx7r6ciQvBK2\n';

const skip = toolSkip('prometheus') || toolSkip('promtool');

/** The fixture's metrics as PromQL, batched by `$servers` or as bare selectors. */
function metrics(batched: boolean): Record<string, string> {
  return Object.fromEntries(METRICS.map((m, i) => [m, batched ? `${COLUMNS[i]}{server=~"$servers"}` : COLUMNS[i]!]));
}

function settings(url: string, extra: Partial<PrometheusSettings> = {}): PrometheusSettings {
  return {
    url,
    window: WINDOW,
    step: '5m',
    serverLabel: 'server',
    headersEnv: {},
    metrics: metrics(true),
    maxSeriesPerQuery: 500,
    maxSamplesPerQuery: 20_000_000,
    timeoutSeconds: 30,
    retries: 3,
    ...extra,
  };
}

describe('Prometheus source', { skip }, () => {
  let prom: RunningPrometheus;
  let secured: RunningPrometheus;
  let csvPlan: Plan;
  const om = skip ? '' : openMetricsFromLongCsv(path.join(example, 'monitoring.csv'), COLUMNS);

  before(async () => {
    [prom, secured] = await Promise.all([startPrometheus(om), startPrometheus(om, { webConfig: WEB_CONFIG })]);
    const csv = planProject(exampleProject('monitoring.csv'));
    assert.equal(csv.status, 0, csv.stderr);
    csvPlan = csv.plan!;
  });
  after(async () => {
    await Promise.all([prom?.stop(), secured?.stop()]);
  });

  test('capplan plan on the Prometheus URL gives the plan of the CSV export (table 2.7, two hosts, N+1)', () => {
    const r = planProject(exampleProject({ prometheus: settings(prom.url) }));
    assert.equal(r.status, 0, r.stderr);
    assertSamePlan(r.plan!, csvPlan);
    assert.deepEqual(
      r.plan!.vms.map((v) => [v.name, v.vcpu, v.memoryGb, v.diskGb, v.host]),
      csvPlan.vms.map((v) => [v.name, v.vcpu, v.memoryGb, v.diskGb, v.host]),
    );
    assert.equal(r.plan!.hosts.length, 2);
  });

  test('statistics agree however requests are split: bare selectors, one server and 1,000 steps a query', async () => {
    const files = await new FileMonitoringSource([path.join(example, 'monitoring.csv')]).statistics({
      percentiles: [90],
      servers: [],
    });
    const request = { percentiles: [90], servers: files.servers.map((s) => s.server) };
    const whole = new PrometheusMonitoringSource(settings(prom.url, { metrics: metrics(false) }));
    // 4,032 steps a series > 1,000 samples a query: one server per query, the window in 5 pieces.
    const split = new PrometheusMonitoringSource(settings(prom.url, { maxSamplesPerQuery: 1000 }));
    for (const source of [whole, split]) {
      const answer = await source.statistics(request);
      assert.equal(answer.servers.length, 10);
      for (const [i, u] of answer.servers.entries()) {
        const f = files.servers[i]!;
        assert.equal(u.server, f.server);
        assert.deepEqual(
          [u.samples, u.firstTimestamp, u.lastTimestamp, u.gaps],
          [4032, f.firstTimestamp, f.lastTimestamp, 0],
        );
        assert.equal(u.longestGapSeconds, 300);
        for (const m of METRICS) {
          const a = u.metrics[m as 'cpuPct']!;
          const b = f.metrics[m as 'cpuPct']!;
          assert.equal(a.samples, b.samples);
          assert.ok(Math.abs(a.avg - b.avg) <= 1e-9 * Math.abs(b.avg), `${u.server} ${m} avg ${a.avg} vs ${b.avg}`);
          assert.ok(Math.abs(a.max - b.max) <= 1e-6 * Math.abs(b.max), `${u.server} ${m} max`);
          assert.ok(Math.abs(a.min - b.min) <= 1e-6 * Math.abs(b.min), `${u.server} ${m} min`);
          for (const p of ['p50', 'p90', 'p95', 'p99'])
            assert.ok(
              Math.abs(a.percentiles[p]! - b.percentiles[p]!) <= 1e-6 * Math.abs(b.percentiles[p]!),
              `${m} ${p}`,
            );
        }
      }
    }
    assert.ok(
      split.http.stats.requests > whole.http.stats.requests * 5,
      'the split source sends more, smaller queries',
    );
  });

  test('a series at a slot width: query_range gives the hourly averages and maxima of the stored samples', async () => {
    const request = {
      servers: ['Servidor Web', 'Servidor VPN'],
      metrics: ['cpuPct', 'iops'] as const,
      slotSeconds: 3600,
    };
    for (const statistic of ['avg', 'max'] as const) {
      const r = { ...request, metrics: [...request.metrics], statistic };
      const fromProm = await new PrometheusMonitoringSource(settings(prom.url)).series(r);
      const fromFile = await new FileMonitoringSource([path.join(example, 'monitoring.csv')]).series(r);
      assert.deepEqual(
        fromProm.map((s) => [s.server, s.slotStartsMs.length, s.slotStartsMs[0]]),
        [
          ['Servidor VPN', 336, Date.parse(WINDOW.from)],
          ['Servidor Web', 336, Date.parse(WINDOW.from)],
        ],
      );
      fromProm.forEach((s, i) => {
        for (const m of r.metrics)
          s.values[m]!.forEach((v, h) => {
            const w = fromFile[i]!.values[m]![h]!;
            assert.ok(Math.abs(v! - w) <= 1e-5 * Math.max(1, Math.abs(w)), `${s.server} ${m} slot ${h}: ${v} vs ${w}`);
          });
      });
    }
  });

  test('right credentials from the environment are accepted', async () => {
    const auth = `Basic ${Buffer.from('capplan:secret').toString('base64')}`;
    const source = new PrometheusMonitoringSource(
      settings(secured.url, { headersEnv: { Authorization: 'PROM_AUTH' } }),
      () => {},
      {
        PROM_AUTH: auth,
      },
    );
    const answer = await source.statistics({ percentiles: [], servers: ['Servidor Web'] });
    assert.deepEqual(
      answer.servers.map((s) => s.server),
      ['Servidor Web'],
    );
  });

  const failures: [string, () => Promise<{ monitoring: unknown; env?: Record<string, string> }>, RegExp][] = [
    [
      'bad URL (nothing listens)',
      async () => ({ monitoring: { prometheus: { ...settings(`http://127.0.0.1:${await freePort()}`), retries: 1 } } }),
      /prometheus http:\/\/127\.0\.0\.1:\d+: query label values of server: cannot reach the server \(ECONNREFUSED\)/,
    ],
    [
      'wrong credentials',
      async () => ({
        monitoring: { prometheus: { ...settings(secured.url), headersEnv: { Authorization: 'PROM_AUTH' } } },
        env: { PROM_AUTH: `Basic ${Buffer.from('capplan:wrong').toString('base64')}` },
      }),
      /prometheus http:\/\/127\.0\.0\.1:\d+: query label values of server: HTTP 401: the server rejects/,
    ],
    [
      'credentials variable not set',
      async () => ({ monitoring: { prometheus: { ...settings(prom.url), bearerTokenEnv: 'CAPPLAN_NO_SUCH_TOKEN' } } }),
      /prometheus http:\/\/127\.0\.0\.1:\d+: bearerTokenEnv: environment variable CAPPLAN_NO_SUCH_TOKEN is not set/,
    ],
    [
      'a query the store refuses',
      async () => ({
        monitoring: { prometheus: { ...settings(prom.url), metrics: { cpuPct: 'cpu_pct{server=~"$servers"' } } },
      }),
      /prometheus http:\/\/127\.0\.0\.1:\d+: query .*cpu_pct\{server=~"Servidor.*: HTTP 400: bad_data: /,
    ],
    [
      'a timeout',
      async () => ({ monitoring: { prometheus: { ...settings(prom.url), timeoutSeconds: 0.001, retries: 1 } } }),
      /prometheus http:\/\/127\.0\.0\.1:\d+: query label values of server: no answer within 0\.001 s/,
    ],
  ];
  for (const [name, make, message] of failures) {
    test(`${name}: exit 2, the source and the query named, nothing written`, async () => {
      const { monitoring, env } = await make();
      const r = planProject(exampleProject(monitoring), env);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(existsSync(r.out), false, 'no output folder');
    });
  }
});

/** node_exporter and windows_exporter series for one day at 1-minute scrapes, with constant rates. */
function exporterOpenMetrics(): string {
  const t0 = Date.parse('2024-01-01T00:00:00Z') / 1000;
  const linux = 'instance="vpn.example.com:9100"';
  const win = 'instance="WEB:9182"';
  const GiB = 2 ** 30;
  const MiB = 2 ** 20;
  // [family, type, sample name, labels, value at t seconds after t0]
  const series: [string, 'counter' | 'gauge', string, string, (t: number) => number][] = [
    ['node_cpu_seconds', 'counter', 'node_cpu_seconds_total', `${linux},cpu="0",mode="idle"`, (t) => 0.75 * t],
    ['node_cpu_seconds', 'counter', 'node_cpu_seconds_total', `${linux},cpu="1",mode="idle"`, (t) => 0.75 * t],
    ['node_cpu_seconds', 'counter', 'node_cpu_seconds_total', `${linux},cpu="0",mode="user"`, (t) => 0.25 * t],
    ['node_memory_MemTotal_bytes', 'gauge', 'node_memory_MemTotal_bytes', linux, () => 8 * GiB],
    ['node_memory_MemAvailable_bytes', 'gauge', 'node_memory_MemAvailable_bytes', linux, () => 6 * GiB],
    [
      'node_filesystem_size_bytes',
      'gauge',
      'node_filesystem_size_bytes',
      `${linux},fstype="ext4",mountpoint="/"`,
      () => 100 * GiB,
    ],
    [
      'node_filesystem_size_bytes',
      'gauge',
      'node_filesystem_size_bytes',
      `${linux},fstype="tmpfs",mountpoint="/run"`,
      () => GiB,
    ],
    [
      'node_filesystem_avail_bytes',
      'gauge',
      'node_filesystem_avail_bytes',
      `${linux},fstype="ext4",mountpoint="/"`,
      () => 60 * GiB,
    ],
    [
      'node_filesystem_avail_bytes',
      'gauge',
      'node_filesystem_avail_bytes',
      `${linux},fstype="tmpfs",mountpoint="/run"`,
      () => 0,
    ],
    [
      'node_network_receive_bytes',
      'counter',
      'node_network_receive_bytes_total',
      `${linux},device="eth0"`,
      (t) => MiB * t,
    ],
    [
      'node_network_receive_bytes',
      'counter',
      'node_network_receive_bytes_total',
      `${linux},device="lo"`,
      (t) => 9 * MiB * t,
    ],
    [
      'node_network_transmit_bytes',
      'counter',
      'node_network_transmit_bytes_total',
      `${linux},device="eth0"`,
      (t) => 0.5 * MiB * t,
    ],
    [
      'node_disk_reads_completed',
      'counter',
      'node_disk_reads_completed_total',
      `${linux},device="sda"`,
      (t) => 100 * t,
    ],
    [
      'node_disk_writes_completed',
      'counter',
      'node_disk_writes_completed_total',
      `${linux},device="sda"`,
      (t) => 50 * t,
    ],
    ['windows_cpu_time', 'counter', 'windows_cpu_time_total', `${win},core="0,0",mode="idle"`, (t) => 0.5 * t],
    ['windows_cs_physical_memory_bytes', 'gauge', 'windows_cs_physical_memory_bytes', win, () => 16 * GiB],
    ['windows_os_physical_memory_free_bytes', 'gauge', 'windows_os_physical_memory_free_bytes', win, () => 12 * GiB],
    [
      'windows_logical_disk_size_bytes',
      'gauge',
      'windows_logical_disk_size_bytes',
      `${win},volume="C:"`,
      () => 200 * GiB,
    ],
    [
      'windows_logical_disk_free_bytes',
      'gauge',
      'windows_logical_disk_free_bytes',
      `${win},volume="C:"`,
      () => 150 * GiB,
    ],
    ['windows_net_bytes', 'counter', 'windows_net_bytes_total', `${win},nic="Ethernet"`, (t) => 2 * MiB * t],
    ['windows_logical_disk_reads', 'counter', 'windows_logical_disk_reads_total', `${win},volume="C:"`, (t) => 10 * t],
    [
      'windows_logical_disk_writes',
      'counter',
      'windows_logical_disk_writes_total',
      `${win},volume="C:"`,
      (t) => 20 * t,
    ],
  ];
  const lines: string[] = [];
  for (const family of [...new Set(series.map((s) => s[0]))]) {
    const of = series.filter((s) => s[0] === family);
    lines.push(`# TYPE ${family} ${of[0]![1]}`);
    for (const [, , name, labels, value] of of)
      for (let t = 0; t <= 86_400; t += 60) lines.push(`${name}{${labels}} ${value(t)} ${t0 + t}`);
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

describe('Prometheus source: built-in node_exporter and windows_exporter metrics', { skip }, () => {
  let prom: RunningPrometheus;
  before(async () => {
    prom = await startPrometheus(exporterOpenMetrics());
  });
  after(async () => {
    await prom?.stop();
  });

  test('CPU %, memory, disk, network and IOPS per server, instance labels matched to inventory names', async () => {
    const source = new PrometheusMonitoringSource({
      ...settings(prom.url),
      window: { from: '2024-01-01T01:00:00Z', to: '2024-01-02T00:00:00Z' },
      serverLabel: 'instance',
      metrics: undefined,
    });
    const answer = await source.statistics({ percentiles: [], servers: ['vpn', 'web'] });
    const got = answer.servers.map((u) => [
      u.server,
      u.samples,
      ...METRICS.map((m) => Math.round(u.metrics[m as 'cpuPct']!.avg * 1e6) / 1e6),
      ...METRICS.map((m) => Math.round(u.metrics[m as 'cpuPct']!.percentiles.p95! * 1e6) / 1e6),
    ]);
    // 23 hours of 5-minute steps; the rates are constant, so avg = p95.
    assert.deepEqual(got, [
      ['vpn', 276, 25, 2048, 40, 1.5, 150, 25, 2048, 40, 1.5, 150],
      ['web', 276, 50, 4096, 50, 2, 30, 50, 4096, 50, 2, 30],
    ]);
  });
});
