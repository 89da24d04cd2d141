// An RVTools export alone (no monitoring) plans (method §3.6): VMs sized from allocation and the
// utilisation RVTools recorded, vCLS agent VMs and templates excluded with a reason, the 85 % rule
// against the target host, and the machines replaced counted from vHost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cliBin, repoRoot, sharedFile, sharedSkip } from '../helpers/env.ts';
import { readPlan, type Plan, type PlanVm } from '../../src/domain/plan.ts';
import { sizeServer } from '../../src/sizing/index.ts';
import { defaultSettings } from '../helpers/settings.ts';
import type { InventoryServer } from '../../src/domain/server.ts';

const fixture = path.join(repoRoot, 'test/plan/fixtures/rvtools-only');

function plan(project: string): { status: number | null; plan: Plan; md: string; out: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-rvtools-only-'));
  const r = spawnSync(process.execPath, [cliBin, 'plan', project, '--out', out], { encoding: 'utf8' });
  assert.notEqual(r.status, 2, r.stderr);
  const json = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')) as Plan;
  return { status: r.status, plan: json, md: readFileSync(path.join(out, 'plan.md'), 'utf8'), out: r.stdout };
}

const vm = (p: Plan, name: string): PlanVm => p.vms.find((v) => v.sourceServer === name)!;

test('an RVTools CSV export alone plans: sized from allocation and recorded utilisation', async () => {
  const { status, plan: p, md } = plan(fixture);
  assert.equal(status, 0);
  // app01: 1300 of 5200 MHz = 25 % of 2 vCPU → ⌈0.5⌉ = 1; 6144 MB consumed × 1.5 → 9 GB; 30 GB in use × 1.5 → 45.
  const app = vm(p, 'app01');
  assert.deepEqual([app.vcpu, app.memoryGb, app.diskGb, app.status], [1, 9, 45, 'placed']);
  assert.deepEqual(app.sizing.basis, {
    kind: 'allocation',
    label: 'allocation — no monitoring (recorded utilisation)',
    recorded: true,
  });
  assert.equal(app.sizing.cpu?.statistic, 'recorded');
  assert.equal(app.sizing.cpu?.measured, 25);
  // db01: 30 % of 8 vCPU → 3; Consumed 33100 MB is above the 32768 configured: capped, × 1.5 = 48 GB.
  assert.deepEqual([vm(p, 'db01').vcpu, vm(p, 'db01').memoryGb], [3, 48]);
  assert.match(vm(p, 'db01').sizing.memory!.formula, /capped at the 32768 MB configured/);
  // old01 is powered off: its recorded 0 MHz / 0 MB say nothing, so its allocation stands (4 vCPU, 16 GB).
  const old = vm(p, 'old01');
  assert.deepEqual(
    [old.vcpu, old.memoryGb, old.sizing.cpu?.statistic, old.sizing.memory?.statistic],
    [4, 16, 'allocated', 'allocated'],
  );
  // busy01 runs its 2 vCPU at 100 %: 2 busy cores, far below 85 % of a 64-core host — placed.
  assert.equal(vm(p, 'busy01').status, 'placed');
  assert.equal(vm(p, 'busy01').vcpu, 2);
  // vCLS and the template are excluded as not migratable, each with its kind.
  const vcls = vm(p, 'vCLS-5a1f2e3d-aa11-4c7e-9a50-0d9a1b2c3d4e');
  assert.equal(vcls.status, 'excluded');
  assert.deepEqual(
    vcls.reasons.map((r) => [r.code, r.figures?.kind]),
    [['not-migratable', 'vsphere-agent']],
  );
  assert.deepEqual(
    vm(p, 'tpl-w2019').reasons.map((r) => [r.code, r.figures?.kind]),
    [['not-migratable', 'template']],
  );
  // Source hosts from vHost: 3 ESXi hosts → 2 KVM hosts.
  assert.deepEqual(
    p.sourceHosts?.map((h) => [h.name, h.cores, h.cpuMhz]),
    [
      ['esx01.corp.example', 24, 2600],
      ['esx02.corp.example', 24, 2600],
      ['esx03.corp.example', 24, 2600],
    ],
  );
  assert.equal(p.hosts.length, 2);
  assert.match(md, /1 machines saved \(3 source hosts in vHost → 2\)/);
  assert.match(md, /\| app01 +\| app01 +\| placed +\| allocation — no monitoring \(recorded utilisation\) \|/);
  assert.match(md, /excluded \(not migratable to KVM\)/);
  // The plan reads back through the one reader (schema of sizing.basis and sourceHosts).
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-plan-'));
  writeFileSync(path.join(out, 'plan.json'), JSON.stringify(p));
  assert.equal((await readPlan(path.join(out, 'plan.json'))).vms.length, 6);
});

test('allocation.poweredOff: exclude leaves powered-off VMs out with a reason', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-rvtools-off-'));
  writeFileSync(
    path.join(dir, 'capplan.yaml'),
    `project: off\ninputs:\n  inventory: ${path.join(fixture, 'export')}\nallocation:\n  poweredOff: exclude\n`,
  );
  const { plan: p } = plan(dir);
  assert.deepEqual(
    vm(p, 'old01').reasons.map((r) => r.code),
    ['powered-off'],
  );
});

test('a single RVTools vInfo CSV (prefixed command-line headers) is an inventory by its header', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-rvtools-one-'));
  const tab = path.join(fixture, 'export/vinfo-2026-07-21.csv');
  writeFileSync(path.join(dir, 'capplan.yaml'), `project: one\ninputs:\n  inventory: ${tab}\n`);
  const { plan: p } = plan(dir);
  // Without the vCPU and vMemory tabs nothing was recorded for CPU and memory: allocation (8 vCPU, 32 GB).
  const db = vm(p, 'db01');
  assert.deepEqual([db.vcpu, db.memoryGb, db.sizing.cpu?.statistic], [8, 32, 'allocated']);
  assert.equal(db.diskGb, 445);
  assert.equal(vm(p, 'vCLS-5a1f2e3d-aa11-4c7e-9a50-0d9a1b2c3d4e').status, 'excluded');
});

test('RVTools 4.x workbook alone (kubev2v sample) plans from allocation and recorded utilisation', {
  skip: sharedSkip('samples/rvtools/kubev2v_example1.xlsx'),
}, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-kubev2v-'));
  const xlsx = sharedFile('samples/rvtools/kubev2v_example1.xlsx')!;
  writeFileSync(path.join(dir, 'capplan.yaml'), `project: kubev2v\ninputs:\n  inventory: ${xlsx}\n`);
  const { status, plan: p, md } = plan(dir);
  assert.equal(status, 0);
  // vm-3 (running): vCPU Overall 91 of Max 9180 MHz = 0.99 % of 3 vCPU → 1; vMemory Consumed 3103 MB × 1.5 → 5 GB.
  const v3 = vm(p, 'vm-3');
  assert.deepEqual([v3.vcpu, v3.memoryGb, v3.status], [1, 5, 'placed']);
  assert.ok(Math.abs(v3.sizing.cpu!.measured - (91 / 9180) * 100) < 1e-9);
  // vm-8: 3304 of 36720 MHz = 9 % of 13 vCPU → ⌈1.17⌉ = 2; Consumed 41136 MB capped at 40960 × 1.5 = 60 GB.
  assert.deepEqual([vm(p, 'vm-8').vcpu, vm(p, 'vm-8').memoryGb], [2, 60]);
  // vm-4 is powered off: allocated 8 vCPU and 16 GB (vMemory Size 16384 MB).
  assert.deepEqual([vm(p, 'vm-4').vcpu, vm(p, 'vm-4').memoryGb], [8, 16]);
  // vm-9's vInfo row is blank: missing inventory data, with the row.
  assert.equal(vm(p, 'vm-9').reasons[0]?.code, 'missing-inventory-data');
  assert.equal(p.sourceHosts?.length, 7);
  assert.equal(p.hosts.length, 2);
  assert.match(md, /5 machines saved \(7 source hosts in vHost → 2\)/);
});

test('the 85 % rule measures a VM against the target host, a physical server against its own hardware', () => {
  const settings = defaultSettings();
  const base: InventoryServer = {
    name: 'web',
    vmName: 'web',
    os: 'Linux (64-bit)',
    osBits: 64,
    sockets: 1,
    coresPerSocket: 2,
    cpuModel: null,
    cpuGhz: 2.6,
    memoryMb: 4096,
    diskGb: 40,
    nics: 1,
    nicGbps: null,
    application: null,
    specialHardware: [],
    haPriority: 'medium',
    source: { file: 'x', row: 2 },
  };
  const usage = {
    server: 'web',
    samples: 10,
    firstTimestamp: '2026-07-01T00:00:00Z',
    lastTimestamp: '2026-07-02T00:00:00Z',
    metrics: {
      cpuPct: { samples: 10, avg: 95, min: 90, max: 99, percentiles: {} },
      memoryUsedMb: { samples: 10, avg: 2000, min: 1900, max: 2100, percentiles: {} },
    },
  };
  const physical = sizeServer(base, usage, settings);
  assert.deepEqual(
    physical.vm.reasons.map((r) => r.code),
    ['source-utilisation-above-threshold'],
  );
  const asVm = { ...base, origin: { kind: 'vm' as const, host: null, powerState: 'poweredOn' } };
  assert.equal(sizeServer(asVm, usage, settings).excluded, false);
  // 60 vCPU at 95 % = 57 busy cores > 85 % of the largest standard host (64 cores → 54.4).
  const big = sizeServer({ ...asVm, coresPerSocket: 60 }, usage, settings);
  const share = big.vm.reasons.find((r) => r.code === 'source-utilisation-above-threshold')!;
  assert.equal(share.figures?.busyCores, 57);
  assert.equal(share.figures?.hostCores, 64);
});
