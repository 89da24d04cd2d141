// The pieces of "delimited text as clients save it": numbers, dates, zones, delimiters, headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectNumberFormat, parseLocaleNumber, type NumberFormat } from '../../src/ingest/table/locale-number.ts';
import { detectDateFormat, parseTimestamp } from '../../src/ingest/table/date-time.ts';
import { localToUtcMs } from '../../src/ingest/table/local-time.ts';
import { detectDelimiter } from '../../src/ingest/table/read-table.ts';
import { headerKey } from '../../src/ingest/columns/header-units.ts';
import { matchColumns } from '../../src/ingest/columns/match-columns.ts';
import { INVENTORY_SPECS, MONITORING_SPECS } from '../../src/ingest/columns/column-catalog.ts';
import { osBitsFromText } from '../../src/ingest/os-bits.ts';

const US: NumberFormat = { decimal: '.', thousands: ',' };
const ES: NumberFormat = { decimal: ',', thousands: '.' };
const numbers: [string, NumberFormat, number | null][] = [
  ['22,59', ES, 22.59],
  ['4.096', ES, 4096],
  ['1.234.567,5', ES, 1234567.5],
  ['16,384', US, 16384],
  ['1,546.6', US, 1546.6],
  ['1,5466', US, null], // not a group of three: never a thousands separator
  ['12,34,567', US, null],
  ['1e3', { decimal: '.', thousands: '' }, 1000],
  ['1 234,5', { decimal: ',', thousands: ' ' }, 1234.5],
  ['1\u00a0234,5', { decimal: ',', thousands: ' ' }, 1234.5],
  ['4 GB', US, null],
];
for (const [text, format, want] of numbers)
  test(`number ${JSON.stringify(text)} (${format.decimal}${format.thousands}) = ${want}`, () => {
    assert.equal(parseLocaleNumber(text, format), want);
  });

test('number format detection: decimal comma from 22,59, thousands from 16,384, ; suggests a decimal comma', () => {
  assert.deepEqual(detectNumberFormat(['22,59', '4.096'], ';'), { decimal: ',', thousands: '.', evidence: true });
  assert.deepEqual(detectNumberFormat(['16,384', '2.5'], ','), { decimal: '.', thousands: ',', evidence: true });
  assert.deepEqual(detectNumberFormat(['10', '20'], ';'), { decimal: ',', thousands: '', evidence: false });
  assert.deepEqual(detectNumberFormat(['10', '20'], ','), { decimal: '.', thousands: '', evidence: false });
});

test('delimiter detection ignores delimiters inside quotes', () => {
  assert.equal(detectDelimiter('Nombre;Memoria (MB);"a,b,c"'), ';');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('a|b|c'), '|');
  assert.equal(detectDelimiter('name'), ',');
});

test('date order settled by the data, else by the setting, else by the decimal separator', () => {
  assert.deepEqual(detectDateFormat(['01/02/2010 00:00', '22/03/2010 00:00'], undefined, false), {
    format: 'dd/mm/yyyy',
    how: 'data',
  });
  assert.deepEqual(detectDateFormat(['03/22/2010 1:00 PM'], undefined, true), { format: 'mm/dd/yyyy', how: 'data' });
  assert.deepEqual(detectDateFormat(['01/02/2010'], 'mm/dd/yyyy', true), { format: 'mm/dd/yyyy', how: 'setting' });
  assert.deepEqual(detectDateFormat(['01/02/2010'], undefined, true), { format: 'dd/mm/yyyy', how: 'assumed' });
  assert.deepEqual(detectDateFormat(['1269216000'], undefined, false), { format: 'epoch-s', how: 'data' });
  assert.deepEqual(detectDateFormat(['1269216000000'], undefined, false), { format: 'epoch-ms', how: 'data' });
  assert.deepEqual(detectDateFormat(['2010-03-22T00:00:00Z'], undefined, false), { format: 'iso', how: 'data' });
});

const MX = { zone: 'America/Mexico_City' };
const timestamps: [string, Parameters<typeof parseTimestamp>[1], Parameters<typeof parseTimestamp>[2], string][] = [
  ['22/03/2010 00:00', 'dd/mm/yyyy', MX, '2010-03-22T06:00:00.000Z'], // CST, UTC−6
  ['04/04/2010 01:59', 'dd/mm/yyyy', MX, '2010-04-04T07:59:00.000Z'],
  ['04/04/2010 03:00', 'dd/mm/yyyy', MX, '2010-04-04T08:00:00.000Z'], // CDT, UTC−5
  ['04/04/2010 02:30', 'dd/mm/yyyy', MX, '2010-04-04T08:30:00.000Z'], // skipped hour: moved forward
  ['31/10/2010 01:30', 'dd/mm/yyyy', MX, '2010-10-31T06:30:00.000Z'], // repeated hour: the first one
  ['03/22/2010 1:05:30 PM', 'mm/dd/yyyy', { offsetMinutes: 330 }, '2010-03-22T07:35:30.000Z'],
  ['2010/03/22 12:00', 'yyyy/mm/dd', { zone: 'UTC' }, '2010-03-22T12:00:00.000Z'],
  ['2010-03-22 12:00:00', 'iso', { zone: 'Europe/Madrid' }, '2010-03-22T11:00:00.000Z'],
  ['2010-03-22T12:00:00+02:00', 'dd/mm/yyyy', undefined, '2010-03-22T10:00:00.000Z'], // an offset wins
  ['1269216000', 'epoch-s', undefined, '2010-03-22T00:00:00.000Z'],
];
for (const [text, format, zone, want] of timestamps)
  test(`timestamp ${text} (${format}) = ${want}`, () => {
    const ms = parseTimestamp(text, format, zone);
    assert.equal(typeof ms === 'number' ? new Date(ms).toISOString() : ms, want);
  });

test('timestamps: local without a zone, and malformed', () => {
  assert.equal(parseTimestamp('22/03/2010 00:00', 'dd/mm/yyyy', undefined), 'needs-zone');
  assert.equal(parseTimestamp('31/02/2010 00:00', 'dd/mm/yyyy', MX), 'malformed');
  assert.equal(parseTimestamp('13/13/2010', 'mm/dd/yyyy', MX), 'malformed');
  assert.equal(localToUtcMs(Date.UTC(2010, 0, 1), { offsetMinutes: -360 }), Date.UTC(2010, 0, 1, 6));
});

test('headers: units read and converted, words matched without case, accents or punctuation', () => {
  assert.deepEqual(headerKey('Memoria (MB)'), { key: 'memoria', unit: { family: 'bytes', label: 'MB', scale: 1 } });
  assert.deepEqual(headerKey('Red (Mbps)'), { key: 'red', unit: { family: 'bitrate', label: 'Mbps', scale: 1 } });
  const inv = matchColumns(['NÚCLEOS POR PROCESADOR', 'cpu-mhz', 'RAM GB', 'Equipo', 'Color'], INVENTORY_SPECS, 'f');
  assert.deepEqual(
    [...inv.columns].map(([c, m]) => [c, m.index, m.factor]),
    [
      ['cores_per_socket', 0, 1],
      ['cpu_ghz', 1, 0.001],
      ['memory_mb', 2, 1024],
      ['name', 3, 1],
    ],
  );
  assert.deepEqual(inv.ignored, ['Color']);
  const mon = matchColumns(['Fecha', 'Host', 'CPU %', 'Red (Mbps)', 'Memoria usada (GB)'], MONITORING_SPECS, 'f');
  assert.deepEqual(
    [...mon.columns].map(([c, m]) => [c, m.factor]),
    [
      ['timestamp', 1],
      ['server', 1],
      ['cpu_pct', 1],
      ['network_mb_per_s', 0.125],
      ['memory_used_mb', 1024],
    ],
  );
});

const bits: [string, 32 | 64 | null][] = [
  ['Windows Server 2008 R2 Enterprise', 64],
  ['Windows Server 2008 Enterprise', null],
  ['Windows Server 2008 Enterprise x64', 64],
  ['Red Hat Enterprise Linux 5.4 (64-bit)', 64],
  ['CentOS 7 x86_64', 64],
  ['Windows Server 2003 (32-bit)', 32],
  ['Ubuntu i686', 32],
  ['SUSE Linux Enterprise Server 10', null],
];
for (const [os, want] of bits)
  test(`os_bits of "${os}" = ${want}`, () => {
    assert.equal(osBitsFromText(os), want);
  });
