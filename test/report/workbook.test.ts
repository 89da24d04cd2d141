import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook } from '../../src/report/index.ts';
import { documentDate } from '../../src/report/workbook.ts';
import { fileURLToPath } from 'node:url';
import { readPlan } from '../../src/domain/plan.ts';
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
      'Cover',
      'Summary',
      'Assumptions',
      'Inventory',
      'Utilisation',
      'Sizing',
      'Hosts',
      'Placement',
      'Failover',
      'Exclusions',
      'Findings',
      'Cost',
      'Method',
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
    /<conditionalFormatting sqref="E\d+:E\d+">.*<formula>E\d+&gt;&apos;Assumptions&apos;!\$C\$\d+<\/formula>/s,
  );
  assert.match(await sheetXml('Failover'), /<conditionalFormatting/);
  assert.match(placement, /<pageSetup[^>]*orientation="landscape"[^>]*fitToHeight="0"/);
  assert.match(placement, /<autoFilter ref="A3:I\d+"/);
  assert.equal(wb.title, 'Consolidación de servidores');
  assert.equal(wb.creator, 'capplan');
  // The client is not the company that prepared the document.
  assert.equal(wb.company, '');
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

test('the Spanish workbook names its sheets in Spanish; properties come from report settings', async () => {
  const plan = aseguradoraPlan();
  plan.settings.report = { language: 'es', preparedBy: 'Consultora SA', date: '2010-04-20', version: '2.1' };
  const wb = await load(await buildWorkbook(plan));
  assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 6), [
    'Portada',
    'Resumen',
    'Supuestos',
    'Inventario',
    'Utilización',
    'Dimensionamiento',
  ]);
  assert.equal(wb.creator, 'Consultora SA');
  assert.equal(wb.company, 'Consultora SA');
  assert.equal(wb.created.toISOString(), '2010-04-20T00:00:00.000Z');
  const cover = wb.getWorksheet('Portada')!;
  const text: string[] = [];
  cover.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
  for (const want of ['Preparado por', 'Consultora SA', '2010-04-20', '2.1', 'Adquirir 2 nodos: derivado'])
    assert.ok(
      text.some((t) => t.includes(want)),
      `${want} on the cover: ${text.join(' | ')}`,
    );
});

test('an empty Exclusions or Findings sheet says so instead of showing an empty grid', async () => {
  const plan = aseguradoraPlan();
  plan.findings = [];
  const wb = await load(await buildWorkbook(plan));
  assert.equal(wb.getWorksheet('Exclusions')!.getCell('A2').value, `None: all ${plan.vms.length} servers were placed.`);
  assert.equal(wb.getWorksheet('Findings')!.getCell('A2').value, 'None: the data is complete for every server.');
});

test('no number format repeats the unit its header or Unit column states', async () => {
  const zip = await JSZip.loadAsync(await buildWorkbook(aseguradoraPlan()));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  assert.doesNotMatch(styles, /formatCode="[^"]*(GB|MB|GHz|%)/);
});

test('the Replay sheet speaks the report language: Spanish headers, windows and scenario names', async () => {
  // The committed worked example: a Spanish report with a replay of its window.
  const plan = await readPlan(fileURLToPath(new URL('../../reports/aseguradora/plan.json', import.meta.url)));
  assert.equal(plan.settings.report.language, 'es');
  assert.ok(plan.replay, 'the worked example replays its window');
  const wb = await load(await buildWorkbook(plan));
  assert.equal(wb.getWorksheet('Replay'), undefined);
  const ws = wb.getWorksheet('Reproducción')!;
  const text: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
  for (const want of ['Reproducción de la demanda medida', 'Ventana', 'CPU: capacidad GHz', 'Red: peor %'])
    assert.ok(text.includes(want), `${want} on the Replay sheet`);
  assert.ok(text.includes('planificación'), 'the window role in Spanish');
  assert.ok(
    text.some((t) => t.startsWith('falla ')),
    'a failure scenario named in Spanish',
  );
  for (const english of ['Window', 'Scenario', 'planning', 'CPU capacity GHz'])
    assert.ok(!text.includes(english), `no English "${english}"`);
});
