// CPU demand given in MHz is sized from the MHz (method §3.7): a long CSV with `cpu_mhz` alone,
// and an Aria Operations export with CPU|Demand (MHz) but no provisioned capacity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import ExcelJS from 'exceljs';
import { buildWorkbook, renderMarkdown } from '../../src/report/index.ts';
import { renderMetricsSummaryCsv } from '../../src/ingest/output/metrics-summary.ts';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-mhz-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const INVENTORY =
  'name,os,os_bits,sockets,cores_per_socket,cpu_ghz,memory_mb,disk_gb,nics\n' +
  'app01,Red Hat Enterprise Linux 8,64,1,4,2.5,8192,100,1\n' +
  'db01,Red Hat Enterprise Linux 8,64,2,4,2.0,16384,200,1\n' +
  'web01,Red Hat Enterprise Linux 8,64,1,2,,4096,50,1\n';

/** Four 5-minute samples per server: app01 2,000–4,000 MHz (avg 3,000), db01 avg 7,000, web01 avg 2,500. */
function longCsv(): string {
  const mhz: Record<string, number[]> = {
    app01: [2000, 3000, 4000, 3000],
    db01: [6000, 8000, 7000, 7000],
    web01: [2500, 2500, 2000, 3000],
  };
  const rows = ['timestamp,server,cpu_mhz,memory_used_mb,disk_used_gb'];
  for (let i = 0; i < 4; i++)
    for (const [server, values] of Object.entries(mhz))
      rows.push(`2026-07-21T00:${String(5 * i).padStart(2, '0')}:00Z,${server},${values[i]},2048,40`);
  return `${rows.join('\n')}\n`;
}

test('long CSV with cpu_mhz only: vCPU = ⌈avg MHz / MHz per core⌉', async () => {
  const dir = project({
    'capplan.yaml': 'project: mhz\ninputs:\n  inventory: inventory.csv\n  monitoring: monitoring.csv\n',
    'inventory.csv': INVENTORY,
    'monitoring.csv': longCsv(),
  });
  const { inputs } = await readProjectInputs(dir);
  const plan = await assemblePlan(inputs);
  // app01 ⌈3,000 / 2,500⌉ = 2 (its own clock); db01 ⌈7,000 / 2,000⌉ = 4; web01 has no clock:
  // the target's, the slowest source (2.0 GHz), ⌈2,500 / 2,000⌉ = 2.
  assert.deepEqual(
    plan.vms.map((v) => [v.sourceServer, v.vcpu, v.sizing.cpu?.unit, v.sizing.cpu?.measured, v.status]),
    [
      ['app01', 2, 'MHz', 3000, 'placed'],
      ['db01', 4, 'MHz', 7000, 'placed'],
      ['web01', 2, 'MHz', 2500, 'placed'],
    ],
  );
  assert.equal(
    plan.vms.find((v) => v.sourceServer === 'web01')?.sizing.cpu?.formula,
    '⌈2500 MHz / 2000 MHz per core (target host)⌉ = ⌈1.25⌉ = 2',
  );
  const server = plan.servers.find((s) => s.name === 'db01')!;
  assert.deepEqual(server.usage?.quality?.missingMetrics, ['networkMBps']);
  // The report shows CPU MHz because a server has it.
  const { markdown } = renderMarkdown(plan);
  assert.match(markdown, /\| Average CPU MHz \|/);
  const summary = renderMetricsSummaryCsv([server.usage!], new Map(), [95]);
  assert.match(summary.split('\n')[0]!, /,cpu_mhz_avg,/);
  // The workbook: a CPU MHz column on Utilisation; on Sizing, vCPU = ⌈demand MHz / MHz per core⌉ live.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(plan)) as unknown as ArrayBuffer);
  const util = wb.getWorksheet('Utilisation')!;
  const headers = (util.getRow(3).values as unknown[]).map(String);
  assert.ok(headers.includes('CPU MHz avg'), headers.join(' | '));
  const sizing = wb.getWorksheet('Sizing')!;
  let row = 0;
  sizing.eachRow((r, n) => {
    if (r.getCell(3).value === 'db01') row = n;
  });
  assert.ok(row > 0);
  assert.equal(sizing.getCell(`G${row}`).value, 2000);
  const vcpu = sizing.getCell(`I${row}`).value as { formula: string; result: number };
  assert.match(vcpu.formula, new RegExp(`^MAX\\(.+,CEILING\\(H${row}/G${row}-1E-9,1\\)\\)$`));
  assert.equal(vcpu.result, 4);
});

test('long CSV header synonyms: CPU (MHz), Uso CPU MHz, CPU GHz and MHz are cpu_mhz', async () => {
  for (const [header, factor] of [
    ['CPU (MHz)', 1],
    ['Uso CPU MHz', 1],
    ['MHz', 1],
    ['CPU GHz', 1000],
  ] as const) {
    const rows = [`Fecha;Servidor;${header}`, '21/07/2026 00:00;app01;3', '21/07/2026 00:05;app01;5'];
    const dir = project({
      'capplan.yaml':
        'project: mhz\ninputs:\n  inventory: inventory.csv\n  monitoring: monitoring.csv\n  timezone: UTC\n',
      'inventory.csv': INVENTORY,
      'monitoring.csv': `${rows.join('\n')}\n`,
    });
    const { inputs } = await readProjectInputs(dir);
    assert.equal(inputs.usage.get('app01')?.metrics.cpuMhz?.avg, 4 * factor, header);
    assert.equal(inputs.usage.get('app01')?.metrics.cpuPct, undefined, header);
  }
});

test('wide CSV: cpu_mhz and server:cpuMhz columns are CPU MHz', async () => {
  const dir = project({
    'app01.csv': 'timestamp,cpu_mhz,memory_used_mb\n2026-07-21T00:00:00Z,2600,6144\n2026-07-21T00:05:00Z,3000,6144\n',
    'all.csv': 'timestamp,db01:cpuMhz,web01:cpuMhz\n2026-07-21T00:00:00Z,1000,500\n2026-07-21T00:05:00Z,3000,700\n',
  });
  const r = await readMonitoring([path.join(dir, 'app01.csv'), path.join(dir, 'all.csv')], { percentiles: [] });
  assert.deepEqual(
    r.servers.map((u) => [u.server, u.metrics.cpuMhz?.avg, u.metrics.cpuPct]),
    [
      ['app01', 2800, undefined],
      ['db01', 2000, undefined],
      ['web01', 600, undefined],
    ],
  );
});

test('Aria Operations export without the capacity column: CPU sized from CPU|Demand (MHz)', async () => {
  const vrops =
    '"Name","Time","CPU|Demand (MHz)","CPU|Provisioned vCPU(s)","Memory|Consumed (KB)",' +
    '"Memory|Provisioned Memory (KB)"\n' +
    '"app01","12:00 AM 21 July 2026","3,900","4","4,194,304","8,388,608"\n' +
    '"","12:05 AM 21 July 2026","6,500","4","4,194,304","8,388,608"\n' +
    '"db01","12:00 AM 21 July 2026","1,000","2","2,097,152","4,194,304"\n' +
    '"","12:05 AM 21 July 2026","1,600","2","2,097,152","4,194,304"\n';
  const dir = project({
    'capplan.yaml':
      'project: vrops\ninputs:\n  monitoring: vms.csv\n  timezone: UTC\nsizing:\n  statistic: { cpu: max }\n' +
      'cluster:\n  minCpuGhz: 2.6\n',
    'vms.csv': vrops,
  });
  const { inputs } = await readProjectInputs(dir);
  assert.ok(inputs.findings?.some((f) => f.code === 'cpu-mhz-without-capacity' && f.severity === 'info'));
  const plan = await assemblePlan(inputs);
  // No clock in the export: the target's 2.6 GHz. app01 max 6,500 MHz → ⌈2.5⌉ = 3; db01 max 1,600 → 1.
  assert.deepEqual(
    plan.vms.map((v) => [v.sourceServer, v.vcpu, v.status]),
    [
      ['app01', 3, 'placed'],
      ['db01', 1, 'placed'],
    ],
  );
});
