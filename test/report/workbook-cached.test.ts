// Every formula of plan.xlsx carries the engine's figure as its cached result: a viewer that
// does not calculate (Excel's Protected View, previewers, data tools) reads the same numbers
// as plan.json, and LibreOffice recalculating the workbook from scratch gets them again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook } from '../../src/report/index.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { toolSkip } from '../helpers/env.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';
import { troubledPlan } from './fixtures/troubled-plan.ts';
import { xlsxToCsv } from './helpers/libreoffice.ts';
import { pricedPlan } from './fixtures/priced-plan.ts';
import { en } from '../../src/report/messages/en.ts';

interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  cached: unknown;
}

async function formulaCells(bytes: Uint8Array): Promise<FormulaCell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const cells: FormulaCell[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        // cell.result, not cell.value.result: exceljs's value getter drops a result of 0 or false.
        cells.push({ sheet: ws.name, row: r, col: c, formula: cell.formula, cached: cell.result });
      }),
    ),
  );
  return cells;
}

/** Data rows of a sheet (header on row 3) keyed by header, with each cell's cached value. */
async function cachedTable(bytes: Uint8Array, sheet: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = header.map((_, i) => {
      const cell = ws.getCell(r, i + 1);
      return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    });
    if (values.every((v) => v === null || v === undefined)) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
  }
  return rows;
}

test('every formula cell of the xlsx carries a cached <v> (read without calculating)', async () => {
  for (const plan of [realAseguradoraPlan(), troubledPlan()]) {
    const zip = await JSZip.loadAsync(await buildWorkbook(plan));
    let formulas = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      for (const c of xml.match(/<c [^>]*>(?:(?!<\/c>).)*<\/c>/gs) ?? []) {
        if (!c.includes('<f>')) continue;
        formulas++;
        assert.match(c, /<\/f><v>[^<]+<\/v>/, `${name}: a formula without a cached value: ${c}`);
      }
    }
    assert.ok(formulas >= 148, `only ${formulas} formulas`);
  }
});

test("the cached Sizing and Cost values are plan.json's figures", async () => {
  const plan: Plan = realAseguradoraPlan('en');
  const bytes = await buildWorkbook(plan);
  const sizing = await cachedTable(bytes, 'Sizing');
  assert.equal(sizing.length, plan.vms.length);
  plan.vms.forEach((vm, i) => {
    const r = sizing[i]!;
    assert.equal(r.VM, vm.name);
    assert.deepEqual([r.vCPU, r['Memory GB'], r['Disk GB']], [vm.vcpu, vm.memoryGb, vm.diskGb], vm.name);
    assert.equal(r['CPU % measured'], vm.sizing.cpu!.measured, vm.name);
    assert.equal(r['Memory MB demand'], vm.sizing.memory!.demand, vm.name);
    assert.equal(r['Formula = plan'], true, vm.name);
  });
});

test("the cached Cost values are plan.json's tco, and 'not priced' where it has no figure", async () => {
  for (const plan of [pricedPlan('en'), realAseguradoraPlan('en')]) {
    const tco = plan.tco!;
    const cost = new Map((await cachedTable(await buildWorkbook(plan), 'Cost')).map((r) => [r.Item, r]));
    for (const l of tco.lines) {
      const r = cost.get(en.cost.line[l.key])!;
      assert.equal(r['Over the horizon'], l.overHorizon ?? 'not priced', l.key);
      if (l.kind !== 'capex') assert.equal(r['Per year'], l.perYear ?? 'not priced', l.key);
    }
    const total = cost.get(en.cost.total.overHorizon)!['Over the horizon'];
    assert.equal(total, tco.totals.overHorizon ?? 'not priced');
    assert.equal(cost.get(en.cost.total.net)!['Over the horizon'], tco.totals.net ?? 'not priced');
    assert.equal(cost.get(en.cost.fact.hosts)!['Per year'], 2);
  }
});

const skip = toolSkip('soffice');

/** LibreOffice's CSV of a sheet holds raw values: numbers as written, booleans TRUE/FALSE. */
function same(cached: unknown, shown: string): boolean {
  if (typeof cached === 'boolean') return shown === (cached ? 'TRUE' : 'FALSE');
  if (typeof cached === 'number') return Math.abs(Number(shown) - cached) <= 1e-9 * Math.max(1, Math.abs(cached));
  return shown === String(cached);
}

for (const [name, make] of [
  ['worked example', realAseguradoraPlan],
  ['troubled plan', troubledPlan],
  ['priced plan', () => pricedPlan('es')],
] as const) {
  test(`LibreOffice recalculating every formula gets the cached values (${name})`, { skip }, async () => {
    const bytes = await buildWorkbook(make());
    const cells = await formulaCells(bytes);
    for (const mode of ['always', 'never'] as const) {
      const sheets = xlsxToCsv(bytes, { recalc: mode });
      for (const c of cells) {
        const shown = sheets[c.sheet]?.[c.row - 1]?.[c.col - 1] ?? '';
        assert.ok(
          same(c.cached, shown),
          `${mode}: ${c.sheet}!R${c.row}C${c.col} =${c.formula}: ${shown} ≠ ${c.cached}`,
        );
      }
    }
  });
}
