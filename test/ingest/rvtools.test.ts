import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { readRvToolsCsvFiles, readRvToolsXlsx } from '../../src/ingest/rvtools/tables.ts';
import { rvToolsInventory } from '../../src/ingest/rvtools/rvtools.ts';
import { sharedFile, sharedSkip } from '../helpers/env.ts';

const KUBEV2V = 'samples/rvtools/kubev2v_example1.xlsx';
const NUTANIX = 'samples/rvtools/nutanix_workshop_SizingWorkshop-RVTools.xlsx';

test('RVTools 4.x sample (kubev2v): 9 VMs, joins on VM ID, vHost CPU model and MHz', {
  skip: sharedSkip(KUBEV2V),
}, async () => {
  const r = rvToolsInventory(await readRvToolsXlsx(sharedFile(KUBEV2V)!));
  assert.deepEqual(r.tabs, ['vInfo', 'vCPU', 'vMemory', 'vDisk', 'vPartition', 'vHost']);
  assert.equal(r.servers.length, 9);
  assert.deepEqual(r.excluded, []);
  const vm8 = r.servers.find((s) => s.name === 'vm-8')!;
  assert.deepEqual([vm8.sockets! * vm8.coresPerSocket!, vm8.memoryMb, vm8.diskGb, vm8.osBits], [13, 40960, 200, 64]);
  assert.equal(vm8.os, 'Red Hat Enterprise Linux 8 (64-bit)');
  assert.equal(r.servers.find((s) => s.name === 'vm-2')?.osBits, 32);
  assert.equal(r.hosts.length, 7);
  assert.deepEqual(
    { ...r.hosts[0] },
    {
      name: '10.17.135.71',
      vcenter: null,
      cpuModel: 'Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz',
      cpuMhz: 2295,
      sockets: 2,
      coresPerSocket: 16,
      memoryMb: 261797,
    },
  );
  assert.equal(r.extras.find((e) => e.name === 'vm-1')?.vmId, 'vm-89952');
});

test('RVTools 3.x trimmed sample (Nutanix): 805 rows, 10 templates excluded, MB headers, used disk from vPartition', {
  skip: sharedSkip(NUTANIX),
}, async () => {
  const r = rvToolsInventory(await readRvToolsXlsx(sharedFile(NUTANIX)!));
  assert.deepEqual(r.tabs, ['vInfo', 'vPartition', 'vHost']);
  assert.equal(r.servers.length + r.excluded.length, 805);
  assert.equal(r.excluded.filter((e) => e.reason === 'template').length, 10);
  const wadfs1 = r.servers.find((s) => s.name === 'wadfs1')!;
  // 86201 MB provisioned
  assert.deepEqual([wadfs1.sockets, wadfs1.coresPerSocket, wadfs1.memoryMb, wadfs1.diskGb], [1, 1, 4096, 84.18]);
  assert.deepEqual(
    r.extras.find((e) => e.name === 'wadfs1'),
    {
      name: 'wadfs1',
      vcenter: null,
      vmId: null,
      powerstate: 'poweredOn',
      host: 'bovmsp-04.customer.com',
      cluster: 'Cluster1',
      provisionedGb: 84.18,
      diskUsedGb: 40.54,
      diskUsedSource: 'vPartition',
    },
  );
  assert.equal(r.hosts.length, 34);
  assert.equal(r.hosts[0]?.cpuModel, 'Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz');
  assert.equal(r.hosts[0]?.cpuMhz, 2700);
  assert.deepEqual(
    r.findings.filter((f) => f.code === 'rvtools-tab-missing').map((f) => f.message.split(':')[0]),
    ['no vCPU tab', 'no vMemory tab', 'no vDisk tab'],
  );
});

test(
  'RVTools CSV folder: custom-attribute columns, thousands separators, embedded newline, templates/SRM out, VM ' +
    'ID per vCenter, missing tabs',
  async () => {
    const r = rvToolsInventory(await readRvToolsCsvFiles(path.join(import.meta.dirname, 'fixtures/rvtools-csv')));
    assert.deepEqual(r.excluded, [
      { name: 'tmpl-w2k8', reason: 'template' },
      { name: 'dr-app01', reason: 'srm-placeholder' },
    ]);
    assert.equal(r.servers.length, 2);
    const [app, evil] = r.servers;
    assert.deepEqual(app?.origin, {
      kind: 'vm',
      host: 'esx01.local',
      powerState: 'poweredOn',
      recorded: {
        tool: 'RVTools',
        cpuUsedMhz: null,
        cpuMaxMhz: 10800,
        memoryConsumedMb: null,
        memoryActiveMb: null,
        diskUsedGb: 100,
      },
    });
    assert.deepEqual(
      { ...app, source: undefined, origin: undefined },
      {
        name: 'app01',
        vmName: 'app01',
        os: 'Microsoft Windows Server 2008 R2 (64-bit)',
        osBits: 64,
        sockets: 2,
        coresPerSocket: 2,
        cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz',
        cpuGhz: 2.7,
        memoryMb: 16384,
        diskGb: 200,
        nics: 2,
        nicGbps: null,
        application: null,
        specialHardware: [],
        haPriority: 'high',
        vmware: {
          vcenter: 'vc1.local',
          datacenter: 'DC1',
          cluster: 'CL1',
          host: 'esx01.local',
          folder: null,
          firmware: null,
          template: false,
          networks: [],
        },
        source: undefined,
        origin: undefined,
      },
    );
    assert.equal(r.extras[0]?.diskUsedGb, 100);
    assert.equal(r.extras[0]?.diskUsedSource, 'In Use');
    // Same VM ID in another vCenter: its own vCPU row, and esx01 of vc1 is not its host.
    assert.equal(evil?.name, "=cmd|' /C calc'!A0");
    assert.equal(evil?.source.row, 6);
    assert.deepEqual([evil?.sockets, evil?.coresPerSocket, evil?.cpuModel, evil?.osBits], [1, 1, null, 32]);
    assert.deepEqual(
      r.findings.filter((f) => f.code === 'rvtools-tab-missing').map((f) => f.message.split(':')[0]),
      ['no vMemory tab', 'no vDisk tab', 'no vPartition tab'],
    );
  },
);

test('RVTools xlsx written by exceljs: damaged vPartition header falls back to In Use; vUSB marks USB', async () => {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('vInfo');
  info.addRow([
    'VM',
    'Powerstate',
    'Template',
    'CPUs',
    'Memory',
    'NICs',
    'Provisioned MiB',
    'In Use MiB',
    'owner',
    'Host',
  ]);
  info.addRow(['web', 'poweredOn', 'FALSE', 2, 8192, 1, 51200, 10240, 'ops', 'h1']);
  const part = wb.addWorksheet('vPartition');
  part.addRow(['NEXT Data Center', 'Powerstate', 'Disk', 'Consumed MiB', 'Free % ']);
  part.addRow(['web', 'poweredOn', 'C:\\', 999, 1]);
  const usb = wb.addWorksheet('vUSB');
  usb.addRow(['VM', 'Powerstate', 'Device Type']);
  usb.addRow(['web', 'poweredOn', 'SafeNet dongle']);
  const host = wb.addWorksheet('vHost');
  host.addRow(['Host', 'CPU Model', 'Speed']);
  host.addRow(['h1', 'AMD EPYC 7302', 3000]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'capplan-rv-')), 'rv.xlsx');
  await wb.xlsx.writeFile(file);
  const r = rvToolsInventory(await readRvToolsXlsx(file));
  assert.deepEqual(
    [r.servers[0]?.memoryMb, r.servers[0]?.diskGb, r.servers[0]?.cpuGhz, r.servers[0]?.cpuModel],
    [8192, 50, 3, 'AMD EPYC 7302'],
  );
  assert.equal(r.extras[0]?.diskUsedGb, 10);
  assert.deepEqual(r.servers[0]?.specialHardware, ['usb']); // a USB device in vUSB: hard to consolidate (method §4)
  assert.ok(r.findings.some((f) => f.code === 'rvtools-tab-unusable' && f.row === 1));
});

test('readInventory dispatches on the input: inventory CSV, RVTools CSV folder', async () => {
  const { readInventory } = await import('../../src/ingest/read-inventory.ts');
  const csv = await readInventory(path.join(import.meta.dirname, 'fixtures/ingest-basic/inventory.csv'));
  assert.deepEqual([csv.format, csv.servers.length], ['inventory', 3]);
  const rv = await readInventory(path.join(import.meta.dirname, 'fixtures/rvtools-csv'), { poweredOff: 'exclude' });
  // Templates and SRM placeholders stay in, marked by role, so the plan excludes them with a reason.
  assert.deepEqual(
    [rv.format, rv.servers.map((s) => [s.name, s.origin?.role ?? 'workload'])],
    [
      'rvtools-csv',
      [
        ['app01', 'workload'],
        ['tmpl-w2k8', 'template'],
        ['dr-app01', 'srm-placeholder'],
      ],
    ],
  );
});
