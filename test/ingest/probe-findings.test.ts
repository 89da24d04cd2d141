// Regression tests of the input probe's findings on encodings, cut-off rows, a long CSV
// without its server column and empty files, each named after its finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { readInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import { InputError } from '../../src/domain/errors.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-probe-'));
function file(name: string, data: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
}

const LONG =
  'timestamp,server,cpu_pct,memory_used_mb\n2010-03-22T00:00:00Z,Nómina,20,1000\n2010-03-22T00:05:00Z,Nómina,30,1200\n';

test('M2 encoding: a UTF-16 long monitoring file is read like its UTF-8 twin', async () => {
  const utf8 = await readMonitoring([file('m2-utf8.csv', LONG)], { percentiles: [] });
  const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LONG, 'utf16le')]);
  const utf16 = await readMonitoring([file('m2-utf16.csv', bom)], { percentiles: [] });
  assert.deepEqual(utf16.servers, utf8.servers);
  assert.equal(utf16.servers[0]?.server, 'Nómina');
  assert.equal(utf16.servers[0]?.metrics.cpuPct?.avg, 25);
});

test('M2 encoding: a Windows-1252 long monitoring file keeps its accents (the server keeps its data)', async () => {
  const r = await readMonitoring([file('m2-cp1252.csv', Buffer.from(LONG, 'latin1'))], { percentiles: [] });
  assert.deepEqual(
    r.servers.map((s) => [s.server, s.samples]),
    [['Nómina', 2]],
  );
});

test('M2 encoding: one bad byte in a UTF-8 inventory is located, not re-decoded as Windows-1252', async () => {
  const text = Buffer.concat([
    Buffer.from('name,os\nNómina,Linux\n', 'utf8'),
    Buffer.from([0x57, 0x65, 0x62, 0xf3, 0x2c, 0x4c, 0x0a]), // "Web\xF3,L\n"
  ]);
  await assert.rejects(readInventoryCsv(file('m2-inv.csv', text)), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /m2-inv\.csv:3: byte 0xF3 is not UTF-8, though the rest of the file is/);
    return true;
  });
  // A file that is Windows-1252 throughout is still read as such.
  const [s] = await readInventoryCsv(file('m2-inv-1252.csv', Buffer.from('name,os\nNómina,Linux\n', 'latin1')));
  assert.equal(s?.name, 'Nómina');
});

test('M3 truncated rows: a cut-off last inventory line is an error, not defaults', async () => {
  const f = file('m3-inv.csv', 'name,os,memory_mb,ha_priority\nweb,Linux,4096,low\ndb,Lin');
  await assert.rejects(readInventoryCsv(f), {
    message: `${f}:3: row has 2 of the header's 4 fields (cut-off line?)`,
  });
});

test('M3 truncated rows: a cut-off monitoring row is an error, not a sample without metrics', async () => {
  const f = file('m3-mon.csv', `${LONG}2010-03-22T00:10:00Z,Nómina,4`);
  await assert.rejects(readMonitoring([f], { percentiles: [] }), {
    message: `${f}:4: row has 3 of the header's 4 fields (cut-off line?)`,
  });
});

test('M4 a long CSV without its server column is an error, not one server named after the file', async () => {
  const f = file(
    'm4.csv',
    'timestamp,cpu_pct,memory_used_mb\n2010-03-22T00:00:00Z,20,1000\n2010-03-22T00:00:00Z,30,1200\n',
  );
  await assert.rejects(readMonitoring([f], { percentiles: [] }), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(
      err.message,
      /m4\.csv:3:timestamp: timestamp "2010-03-22T00:00:00Z" repeats line 2: .* no server column/,
    );
    return true;
  });
  // A real wide file of one server (one row per time) is still read.
  const ok = file('web01.csv', 'timestamp,cpu_pct\n2010-03-22T00:00:00Z,20\n2010-03-22T00:05:00Z,30\n');
  assert.equal((await readMonitoring([ok], { percentiles: [] })).servers[0]?.server, 'web01');
});

test('L8 a 0-byte monitoring file is reported at row 1 as empty, not at row 0', async () => {
  const f = file('l8.csv', '');
  await assert.rejects(readMonitoring([f], { percentiles: [] }), {
    message: `${f}:1: empty file: expected a header line`,
  });
});
