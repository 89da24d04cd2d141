// What `capplan ingest` loads before it reads a file: exceljs (~0.6 s of CPU to import) only
// when a workbook is read, so an ingest of monitoring files does not pay for it at start-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/env.ts';

/** Ingests `file` in a fresh process and lists the CommonJS packages it loaded. */
function packagesLoaded(file: string): string[] {
  const code =
    "import { createRequire } from 'node:module';" +
    `const { ingestSources } = await import(${JSON.stringify(path.join(repoRoot, 'src/ingest/ingest-sources.ts'))});` +
    `const r = await ingestSources([${JSON.stringify(file)}]);` +
    "if (r.usage.length + r.servers.length === 0) throw new Error('nothing read');" +
    'const cache = createRequire(import.meta.url).cache ?? {};' +
    'const names = Object.keys(cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]);' +
    'console.log(JSON.stringify([...new Set(names.filter(Boolean))].sort()));';
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as string[];
}

test('ingesting a monitoring CSV does not load exceljs; reading a workbook does', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-startup-'));
  const csv = path.join(dir, 'long.csv');
  writeFileSync(csv, 'timestamp,server,cpu_pct\n2026-03-02T00:00:00Z,web1,12.5\n2026-03-02T00:05:00Z,web1,13\n');
  assert.ok(!packagesLoaded(csv).includes('exceljs'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Servidores').addRows([
    ['Servidor', 'Núcleos', 'Memoria (GB)'],
    ['web1', 4, 16],
  ]);
  const xlsx = path.join(dir, 'inventario.xlsx');
  await wb.xlsx.writeFile(xlsx);
  assert.ok(packagesLoaded(xlsx).includes('exceljs'));
});
