import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parseInventoryCsv, readInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import { InputError } from '../../src/domain/errors.ts';
import { slugify } from '../../src/ingest/cells.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/foundation/inventory.csv');

test('reads a valid inventory: typed values, defaults, slugs, quoted names, extra columns', async () => {
  const servers = await readInventoryCsv(fixture);
  assert.equal(servers.length, 3);
  const [nomina, web, archivos] = servers;
  assert.deepEqual(nomina, {
    name: 'Servidor Nómina',
    vmName: 'servidor-nomina',
    os: 'Windows Server 2008 Enterprise',
    osBits: 64,
    sockets: 1,
    coresPerSocket: 4,
    cpuModel: 'Intel Xeon',
    cpuGhz: 3.06,
    memoryMb: 4096,
    diskGb: 80,
    nics: 1,
    nicGbps: null,
    application: null,
    specialHardware: [],
    haPriority: 'high',
    source: { file: fixture, row: 2 },
  });
  assert.deepEqual(web?.specialHardware, ['usb', 'serial']);
  assert.equal(web?.haPriority, 'medium');
  assert.equal(archivos?.name, 'Servidor, "Archivos"');
  assert.equal(archivos?.vmName, 'servidor-archivos');
  assert.equal(archivos?.osBits, null);
  assert.equal(archivos?.diskGb, null);
  assert.equal(archivos?.source.row, 4);
});

const header = 'name,os_bits,sockets,memory_mb,cpu_ghz,disk_gb,special_hardware,ha_priority,vm_name';
const malformed: [string, string, string][] = [
  ['memory with a unit', 'a,64,1,4 GB,2,10,,,', 'inv.csv:2:memory_mb: expected a number in MB, got "4 GB"'],
  ['16-bit OS', 'a,16,1,4096,2,10,,,', 'inv.csv:2:os_bits: expected 32 or 64, got "16"'],
  ['negative disk', 'a,64,1,4096,2,-5,,,', 'inv.csv:2:disk_gb: expected a number in GB at least 0, got "-5"'],
  ['zero sockets', 'a,64,0,4096,2,10,,,', 'inv.csv:2:sockets: expected an integer greater than 0, got "0"'],
  ['fractional sockets', 'a,64,1.5,4096,2,10,,,', 'inv.csv:2:sockets: expected an integer, got "1.5"'],
  ['two decimal points', 'a,64,1,4096,2.5.1,10,,,', 'inv.csv:2:cpu_ghz: expected a number in GHz, got "2.5.1"'],
  [
    'unknown hardware',
    'a,64,1,4096,2,10,usb;scanner,,',
    'inv.csv:2:special_hardware: expected none or a ;-separated list of usb, serial, modem, fax, got "scanner"',
  ],
  [
    'bad priority',
    'a,64,1,4096,2,10,,urgent,',
    'inv.csv:2:ha_priority: expected one of high, medium, low, got "urgent"',
  ],
  ['empty name', ',64,1,4096,2,10,,,', 'inv.csv:2:name: server name is empty'],
];

for (const [what, row, message] of malformed) {
  test(`malformed inventory value: ${what}`, () => {
    assert.throws(
      () => parseInventoryCsv(`${header}\n${row}\n`, 'inv.csv'),
      (err: unknown) => err instanceof InputError && err.message === message,
    );
  });
}

test('duplicate server name and duplicate VM name are located errors', () => {
  assert.throws(() => parseInventoryCsv(`name\nweb\n\ndb\nweb\n`, 'inv.csv'), {
    message: 'inv.csv:5:name: duplicate server name "web" (first on line 2)',
  });
  assert.throws(() => parseInventoryCsv(`name,vm_name\nWeb 1,w\nWeb 2,w\n`, 'inv.csv'), {
    message: 'inv.csv:3:vm_name: duplicate VM name "w" (first on line 2)',
  });
  assert.throws(() => parseInventoryCsv(`name\nWeb Server\nweb-server\n`, 'inv.csv'), {
    message: 'inv.csv:3:name: duplicate VM name "web-server" (first on line 2)',
  });
});

test('missing name column, broken quoting and empty files are located errors', () => {
  assert.throws(() => parseInventoryCsv('asset,os\na,b\n', 'inv.csv'), {
    message:
      'inv.csv:1: no server name column (header: "asset", "os"); name it "name" or map it with ' +
      'inputs.columns.inventory',
  });
  assert.throws(
    () => parseInventoryCsv('name,os\n"a,b\n', 'inv.csv'),
    (err: unknown) => err instanceof InputError && /^inv\.csv:2: CSV: /.test(err.message),
  );
  assert.throws(() => parseInventoryCsv('', 'inv.csv'), { message: 'inv.csv:1: empty file: expected a header line' });
});

test('row numbers count physical lines, also after a quoted multi-line cell', () => {
  assert.throws(() => parseInventoryCsv('name,application,memory_mb\na,"two\nlines",1\nb,,x\n', 'inv.csv'), {
    message: 'inv.csv:4:memory_mb: expected a number in MB, got "x"',
  });
});

test('empty cells are null, not errors', () => {
  const [s] = parseInventoryCsv('name,os,os_bits,sockets,memory_mb\nx,,,,\n', 'inv.csv');
  assert.equal(s?.os, null);
  assert.equal(s?.osBits, null);
  assert.equal(s?.sockets, null);
  assert.equal(s?.memoryMb, null);
  assert.equal(s?.haPriority, 'medium');
});

test('slugify', () => {
  for (const [name, slug] of [
    ['Servidor Nómina', 'servidor-nomina'],
    ['  SRV_01 (prod) ', 'srv-01-prod'],
    ['Ærø', 'r'],
    ['!!!', 'vm'],
  ] as const) {
    assert.equal(slugify(name), slug, name);
  }
});

test('header synonyms and a column map; errors name the column as the client wrote it', () => {
  const [s] = parseInventoryCsv(
    'Hostname,Operating System,RAM (MB),Cores per CPU,CPU Sockets\nweb01,Linux,2048,4,2\n',
    'inv.csv',
  );
  assert.deepEqual([s?.name, s?.os, s?.memoryMb, s?.coresPerSocket, s?.sockets], ['web01', 'Linux', 2048, 4, 2]);
  const [m] = parseInventoryCsv('Asset,RAM\nweb01,4096\n', 'inv.csv', {
    columnMap: { name: 'Asset', memory_mb: 'RAM' },
  });
  assert.deepEqual([m?.name, m?.memoryMb], ['web01', 4096]);
  assert.throws(() => parseInventoryCsv('Hostname,RAM (MB)\nweb01,4 GB\n', 'inv.csv'), {
    message: 'inv.csv:2:RAM (MB): expected a number in MB, got "4 GB"',
  });
  assert.throws(() => parseInventoryCsv('Asset\nx\n', 'inv.csv', { columnMap: { name: 'Server' } }), {
    message: 'inv.csv:1: column map: name ← "Server", but the file has no such column (header: "Asset")',
  });
});

test("a formula guard written by capplan ingest (leading ') is dropped on reading", () => {
  const [s] = parseInventoryCsv("name,os\n'=cmd|' /C calc'!A0,'-x\n", 'inv.csv');
  assert.equal(s?.name, "=cmd|' /C calc'!A0");
  assert.equal(s?.os, '-x');
});
