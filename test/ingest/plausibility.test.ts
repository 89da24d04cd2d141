// Plausibility findings (method §9.2): impossible figures are reported with the numbers and a unit hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { plausibilityFindings } from '../../src/quality/plausibility.ts';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import type { InventoryServer, MetricName, ServerUsage } from '../../src/domain/server.ts';
import { repoRoot } from '../helpers/env.ts';

const server: InventoryServer = {
  name: 's1',
  vmName: 's1',
  os: 'Linux',
  osBits: 64,
  sockets: 1,
  coresPerSocket: 4,
  cpuModel: null,
  cpuGhz: 2,
  memoryMb: 4096,
  diskGb: 100,
  nics: 2,
  nicGbps: 1,
  application: null,
  specialHardware: [],
  haPriority: 'medium',
  source: { file: 'inventory.csv', row: 2 },
};

const usageWith = (metric: MetricName, avg: number, max: number): ServerUsage => ({
  server: 's1',
  samples: 10,
  firstTimestamp: '2026-07-01T00:00:00Z',
  lastTimestamp: '2026-07-02T00:00:00Z',
  metrics: { [metric]: { samples: 10, avg, min: 0, max, percentiles: {} } },
});

const CASES: [string, MetricName, number, number, string | null, RegExp | null][] = [
  ['CPU within 100 %', 'cpuPct', 50, 100, null, null],
  ['CPU above 100 %', 'cpuPct', 120, 380, 'implausible-cpu', /CPU max 380 % is above 100 %.*per-core sum/],
  // A VM above its provisioned MHz (Bitbrains VM 41: up to 106.36 %) is measured demand: an info, no warning.
  ['CPU above capacity (turbo)', 'cpuPct', 60, 104.97, 'cpu-above-capacity', /104\.97 % .*turbo.*sized as measured/],
  ['CPU just past turbo', 'cpuPct', 60, 151, 'implausible-cpu', /per-core sum/],
  ['memory within installed', 'memoryUsedMb', 3000, 4096, null, null],
  ['memory in KB', 'memoryUsedMb', 3e6, 4e6, 'implausible-memory', /4000000 MB is above the 4096 MB.*KB/],
  ['network within 2 × 1 Gbps', 'networkMBps', 200, 230, null, null],
  // 2 × 1 Gbps = 2 × 10^9 / 8 / 2^20 = 238.42 MB/s; 605.28 / 8 = 75.66 fits: Mbit/s.
  [
    'network in Mbit/s',
    'networkMBps',
    605.28,
    900,
    'implausible-network',
    /605\.28 MB\/s exceeds .*2 × 1 Gbps = 238\.42 MB\/s.*inputs\.units\.network: Mbps/,
  ],
  ['network in KB/s', 'networkMBps', 50000, 60000, 'implausible-network', /KB\/s/],
  ['disk in MB', 'diskUsedGb', 50000, 60000, 'implausible-disk', /60000 GB is above the 100 GB.*MB/],
  ['IOPS in bytes', 'iops', 5e6, 9e6, 'implausible-iops', /IOPS max 9000000/],
];

for (const [name, metric, avg, max, code, message] of CASES) {
  test(`plausibility: ${name}`, () => {
    const found = plausibilityFindings([server], new Map([['s1', usageWith(metric, avg, max)]]));
    assert.deepEqual(
      found.map((f) => f.code),
      code ? [code] : [],
    );
    if (message) assert.match(found[0]!.message, message);
  });
}

test("the worked example: every server's network exceeds its NICs; inputs.units.network converts", async () => {
  const example = path.join(repoRoot, 'fixtures/aseguradora');
  const { inputs } = await readProjectInputs(example);
  const net = (inputs.findings ?? []).filter((f) => f.code === 'implausible-network');
  assert.equal(net.length, 10);
  assert.match(
    net.find((f) => f.server === 'Servidor VPN')!.message,
    /network average 605\.28 MB\/s exceeds the line rate of its NICs, 2 × 1 Gbps = 238\.42 MB\/s; .*Mbps/,
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-units-'));
  const yaml =
    `project: units\ninputs:\n  inventory: ${example}/inventory.csv\n` +
    `  monitoring: ${example}/monitoring.csv\n  units: { network: Mbps }\n`;
  writeFileSync(path.join(dir, 'capplan.yaml'), yaml);
  const mbps = await readProjectInputs(dir);
  assert.deepEqual(
    (mbps.inputs.findings ?? []).filter((f) => f.code === 'implausible-network'),
    [],
  );
  const vpn = mbps.inputs.usage.get('Servidor VPN')!.metrics.networkMBps!;
  assert.ok(Math.abs(vpn.avg - 605.28 / 8) < 0.01, String(vpn.avg));
});

test("capplan ingest reports plausibility too: the example's network exceeds its NICs", async () => {
  const ex = (f: string) => path.join(repoRoot, 'fixtures/aseguradora', f);
  const r = await ingestSources([ex('inventory.csv'), ex('monitoring.csv')]);
  const vpn = r.findings.find((f) => f.code === 'implausible-network' && f.server === 'Servidor VPN');
  assert.match(
    vpn?.message ?? '',
    /network average 605\.28 MB\/s exceeds the line rate of its NICs, 2 × 1 Gbps = 238\.42/,
  );
  assert.equal(r.findings.filter((f) => f.code === 'implausible-network').length, 10);
});
