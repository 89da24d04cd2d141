// An inventory workbook that is not RVTools: the header row is found by content on any sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readInventory } from '../../src/ingest/read-inventory.ts';
import { InputError } from '../../src/domain/errors.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-xlsx-'));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test('a CMDB workbook: the sheet and header row found by content, Spanish headers and units converted', async () => {
  const file = await workbook('cmdb.xlsx', {
    Notas: [['Inventario entregado por el cliente'], ['Contacto: TI']],
    Servidores: [
      ['Inventario de servidores — marzo 2010'],
      [],
      ['Servidor', 'Sistema operativo', 'Procesadores', 'Núcleos', 'Memoria (GB)', 'Disco (TB)', 'Responsable'],
      ['web01', 'Windows Server 2008 R2 Enterprise', 2, 8, 16, 0.5, 'Ana'],
      ['db01', 'Red Hat Enterprise Linux 5.4 x86_64', 1, 4, 8, 1, 'Luis', 'nota al margen'],
    ],
  });
  const r = await readInventory(file);
  assert.equal(r.format, 'inventory-xlsx');
  assert.deepEqual(
    r.servers.map((s) => [s.name, s.osBits, s.sockets, s.coresPerSocket, s.memoryMb, s.diskGb, s.source.row]),
    [
      ['web01', 64, 2, 4, 16384, 512, 4],
      ['db01', 64, 1, 4, 8192, 1024, 5],
    ],
  );
  assert.equal(r.servers[0]?.source.file, `${file}[Servidores]`);
  assert.match(r.notes[0]!, /^sheet Servidores, header on row 3; sheets: Notas \(no server name column\), Servidores/);
  assert.ok(r.notes.includes('ignored columns: Responsable'));
});

test('a workbook with no inventory header names the file, the sheets and what was missing', async () => {
  const file = await workbook('otra.xlsx', { Resumen: [['Total', 10]], Costos: [['Concepto', 'Monto']] });
  await assert.rejects(readInventory(file), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /otra\.xlsx: no sheet has an inventory header \(a server name and at least one of/);
    assert.match(err.message, /sheets: Resumen \(no server name column\), Costos \(no server name column\)/);
    return true;
  });
});
