// One host count everywhere: the terminal summary, plan.json, plan.md and the workbook's
// cover sheet all print the plan's hosts (plan.hosts) — for the worked example (derive mode,
// 2 hosts), the same project with every server excluded (0 hosts, exit 1) and in catalog mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { exampleDir, planProject } from '../helpers/example-project.ts';

const same = (t: string) => t;
const catalog =
  'models:\n  - { name: c16, sockets: 2, coresPerSocket: 4, threadsPerCore: 2, cpuGhz: 2.0, memoryGb: 24, ' +
  'nics: 4, nicGbps: 4, localDiskMb: 400000, price: 1000, watts: 300 }\n';
const cases: [string, (inventory: string) => string, (yaml: string) => string, number, number][] = [
  ['the worked example (derive mode)', same, same, 2, 0],
  ['every server excluded (special hardware)', (t) => t.replace(/,none,(high|medium|low)$/gm, ',fax,$1'), same, 0, 1],
  [
    'the worked example in catalog mode (24 GB hosts)',
    same,
    (y) =>
      y
        .replace('  mode: derive\n  hostCount: 2 ', '  mode: catalog\n  hostCount: null ')
        .replace('inputs:\n', 'inputs:\n  catalog: catalog.yaml\n'),
    3,
    0,
  ],
];

for (const [name, inventory, yaml, expected, status] of cases) {
  test(`${name}: ${expected} hosts in the terminal, plan.json, plan.md and the workbook`, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'capplan-count-')), 'p');
    cpSync(exampleDir, dir, { recursive: true });
    const inv = path.join(dir, 'inventory.csv');
    writeFileSync(inv, inventory(readFileSync(inv, 'utf8')));
    const settings = path.join(dir, 'capplan.yaml');
    writeFileSync(settings, yaml(readFileSync(settings, 'utf8')));
    writeFileSync(path.join(dir, 'catalog.yaml'), catalog);
    const r = planProject(dir);
    assert.equal(r.status, status, r.stderr);
    const hosts = r.plan!.hosts.length;
    assert.equal(hosts, expected);
    assert.equal(r.plan!.placement.hostsUsed, hosts);
    // The worked example's report is in Spanish, and so is its terminal summary.
    assert.match(r.stdout, new RegExp(`10 servidores → ${hosts} nodos \\(`));
    const md = readFileSync(path.join(r.out, 'plan.md'), 'utf8');
    assert.match(md, new RegExp(`- 10 servidores físicos → ${hosts} nodos\\n`));
    assert.match(md, new RegExp(`- Adquirir ${hosts} nodos:`));
    assert.match(md, new RegExp(`- \\*\\*${hosts}\\*\\* nodos tras la consolidación`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(r.out, 'plan.xlsx'));
    const lines: string[] = [];
    wb.getWorksheet('Portada')!.eachRow((row) =>
      lines.push((row.values as unknown[]).slice(1).map(String).join(' | ')),
    );
    assert.ok(
      lines.some((l) => l.includes(`Adquirir ${hosts} nodos:`)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => l.includes(`10 servidores físicos → ${hosts} nodos`)),
      lines.join('\n'),
    );
  });
}
