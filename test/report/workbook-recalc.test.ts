// The workbook recalculated by an independent engine (headless LibreOffice): the Sizing
// formulas must give what plan.json says, and, after the growth cell is edited, what the
// engine's rules give for that growth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/report/index.ts';
import { summaryRows } from '../../src/report/summary.ts';
import { en } from '../../src/report/messages/en.ts';
import type { Plan, PlanVm } from '../../src/domain/plan.ts';
import type { ProjectSettings } from '../../src/domain/project.ts';
import { sizeServer } from '../../src/sizing/index.ts';
import { toolSkip } from '../helpers/env.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';
import { HOSTILE, troubledPlan } from './fixtures/troubled-plan.ts';
import { tableRows, xlsxToCsv } from './helpers/libreoffice.ts';

const skip = toolSkip('soffice');

test('LibreOffice recalculates Sizing to plan.json and Summary matches', { skip }, async () => {
  const plan = realAseguradoraPlan('en');
  const sheets = xlsxToCsv(await buildWorkbook(plan));
  const sizing = tableRows(sheets.Sizing);
  assert.equal(sizing.length, plan.vms.length);
  plan.vms.forEach((vm, i) => {
    const r = sizing[i]!;
    assert.equal(r.VM, vm.name);
    assert.deepEqual(
      [Number(r.vCPU), Number(r['Memory GB']), Number(r['Disk GB'])],
      [vm.vcpu, vm.memoryGb, vm.diskGb],
      vm.name,
    );
    assert.equal(r['Formula = plan'], 'TRUE', vm.name);
  });
  const totals = ['vCPU', 'Memory GB', 'Disk GB'].map((k) => sizing.reduce((s, r) => s + Number(r[k]), 0));
  assert.deepEqual(totals, [16, 31, 675]);
  const summary = tableRows(sheets.Summary);
  summaryRows(plan).forEach((want, i) => {
    const got = summary[i]!;
    assert.equal(got.Group, en.group[want.group]);
    assert.equal(Number(got.Servers), want.servers);
    assert.ok(Math.abs(Number(got['Average CPU %']) - want.cpuPct!) < 1e-9);
    assert.ok(Math.abs(Number(got['Average network MB/s']) - want.networkMBps!) < 1e-9);
  });
});

/** What the engine (src/sizing) sizes a plan's server to under other settings. */
function engineVm(plan: Plan, vm: PlanVm, settings: ProjectSettings) {
  const server = plan.servers.find((x) => x.name === vm.sourceServer)!;
  const { usage, ...inventory } = server;
  return sizeServer({ ...inventory, source: { file: 'inventory.csv', row: 0 } }, usage, settings, plan.hostModel.cpuGhz)
    .vm;
}

test('editing growth on Assumptions recalculates Sizing like the engine', { skip }, async () => {
  const plan = realAseguradoraPlan('en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildWorkbook(plan)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Assumptions')!;
  const growth = { cpu: 0.5, memory: 1.0, disk: 0.2 };
  // The worked example has no prices: every cost cell is blank until the consultant fills it.
  const edits: Record<string, number> = {
    'cost.hardware.pricePerHost': 5000,
    'cost.subscription.perSocketYear': 1000,
    'cost.horizonYears': 3,
    'cost.power.idleWatts': 100,
    'cost.power.maxWatts': 300,
    'cost.power.pue': 1.5,
    'cost.power.pricePerKwh': 0.1,
  };
  ws.eachRow((row) => {
    const key = String(row.getCell(2).value);
    for (const [res, g] of Object.entries(growth)) if (key === `growth.${res}`) row.getCell(3).value = g;
    if (key in edits) row.getCell(3).value = edits[key]!;
  });
  // exceljs does not read calcPr back: ask for the recalculation again, as Excel would do.
  // The formula cells still hold the plan's figures as cached results; LibreOffice is told to
  // recalculate on load (xlsxToCsv's default), as an application does after any edit.
  wb.calcProperties = { fullCalcOnLoad: true };
  const sheets = xlsxToCsv(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const sizing = tableRows(sheets.Sizing);
  const cost = new Map(tableRows(sheets.Cost).map((r) => [r.Item, r]));
  const over = (label: string) => cost.get(label)!['Over the horizon'];
  const c = en.cost;
  assert.equal(Number(over(c.line.hardware)), 2 * 5000);
  assert.equal(Number(over(c.line.subscriptions)), 2 * 2 * 1000 * 3);
  // Linear power model at the replayed CPU of each host (method §15.5).
  const u = plan.tco!.power.hostCpuPct.reduce((s, v) => s + v / 100, 0);
  const kwh = ((2 * 100 + 200 * u) * 1.5 * 8760) / 1000;
  assert.ok(Math.abs(Number(over(c.line.power)) - kwh * 0.1 * 3) < 1e-6);
  assert.equal(over(c.line.rack), 'not priced');
  const total = 2 * 5000 + 2 * 2 * 1000 * 3 + kwh * 0.1 * 3;
  assert.ok(Math.abs(Number(over(c.total.overHorizon)) - total) < 1e-6);
  let changed = 0;
  const settings = structuredClone(plan.settings);
  settings.sizing.growth = { ...settings.sizing.growth, ...growth };
  plan.vms.forEach((vm, i) => {
    const want = engineVm(plan, vm, settings);
    const r = sizing[i]!;
    assert.deepEqual(
      [Number(r.vCPU), Number(r['Memory GB']), Number(r['Disk GB'])],
      [want.vcpu, want.memoryGb, want.diskGb],
      vm.name,
    );
    assert.equal(Number(r['Memory GB (plan)']), vm.memoryGb);
    if (want.vcpu !== vm.vcpu || want.memoryGb !== vm.memoryGb || want.diskGb !== vm.diskGb) changed++;
  });
  // The recalculation is real: the plan's values (what a stale cache would show) differ.
  assert.ok(changed >= 5, `only ${changed} VMs changed`);
});

test('hostile client strings stay text after LibreOffice opens the workbook', { skip }, async () => {
  const sheets = xlsxToCsv(await buildWorkbook(troubledPlan()));
  const inventory = tableRows(sheets.Inventory);
  const legado = inventory.find((r) => r.Server === 'Servidor Legado')!;
  assert.equal(legado.Application, HOSTILE.formula);
  assert.equal(legado.VM, HOSTILE.minus);
  const fax = inventory.find((r) => r.VM === HOSTILE.plus)!;
  assert.equal(fax.Server, HOSTILE.markdown);
  assert.equal(fax.Application, HOSTILE.at);
});

test('sorting Inventory and Utilization keeps every VM on its own server (lookups by number)', { skip }, async () => {
  const plan = realAseguradoraPlan('en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildWorkbook(plan)) as unknown as ExcelJS.Buffer);
  for (const name of ['Inventory', 'Utilisation']) {
    const ws = wb.getWorksheet(name)!;
    const first = 4;
    const last = first + plan.servers.length - 1;
    const rows = [];
    for (let r = first; r <= last; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    rows.reverse().forEach((values, i) => {
      values.forEach((v, c) => {
        ws.getCell(first + i, c + 1).value = (v ?? null) as ExcelJS.CellValue;
      });
    });
  }
  const sizing = tableRows(xlsxToCsv(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)).Sizing);
  plan.vms.forEach((vm, i) => {
    const r = sizing[i]!;
    const server = plan.servers.find((s) => s.name === vm.sourceServer)!;
    assert.ok(Math.abs(Number(r['CPU % measured']) - vm.sizing.cpu!.measured) < 1e-9, vm.name);
    assert.equal(Number(r.Cores), server.sockets! * server.coresPerSocket!, vm.name);
    assert.equal(r['Formula = plan'], 'TRUE', vm.name);
  });
});
