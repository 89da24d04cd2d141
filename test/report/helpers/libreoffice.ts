// Headless LibreOffice as an independent spreadsheet engine: converts an xlsx to one CSV per
// sheet, with a private profile so runs never share state. `recalc: 'always'` sets the
// profile's "recalculation on file load" for xlsx to Always, so every formula is calculated
// by LibreOffice; 'never' is LibreOffice's default, which shows the cached results as a
// previewer or Protected View does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

// Filter options: comma, double quote, UTF-8, start row 1, …, raw values (not as shown),
// sheet -1 = every sheet to <name>-<Sheet>.csv (LibreOffice ≥ 7.2).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Calc's Formula/Load/OOXMLRecalcMode: 0 always recalculate, 1 never. */
function profileSettings(recalc: 'always' | 'never'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${
    recalc === 'always' ? 0 : 1
  }</value></prop></item>
</oor:items>
`;
}

export function xlsxToCsv(
  bytes: Uint8Array,
  { recalc = 'always' }: { recalc?: 'always' | 'never' } = {},
): Record<string, string[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-lo-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    mkdirSync(path.join(dir, 'profile', 'user'), { recursive: true });
    writeFileSync(path.join(dir, 'profile', 'user', 'registrymodifications.xcu'), profileSettings(recalc));
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
