// sadf -dh read from its bytes: the same figures as the text reader, which still reads (and
// locates problems in) every line the byte reader gives back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { ByteFields } from '../../src/ingest/monitoring/formats/byte-fields.ts';

const fx = (name: string) => path.join(import.meta.dirname, 'fixtures/monitoring', name);
const read = (files: string[], extra: object = {}) => readMonitoring(files, { percentiles: [90], ...extra });

test('sadf -dh: the byte reader gives the text reader its figures, notes and findings', async () => {
  for (const name of ['sadf-dh.txt', 'sadf-dh-per-cpu.txt', 'sadf-dh-disks.txt']) {
    const fast = await read([fx(name)]);
    // An encoding override sends the file to the text reader.
    const text = await read([fx(name)], { encoding: 'utf-8' });
    assert.deepEqual(fast.servers, text.servers, name);
    assert.deepEqual(fast.files, text.files, name);
    assert.deepEqual(fast.findings, text.findings, name);
  }
});

test('sadf -dh: a restart, CRLF ends, a decimal comma or a bad cell send the file to the text reader', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-sadf-dh-'));
  const [header, ...lines] = readFileSync(fx('sadf-dh-disks.txt'), 'utf8').trimEnd().split('\n');
  const restart = path.join(dir, 'restart.txt');
  writeFileSync(
    restart,
    `${header}\n${lines[0]}\napp01;-1;2026-07-21 10:15:00 UTC;LINUX-RESTART\t(8 CPU)\n${lines[1]}\n`,
  );
  const r = await read([restart]);
  assert.deepEqual(r.files?.[0]?.notes, [
    "sadf -dh: all activities on one line, split by the header's [...] groups",
    '1 restart record(s) skipped',
  ]);
  assert.equal(r.servers[0]?.metrics.networkMBps?.avg, 3);
  const crlf = path.join(dir, 'crlf.txt');
  writeFileSync(crlf, `${[header, ...lines].join('\r\n')}\r\n`);
  assert.deepEqual((await read([crlf])).servers, (await read([fx('sadf-dh-disks.txt')])).servers);
  const comma = path.join(dir, 'comma.txt');
  writeFileSync(comma, `${header}\n${lines.map((l) => l.replace(/(\d)\.(\d)/g, '$1,$2')).join('\n')}\n`);
  const c = await read([comma]);
  assert.deepEqual(c.servers, (await read([fx('sadf-dh-disks.txt')])).servers);
  assert.ok(c.files?.[0]?.notes.includes('decimal commas read as decimal points'));
  const bad = path.join(dir, 'bad.txt');
  writeFileSync(bad, `${header}\n${lines[0]}\n${lines[1]!.replace(';4194304;', ';n/a;')}\n`);
  await assert.rejects(read([bad]), { message: `${bad}:3:kbmemused: sadf: expected a number, got "n/a"` });
});

test('byte fields: a name is decoded again when its bytes change, even to a prefix of a multi-byte one', () => {
  const f = new ByteFields();
  const buf = Buffer.from('éa;-0.00;1.5\né;2.25;x\n', 'utf8');
  const second = buf.indexOf(0x0a) + 1;
  f.reset(buf, 0, second - 1);
  assert.equal(f.get(0), 'éa');
  assert.ok(Object.is(f.quick(1), -0));
  assert.equal(f.quick(2), 1.5);
  f.reset(buf, second, buf.length - 1);
  assert.deepEqual(
    [f.count, f.get(0), f.quick(1), f.quick(2), f.get(2), f.get(3)],
    [3, 'é', 2.25, undefined, 'x', undefined],
  );
});
