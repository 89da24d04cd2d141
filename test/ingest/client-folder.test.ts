// A client's folder as it arrives: an inventory with other headers (units in them, an extra
// column), monitoring that spells the names its own way (upper case, FQDN, perfmon's \\HOST),
// a stray LEAME.txt. What was not used is said on the terminal; bad values stay located errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin } from '../helpers/env.ts';

function folder(inventory: string, monitoring: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-folder-'));
  writeFileSync(path.join(dir, 'cmdb.csv'), inventory);
  writeFileSync(path.join(dir, 'perf.csv'), monitoring);
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function ingest(args: string[]) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'capplan-folder-out-')), 'out');
  const r = spawnSync('node', [cliBin, 'ingest', ...args, '--out', out], { encoding: 'utf8' });
  return { ...r, out };
}

const INVENTORY =
  'Hostname,OS,CPU,Cores,RAM GB,Disk (TB),Owner\n' +
  'web01.corp.local,Windows Server 2012 R2 Standard,2,8,"16,384",1.5,Ana\n' +
  'DB01,Red Hat Enterprise Linux 7 (64-bit),1,4,8,0.5,Luis\n' +
  'mail,SUSE Linux Enterprise Server 12,1,2,4,0.25,Ana\n';
const MONITORING =
  'timestamp,server,cpu_pct,memory_used_mb\n' +
  '2010-03-22T00:00:00Z,WEB01,20,1000\n' +
  '2010-03-22T00:00:00Z,\\\\db01,30,2000\n' +
  '2010-03-22T00:00:00Z,maill,10,500\n';

test('a client folder: units converted, os_bits from the OS, ignored columns, unmatched names, skipped file', () => {
  const dir = folder(INVENTORY, MONITORING, { 'LEAME.txt': 'Hola: estos son los datos del cliente.\n' });
  const r = ingest([dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /LEAME\.txt: skipped \(no known format: cannot tell the monitoring format/);
  assert.match(r.stdout, /ignored columns: Owner/);
  assert.match(r.stdout, /RAM GB → memory_mb \(GB × 1024\)/);
  assert.match(r.stdout, /Disk \(TB\) → disk_gb \(TB × 1024\)/);
  assert.match(r.stdout, /os_bits taken from the OS text for 2 server\(s\)/);
  assert.match(
    r.stdout,
    /matched 2 monitoring name\(s\) to another spelling: WEB01 → web01\.corp\.local, \\\\db01 → DB01/,
  );
  assert.match(r.stdout, /2 name\(s\) did not match/);
  assert.match(r.stdout, /│ maill +│ monitoring │ mail +│/);
  assert.match(r.stdout, /│ mail +│ inventory +│ maill +│/);
  const servers = readFileSync(path.join(r.out, 'servers.csv'), 'utf8').split('\n');
  // web01: 8 cores on 2 sockets, 16,384 GB = 16777216 MB, 1.5 TB = 1536 GB, Windows Server 2012 R2 → 64-bit;
  // mail: SUSE 12 without an architecture says nothing of its bits.
  assert.match(servers[3]!, /^mail,mail,SUSE Linux Enterprise Server 12,,1,2,,,4096,256,/);
  assert.match(
    servers[1]!,
    /^web01\.corp\.local,web01-corp-local,Windows Server 2012 R2 Standard,64,2,4,,,16777216,1536,/,
  );
  assert.match(servers[2]!, /^DB01,db01,Red Hat Enterprise Linux 7 \(64-bit\),64,1,4,,,8192,512,/);
});

test('--strict makes a file of no known format an error', () => {
  const dir = folder(INVENTORY, MONITORING, { 'LEAME.txt': 'Hola\n' });
  const r = ingest([dir, '--strict']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /LEAME\.txt:1: cannot tell the monitoring format/);
  assert.equal(existsSync(r.out), false);
});

test('a bad value in a Spanish ;-file is still file:row:column, exit 2, nothing written', () => {
  const dir = folder('Nombre;Memoria (MB)\r\nweb;4096\r\ndb;mucha\r\n', MONITORING);
  const r = ingest([dir]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cmdb\.csv:3:Memoria \(MB\): expected a number in MB, got "mucha"/);
  assert.equal(existsSync(r.out), false);
});

test('a column map file (--columns) names what synonyms cannot find', () => {
  const dir = folder(
    'Activo;Memoria instalada\r\nweb;4096\r\n',
    'Cuando;Equipo;Carga\r\n22/03/2010 13:00;web;45,5\r\n',
  );
  mkdirSync(path.join(dir, 'map'));
  const map = path.join(dir, 'map', 'columns.yaml');
  writeFileSync(
    map,
    'inventory: { name: Activo }\nmonitoring: { timestamp: Cuando, server: Equipo, cpu_pct: Carga }\n',
  );
  const r = ingest([
    path.join(dir, 'cmdb.csv'),
    path.join(dir, 'perf.csv'),
    '--columns',
    map,
    '--utc-offset',
    '-06:00',
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Activo → name \(column map\)/);
  assert.match(r.stdout, /perf\.csv: long \(monitoring\), 1 server\(s\), 1 samples, 2010-03-22T19:00:00Z/);
  const summary = readFileSync(path.join(r.out, 'metrics-summary.csv'), 'utf8');
  assert.match(summary, /^web,.*45\.5/m);
});

test('metrics-summary.csv says sizable as the plan decides: no memory samples is not sizable', () => {
  const dir = folder('name,os\nweb,Linux\n', 'timestamp,server,cpu_pct\n2010-03-22T00:00:00Z,web,20\n');
  const r = ingest([dir]);
  assert.equal(r.status, 0, r.stderr);
  const [header, row] = readFileSync(path.join(r.out, 'metrics-summary.csv'), 'utf8').split('\n');
  const col = header!.split(',').indexOf('sizable');
  assert.equal(row!.split(',')[col], 'false');
});
