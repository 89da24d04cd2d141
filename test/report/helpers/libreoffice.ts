// Headless LibreOffice as an independent spreadsheet engine: converts an xlsx to one CSV per
// sheet after recalculating it, with a private profile so runs never share state.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

// Filter options: comma, double quote, UTF-8, start row 1, …, raw values (not as shown),
// sheet -1 = every sheet to <name>-<Sheet>.csv (LibreOffice ≥ 7.2).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export function xlsxToCsv(bytes: Uint8Array): Record<string, string[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-lo-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        path.join(dir, 'out'),
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const sheets: Record<string, string[][]> = {};
    for (const f of readdirSync(path.join(dir, 'out'))) {
      const m = /^book-(.+)\.csv$/.exec(f);
      if (m)
        sheets[m[1]!] = parse(readFileSync(path.join(dir, 'out', f), 'utf8'), { relaxColumnCount: true }) as string[][];
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Data rows of a sheet written by writeTable (header on row 3), keyed by header. */
export function tableRows(sheet: string[][] | undefined): Record<string, string>[] {
  if (!sheet) throw new Error('sheet missing from the conversion');
  const header = sheet[2]!;
  const rows: Record<string, string>[] = [];
  for (const line of sheet.slice(3)) {
    if (line.every((c) => c === '')) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, line[i] ?? ''])));
  }
  return rows;
}
