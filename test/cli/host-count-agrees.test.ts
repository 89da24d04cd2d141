// One host count everywhere: the terminal summary, plan.json, plan.md and the workbook's
// cover sheet all print the plan's hosts (plan.hosts), for the worked example (derive mode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { exampleDir, planProject } from '../helpers/example-project.ts';

test('the worked example prints its 2 hosts in the terminal, plan.json, plan.md and the workbook', async () => {
  const r = planProject(exampleDir);
  assert.equal(r.status, 0, r.stderr);
  const hosts = r.plan!.hosts.length;
  assert.equal(hosts, 2);
  assert.equal(r.plan!.placement.hostsUsed, hosts);
  assert.match(r.stdout, new RegExp(`10 servers → ${hosts} hosts \\(`));
  const md = readFileSync(path.join(r.out, 'plan.md'), 'utf8');
  assert.match(md, new RegExp(`- 10 servidores físicos → ${hosts} nodos\\n`));
  assert.match(md, new RegExp(`- \\*\\*${hosts}\\*\\* nodos tras la consolidación`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(r.out, 'plan.xlsx'));
  const cover = wb.getWorksheet('Portada')!;
  const lines: string[] = [];
  cover.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join(' | ')));
  assert.ok(
    lines.some((l) => l.includes(`Adquirir ${hosts} nodos:`)),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => l.includes(`10 servidores físicos → ${hosts} nodos`)),
    lines.join('\n'),
  );
});
