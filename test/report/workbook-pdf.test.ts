// The workbook printed: headless LibreOffice renders every sheet to PDF, and the cover (the
// first sheet) is exactly one landscape A4 page, from its title to its disclaimer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWorkbook } from '../../src/report/index.ts';
import { es } from '../../src/report/messages/es.ts';
import { toolSkip } from '../helpers/env.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

const skip = toolSkip('soffice') || toolSkip('pdftotext') || toolSkip('pdfinfo');

test('every sheet prints, and the cover fits one landscape A4 page', { skip }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-pdf-'));
  try {
    const file = path.join(dir, 'plan.xlsx');
    writeFileSync(file, await buildWorkbook(realAseguradoraPlan()));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const pdf = path.join(dir, 'plan.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // A4 landscape: 842 × 595 pt.
    const size = /Page\s+1 size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    assert.ok(Math.abs(Number(size[1]) - 842) < 2 && Math.abs(Number(size[2]) - 595) < 2, info);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    const cover = page(1);
    assert.match(cover, /Consolidación de servidores/);
    assert.match(cover, new RegExp(es.cover.recommendation));
    // The disclaimer, the cover's last block, is on the same page.
    assert.match(cover.replace(/\s+/g, ' '), /Este plan es una estimación/);
    // The next page is the next sheet: the cover took exactly one.
    assert.match(page(2), /resumen de la consolidación/);
    const all = readFileSync(pdf).length;
    assert.ok(all > 10_000);
    // Every sheet printed: each one's title appears somewhere in the document.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const title of [es.assumptions.title, es.inventory.title, es.hosts.title, es.method.title])
      assert.ok(text.includes(title.slice(0, 30)), `${title} printed (${pages} pages)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
