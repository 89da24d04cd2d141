import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook } from '../../src/report/index.ts';
import { documentDate } from '../../src/report/workbook.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';
import { HOSTILE, troubledPlan } from './fixtures/troubled-plan.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

test('the same plan gives a byte-identical workbook, even a second later', async () => {
  const a = await buildWorkbook(aseguradoraPlan());
  await new Promise((r) => setTimeout(r, 1100));
  const b = await buildWorkbook(aseguradoraPlan());
  assert.ok(a.length > 5000);
  assert.ok(Buffer.from(a).equals(Buffer.from(b)));
});

test('document and zip dates come from the plan, not the clock', async () => {
  const plan = aseguradoraPlan();
  assert.equal(documentDate(plan).toISOString(), '2010-03-14T23:55:00.000Z');
  const zip = await JSZip.loadAsync(await buildWorkbook(plan));
  const core = await zip.file('docProps/core.xml')!.async('string');
  assert.match(core, /2010-03-14T23:55:00Z/);
  for (const f of Object.values(zip.files)) assert.equal(f.date.toISOString(), '2010-03-14T23:55:00.000Z', f.name);
});

test('the workbook has the planned sheets and figures', async () => {
  const wb = await load(await buildWorkbook(aseguradoraPlan()));
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    [
      'Summary',
      'Assumptions',
      'Inventory',
      'Utilization',
      'Sizing',
      'Hosts',
      'Placement',
      'Failover',
      'Exclusions',
      'Cost',
    ],
  );
  const summary = wb.getWorksheet('Summary')!;
  assert.equal(summary.getCell('A4').value, 'Total');
  assert.equal(summary.getCell('B4').value, 10);
  const hosts = wb.getWorksheet('Hosts')!;
  assert.equal(hosts.getCell('O4').value, 24576);
  assert.equal(hosts.getCell('P4').value, 49152);
  assert.equal(summary.views[0]?.state, 'frozen');
});

test('the workbook asks for a full recalculation on load', async () => {
  const zip = await JSZip.loadAsync(await buildWorkbook(aseguradoraPlan()));
  assert.match(await zip.file('xl/workbook.xml')!.async('string'), /<calcPr[^>]*fullCalcOnLoad="1"/);
});

test('loads are formatted against the ceilings on Assumptions; print setup and properties are set', async () => {
  const bytes = await buildWorkbook(aseguradoraPlan());
  const zip = await JSZip.loadAsync(bytes);
  const wb = await load(bytes);
  const sheetXml = async (name: string) =>
    zip.file(`xl/worksheets/sheet${wb.worksheets.findIndex((w) => w.name === name) + 1}.xml`)!.async('string');
  const placement = await sheetXml('Placement');
  assert.match(
    placement,
    /<conditionalFormatting sqref="E\d+:E\d+">.*<formula>E\d+&gt;Assumptions!\$C\$\d+<\/formula>/s,
  );
  assert.match(await sheetXml('Failover'), /<conditionalFormatting/);
  assert.match(placement, /<pageSetup[^>]*orientation="landscape"[^>]*fitToHeight="0"/);
  assert.match(placement, /<autoFilter ref="A3:I\d+"/);
  assert.equal(wb.title, 'Consolidación de servidores');
  assert.equal(wb.creator, 'capplan');
});

test('hostile client strings are written as text cells, never formulas', async () => {
  const wb = await load(await buildWorkbook(troubledPlan()));
  const seen = new Set<string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') seen.add(cell.value);
        if (cell.type === ExcelJS.ValueType.Formula) {
          const f = (cell.value as { formula: string }).formula;
          assert.ok(!/HYPERLINK|SUM\(A1/i.test(f), `client text became a formula: ${f}`);
        }
      }),
    ),
  );
  for (const s of [HOSTILE.formula, HOSTILE.plus, HOSTILE.minus, HOSTILE.at])
    assert.ok(seen.has(s), `${s} kept as text`);
});
