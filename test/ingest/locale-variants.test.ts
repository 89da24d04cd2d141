// The worked example's inputs as clients' spreadsheets save them must give the same plan:
// es-MX Excel CSV (`;`, decimal comma, Windows-1252, dd/mm/yyyy hh:mm local time in
// America/Mexico_City, CRLF, Spanish headers), generated here from fixtures/aseguradora.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { parsePlan, type Plan } from '../../src/domain/plan.ts';

const fixture = path.join(repoRoot, 'fixtures/aseguradora');

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(fixture, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** Windows-1252 bytes of a string (the characters these files use are all in Latin-1). */
function cp1252(text: string): Buffer {
  for (const c of text) if (c.charCodeAt(0) > 0xff) throw new Error(`not in Latin-1: ${c}`);
  return Buffer.from(text, 'latin1');
}

const mexico = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Mexico_City',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2010-03-22T00:00:00Z` → `21/03/2010 18:00` (Mexico City wall clock, daylight saving from 4 April 2010). */
function localMx(iso: string): string {
  const p = Object.fromEntries(mexico.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const comma = (v: string) => v.replace('.', ',');
/** Excel with the es-MX "1.234,5" number format: thousands points, decimal comma. */
const grouped = (v: string) => comma(v).replace(/^(\d{1,3})(\d{3})(?=,|$)/, '$1.$2');

function esMxProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-esmx-'));
  const inv = rows('inventory.csv');
  const invHeader =
    'Nombre;Nombre VM;Sistema operativo;Bits;Procesadores;Núcleos por procesador;Modelo CPU;' +
    'Velocidad CPU (GHz);Memoria (MB);Disco (GB);Tarjetas de red;Velocidad de red (Gbps);Aplicación;' +
    'Hardware especial;Prioridad';
  const invLines = inv.map((r) =>
    [
      r.name,
      r.vm_name,
      r.os,
      r.os_bits,
      r.sockets,
      r.cores_per_socket,
      r.cpu_model,
      comma(r.cpu_ghz!),
      grouped(r.memory_mb!),
      r.disk_gb,
      r.nics,
      r.nic_gbps,
      r.application,
      r.special_hardware,
      r.ha_priority,
    ].join(';'),
  );
  writeFileSync(path.join(dir, 'inventario.csv'), cp1252(`${[invHeader, ...invLines].join('\r\n')}\r\n`));
  const mon = rows('monitoring.csv');
  const monHeader = 'Fecha y hora;Servidor;% CPU;Memoria usada (MB);Disco usado (GB);Red (MB/s);IOPS';
  const monLines = mon.map((r) =>
    [
      localMx(r.timestamp!),
      r.server,
      comma(r.cpu_pct!),
      comma(r.memory_used_mb!),
      comma(r.disk_used_gb!),
      comma(r.network_mb_per_s!),
      r.iops,
    ].join(';'),
  );
  writeFileSync(path.join(dir, 'monitoreo.csv'), cp1252(`${[monHeader, ...monLines].join('\r\n')}\r\n`));
  const yaml = parseYaml(readFileSync(path.join(fixture, 'capplan.yaml'), 'utf8'));
  yaml.inputs = { inventory: 'inventario.csv', monitoring: 'monitoreo.csv', timezone: 'America/Mexico_City' };
  writeFileSync(path.join(dir, 'capplan.yaml'), stringifyYaml(yaml));
  return dir;
}

function plan(project: string): { plan: Plan; stdout: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'capplan-esmx-out-'));
  const r = spawnSync('node', [cliBin, 'plan', project, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return { plan: parsePlan(readFileSync(path.join(out, 'plan.json'), 'utf8'), 'plan.json'), stdout: r.stdout };
}

test('es-MX Excel CSV of the worked example (; , cp1252 dd/mm/yyyy local CRLF, Spanish headers) plans the same', () => {
  assert.equal(localMx('2010-04-04T07:55:00Z'), '04/04/2010 01:55'); // CST, UTC−6
  assert.equal(localMx('2010-04-04T08:00:00Z'), '04/04/2010 03:00'); // CDT from 02:00 local
  const original = plan(fixture).plan;
  const variant = plan(esMxProject()).plan;
  assert.deepEqual(variant.vms, original.vms);
  assert.deepEqual(variant.hosts, original.hosts);
  assert.deepEqual(variant.placement, original.placement);
  assert.deepEqual(variant.totals, original.totals);
  assert.equal(variant.vms.length, 10);
});
