// The what-if does not lie: after an edit on Assumptions, recalculated by LibreOffice, every
// sheet that depends on the edited cells either follows (Sizing, Cost) or says on its note
// row, in the report's language, that it shows the plan as computed and to run capplan plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/report/index.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { toolSkip } from '../helpers/env.ts';
import { pricedPlan } from './fixtures/priced-plan.ts';
import { tableRows, xlsxToCsv } from './helpers/libreoffice.ts';

const skip = toolSkip('soffice');

for (const [language, t] of [
  ['en', en],
  ['es', es],
] as const) {
  test(`an Assumptions edit: Cost follows, the placed sheets say they are the plan (${language})`, {
    skip,
  }, async () => {
    const plan = pricedPlan(language);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildWorkbook(plan)) as unknown as ExcelJS.Buffer);
    const edits: Record<string, number> = {
      redundancy: 2,
      cpuCeilingPct: 50,
      swapOvercommit: 1,
      'cost.hardware.pricePerHost': 150_000,
      'cost.power.pue': 2,
      'cost.horizonYears': 5,
    };
    let edited = 0;
    wb.getWorksheet(t.sheet.assumptions)!.eachRow((row) => {
      const key = String(row.getCell(2).value);
      if (key in edits) {
        row.getCell(3).value = edits[key]!;
        edited++;
      }
    });
    assert.equal(edited, Object.keys(edits).length);
    wb.calcProperties = { fullCalcOnLoad: true };
    const sheets = xlsxToCsv(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    // Sheets whose figures come from the placement: the note row says so, and names capplan plan.
    const notes: [string, string][] = [
      [t.sheet.summary, t.asComputed],
      [t.sheet.hosts, t.asComputed],
      [t.sheet.placement, t.placement.asComputed],
      [t.sheet.failover, t.placement.asComputed],
      [t.sheet.cost, t.placement.asComputed],
    ];
    for (const [sheet, note] of notes) {
      const row2 = sheets[sheet]?.[1]?.[0] ?? '';
      assert.ok(row2.includes(note), `${sheet}: row 2 "${row2}" lacks the note`);
      assert.match(note, /capplan plan/);
    }
    // Cost recalculated with the edited cells (method §15), from the same host count.
    const cost = new Map(tableRows(sheets[t.sheet.cost]!).map((r) => [r[t.col.item], r]));
    const over = (label: string) => Number(cost.get(label)![t.cost.overHorizon]);
    const perYear = (label: string) => Number(cost.get(label)![t.cost.perYear]);
    assert.equal(over(t.cost.line.hardware), 2 * 150_000);
    assert.equal(perYear(t.cost.line.support), 0.1 * 2 * 150_000);
    const u = plan.tco!.power.hostCpuPct.reduce((s, v) => s + v / 100, 0);
    const kwh = ((2 * 100 + 200 * u) * 2 * 8760) / 1000;
    assert.ok(Math.abs(perYear(t.cost.line.power) - kwh * 2) < 1e-6);
    assert.ok(Math.abs(over(t.cost.line.power) - kwh * 2 * 5) < 1e-6);
    const opex = 2 * 2 * 1000 + 0.1 * 2 * 150_000 + kwh * 2 + 2 * 2 * 500;
    assert.ok(Math.abs(over(t.cost.total.overHorizon) - (2 * 150_000 + 5 * opex)) < 1e-6);
    // The plan's figure differs: the recalculation is real.
    assert.notEqual(over(t.cost.total.overHorizon), plan.tco!.totals.overHorizon);
  });
}

test('Assumptions validation: statistic lists hold the Utilisation columns, factors numeric ranges', async () => {
  const plan = pricedPlan('en');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildWorkbook(plan)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Assumptions')!;
  const byKey = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) => {
    byKey.set(String(row.getCell(2).value), row.getCell(3));
  });
  const stat = byKey.get('statistic.cpu')!.dataValidation;
  assert.equal(stat.type, 'list');
  const header = (wb.getWorksheet('Utilisation')!.getRow(3).values as unknown[]).map(String);
  for (const s of String(stat.formulae[0]).replace(/"/g, '').split(','))
    assert.ok(
      header.some((h) => h.startsWith(`CPU % ${s}`)),
      `statistic ${s} has no Utilisation column`,
    );
  const pue = byKey.get('cost.power.pue')!.dataValidation;
  assert.deepEqual([pue.type, pue.operator, pue.formulae, pue.allowBlank], ['decimal', 'between', [1, 5], true]);
  const years = byKey.get('cost.horizonYears')!.dataValidation;
  assert.deepEqual([years.type, years.formulae], ['whole', [1, 50]]);
  assert.equal(byKey.get('cost.hardware.pricePerHost')!.value, 100_000);
});
