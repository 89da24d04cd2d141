// Scenarios (docs/report.md, "Scenarios and the comparison"): the worked example with a
// `scenarios:` block planned once end to end, its outputs under scenarios/<slug>/, the
// comparison's figures against the scenario plans, `capplan compare` giving the same section
// byte for byte, goldens in Spanish and English, and overrides validated with their paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cliBin, repoRoot, toolSkip } from '../helpers/env.ts';
import { parsePlan, type Plan, type PlanWithTco } from '../../src/domain/plan.ts';
import { loadProject } from '../../src/domain/project.ts';
import { folderSlug, mergeOverrides } from '../../src/domain/scenarios.ts';
import { buildComparison } from '../../src/report/comparison.ts';
import { comparisonSection } from '../../src/report/comparison-markdown.ts';
import { renderComparisonFiles } from '../../src/report/index.ts';

const fixture = path.join(repoRoot, 'fixtures/aseguradora-escenarios');
const run = (args: string[]) =>
  spawnSync('node', [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const out = mkdtempSync(path.join(tmpdir(), 'capplan-scen-'));
const planned = run(['plan', fixture, '--out', out]);
/** A plan `capplan plan` wrote: it carries its cost of ownership (method §15). */
const read = (rel: string): PlanWithTco => {
  const p = parsePlan(readFileSync(path.join(out, rel), 'utf8'), rel);
  assert.ok(p.tco, `${rel} has a tco`);
  return { ...p, tco: p.tco };
};
const SLUGS = ['n-2', 'p95', 'dell-r710'];

function golden(name: string, actual: string): void {
  const file = path.join(repoRoot, 'test/report/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`,
  );
}

/** The comparison section of a plan.md: from its heading to the chart line. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `no "${heading}" section`);
  const end = markdown.indexOf('(chart-comparison.png)', start);
  return markdown.slice(start, end + '(chart-comparison.png)'.length);
}

test('plan writes the baseline and each scenario under scenarios/<slug>/', () => {
  assert.equal(planned.status, 0, planned.stderr);
  for (const slug of SLUGS)
    for (const f of ['plan.json', 'plan.md', 'chart-host-utilisation.png'])
      assert.ok(existsSync(path.join(out, 'scenarios', slug, f)), `scenarios/${slug}/${f}`);
  assert.ok(!existsSync(path.join(out, 'scenarios', 'n-2', 'plan.xlsx')));
  assert.deepEqual(readdirSync(path.join(out, 'scenarios')).sort(), [...SLUGS].sort());
});

test('each scenario plan carries its overrides, its name and a fair share of the time limit', () => {
  const base = read('plan.json');
  const [n2, p95, r710] = SLUGS.map((s) => read(`scenarios/${s}/plan.json`)) as [Plan, Plan, Plan];
  // The baseline is still the worked example: two derived nodes, N+1 (tables 2.7/2.8).
  assert.equal(base.placement.hostsUsed, 2);
  assert.equal(base.hostModel.sockets * base.hostModel.coresPerSocket, 8);
  assert.equal(base.scenario, undefined);
  assert.deepEqual(n2.scenario, { name: 'N+2', description: n2.scenario?.description ?? null, slug: 'n-2' });
  assert.equal(n2.title, `${base.title} — N+2`);
  assert.equal(n2.redundancy.policy, 'N+2');
  assert.equal(n2.redundancy.satisfied, true);
  assert.equal(n2.settings.cluster.hostCount, null);
  assert.equal(p95.settings.sizing.statistic.cpu, 'p95');
  assert.equal(p95.settings.sizing.statistic.disk, 'max');
  assert.equal(r710.hostModel.name, 'Dell PowerEdge R710');
  assert.equal(r710.hostModel.cpuGhz, 2.66);
  // Four plans share the project's 10 s (method §6.5).
  for (const p of [base, n2, p95, r710]) assert.equal(p.settings.placement.timeLimitSeconds, 2.5);
  assert.equal(n2.settings.scenarios, undefined);
});

test("the comparison's figures are the scenario plans' own", () => {
  const plans = [read('plan.json'), ...SLUGS.map((s) => read(`scenarios/${s}/plan.json`))];
  const c = buildComparison(plans);
  const row = (key: string) => c.rows.find((r) => r.key === key)!;
  assert.deepEqual(
    row('hosts').cells,
    plans.map((p) => p.placement.hostsUsed),
  );
  assert.deepEqual(row('hosts').cells, [2, 3, 2, 2]);
  assert.deepEqual(row('hosts').deltas, [null, 1, 0, 0]);
  assert.deepEqual(row('cores').cells, [16, 24, 32, 16]);
  // Every cost row is the scenario plan.json's own TCO line over the horizon (method §15).
  const line = (p: PlanWithTco, key: string) => p.tco.lines.find((l) => l.key === key)!.overHorizon;
  for (const key of ['hardware', 'subscriptions', 'support', 'power', 'rack'])
    assert.deepEqual(
      row(key).cells,
      plans.map((p) => line(p, key)),
      key,
    );
  assert.deepEqual(
    row('total').cells,
    plans.map((p) => p.tco.totals.overHorizon),
  );
  assert.deepEqual(
    row('avoided').cells,
    plans.map((p) => p.tco.totals.avoidedOverHorizon),
  );
  assert.deepEqual(
    row('net').cells,
    plans.map((p) => p.tco.totals.net),
  );
  // The fixture's illustrative MXN prices: 63000 per derived node, 65500 per R710 by its catalog
  // model name (cost.hardware.models wins over the catalog's 68000 list price).
  assert.deepEqual(row('hardware').cells, [126000, 189000, 126000, 131000]);
  assert.deepEqual(row('hardware').deltas, [null, 63000, 0, 5000]);
  // Subscriptions: hosts × 2 sockets × 6300 per socket-year × 3 years; support 12 % of hardware a year.
  assert.deepEqual(
    row('subscriptions').cells,
    [2, 3, 2, 2].map((h) => h * 2 * 6300 * 3),
  );
  [126000, 189000, 126000, 131000].forEach((hw, i) => {
    assert.ok(Math.abs((row('support').cells[i] as number) - hw * 0.12 * 3) < 1e-6);
  });

  assert.deepEqual(
    row('rack').cells,
    [2, 3, 2, 2].map((h) => h * 2 * 1800 * 3),
  );
  // Avoided: the same ten retired servers in every scenario (200 W × PUE 1.8 at 2.5 per kWh, 3500 a year).
  const avoided = (10 * 200 * 1.8 * 8760 * 2.5) / 1000 + 10 * 3500;
  for (const v of row('avoided').cells) assert.ok(Math.abs((v as number) - avoided * 3) < 1e-6);
  for (const p of plans) assert.deepEqual(p.tco.notPriced, []);
  assert.ok(plans.every((p) => p.tco.currency === 'MXN' && p.tco.horizonYears === 3));
  assert.match(c.costNote, /^Costos en MXN a 3 años/);
  assert.equal(c.chart.yLabel, 'MXN');
  const replay = row('replayOver100').cells;
  plans.forEach((p, i) => {
    const s = p.replay!.windows[0]!.summary;
    assert.equal(replay[i], Math.max(s.cpuOver100Pct, s.memoryOver100Pct));
  });
  const after = row('cpuAfter').cells;
  plans.forEach((p, i) => {
    assert.equal(after[i], Math.max(...p.redundancy.scenarios.flatMap((s) => s.load.map((l) => l.cpuPct))));
  });
});

test('compare reproduces the comparison of plan byte for byte, and its goldens in Spanish and English', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-cmp-'));
  const files = [path.join(out, 'plan.json'), ...SLUGS.map((s) => path.join(out, 'scenarios', s, 'plan.json'))];
  const r = run(['compare', ...files, '--out', dir]);
  assert.equal(r.status, 0, r.stderr);
  const fromCompare = readFileSync(path.join(dir, 'comparison.md'), 'utf8');
  const fromPlan = section(readFileSync(path.join(out, 'plan.md'), 'utf8'), 'Comparación de escenarios');
  assert.equal(fromCompare, `${fromPlan}\n`);
  assert.deepEqual(
    readFileSync(path.join(dir, 'chart-comparison.png')),
    readFileSync(path.join(out, 'chart-comparison.png')),
  );
  golden('aseguradora-escenarios-comparison.md', fromCompare);

  const plans = files.map((f) => read(path.relative(out, f)));
  const english = {
    ...plans[0]!,
    settings: { ...plans[0]!.settings, report: { ...plans[0]!.settings.report, language: 'en' as const } },
  };
  golden(
    'aseguradora-escenarios-comparison-en.md',
    `${comparisonSection(buildComparison([english, ...plans.slice(1)]))}\n`,
  );

  // The Comparison sheet of comparison.xlsx holds the same figures as the baseline's workbook, with cached Δ.
  const sheetOf = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Comparación')!;
    assert.ok(ws, `${file} has a Comparación sheet`);
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const a = await sheetOf(path.join(dir, 'comparison.xlsx'));
  const b = await sheetOf(path.join(out, 'plan.xlsx'));
  assert.deepEqual(a, b);
  const hosts = a.find((row) => row[0] === 'Nodos')!;
  assert.deepEqual(hosts.slice(0, 3), ['Nodos', 2, 3]);
  assert.deepEqual(hosts[3], { formula: 'C4-B4', result: 1 });
});

test('hostile scenario names are escaped in Markdown and kept as text in the workbook', async () => {
  const plans = [read('plan.json'), read('scenarios/n-2/plan.json')];
  const name = '=HYPERLINK("http://x")|<b>*x*</b>\u202e';
  plans[1] = { ...plans[1]!, scenario: { name, description: '[link](javascript:alert(1))', slug: 'x' } };
  const text = comparisonSection(buildComparison(plans));
  assert.ok(!text.includes('<b>'), 'HTML is escaped');
  assert.ok(!text.includes('[link](javascript'), 'links are escaped');
  const files = await renderComparisonFiles(plans);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files.find((f) => f.name === 'comparison.xlsx')!.data as Uint8Array) as never);
  const header = wb.worksheets[0]!.getCell(3, 3).value;
  assert.equal(typeof header, 'string');
  assert.ok(String(header).startsWith('=HYPERLINK'), 'stored as a string, not a formula');
  assert.ok(!String(header).includes('\u202e'), 'bidi override removed');
});

test('a scenario name becomes a safe, unique folder name', () => {
  const cases: [string, string][] = [
    ['N+2', 'n-2'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'scenario'],
    ['Máquina ñandú', 'maquina-nandu'],
    ['CON', 'con-1'],
    ['a\\b/c', 'a-b-c'],
    ['$(rm -rf /)', 'rm-rf'],
    ['x'.repeat(200), 'x'.repeat(60)],
  ];
  for (const [name, slug] of cases) assert.equal(folderSlug(name, 'scenario'), slug, name);
});

test('overrides merge objects and replace lists and scalars, never the prototype', () => {
  const merged = mergeOverrides({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: null }) as Record<
    string,
    unknown
  >;
  assert.deepEqual(merged, { a: { b: 1, c: [3] }, d: null });
  const proto = mergeOverrides({}, JSON.parse('{"__proto__": {"polluted": 1}}')) as Record<string, unknown>;
  assert.ok(Object.hasOwn(proto, '__proto__'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

/** A project beside the worked example's data, with the given scenarios block. */
function projectWith(scenarios: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-scenbad-'));
  const example = path.join(repoRoot, 'fixtures/aseguradora');
  const text = readFileSync(path.join(example, 'capplan.yaml'), 'utf8')
    .replace('inventory: inventory.csv', `inventory: ${path.join(example, 'inventory.csv')}`)
    .replace('monitoring: monitoring.csv', `monitoring: ${path.join(example, 'monitoring.csv')}`);
  writeFileSync(path.join(dir, 'capplan.yaml'), `${text}scenarios:\n${scenarios}`);
  return dir;
}

test('a bad override names its path and line in the scenario; plan exits 2 and writes nothing', async () => {
  const dir = projectWith(
    [
      '  - name: ok',
      '    cluster: { redundancy: 2 }',
      '  - name: bad',
      '    cluster: { redundancy: two, hostCont: 3 }',
      '    sizing: { statistic: { cpu: p200 }, minSamples: 3 }',
      '    inputs: { inventory: other.csv }',
      '  - name: ok',
      '  - name: catalog-without-file',
      '    cluster: { mode: catalog }',
      '',
    ].join('\n'),
  );
  const file = path.join(dir, 'capplan.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const lineOf = (s: string, nth = 1) => {
    let at = -1;
    for (let k = 0; k < nth; k++) at = lines.indexOf(s, at + 1);
    return at + 1;
  };
  await assert.rejects(loadProject(dir), (err: Error) => {
    const m = err.message;
    const bad = lineOf('    cluster: { redundancy: two, hostCont: 3 }');
    assert.match(m, new RegExp(`capplan.yaml:${bad}: scenarios\\[1\\]\\.cluster\\.redundancy: .*number`));
    assert.match(m, new RegExp(`capplan.yaml:${bad}: scenarios\\[1\\]\\.cluster\\.hostCont: unknown setting`));
    assert.match(m, /scenarios\[1\]\.sizing\.statistic\.cpu: expected avg, max or pNN/);
    assert.match(m, /scenarios\[1\]\.sizing\.minSamples: every scenario plans the project’s data/);
    assert.match(m, /scenarios\[1\]\.inputs\.inventory: every scenario plans the project’s data/);
    assert.match(m, new RegExp(`capplan.yaml:${lineOf('  - name: ok', 2)}: scenarios\\[2\\]\\.name: duplicate`));
    assert.match(m, /scenarios\[3\]\.cluster\.mode: cluster.mode is catalog but inputs.catalog names no catalog/);
    return true;
  });
  const outDir = path.join(dir, 'out');
  const r = run(['plan', dir, '--out', outDir]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /scenarios\[1\]\.cluster\.hostCont: unknown setting/);
  assert.ok(!existsSync(outDir), 'nothing written');
});

test('a scenario rule naming an unknown VM is reported under the scenario', () => {
  const dir = projectWith(
    ['  - name: apart', '    placement: { rules: [{ antiAffinity: [nomina, nadie] }] }', ''].join('\n'),
  );
  mkdirSync(path.join(dir, 'out'));
  const r = run(['plan', dir, '--out', path.join(dir, 'out')]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /scenarios\[0\]\.placement\.rules\[0\]\.antiAffinity\[1\]: unknown VM "nadie"/);
  assert.deepEqual(readdirSync(path.join(dir, 'out')), []);
});

test('a hostile scenario name plans into its own safe folder and nowhere else', () => {
  const dir = projectWith(['  - name: "../../evil/$(touch x)"', "  - name: '=1+1'", ''].join('\n'));
  const outDir = path.join(dir, 'out');
  const r = run(['plan', dir, '--out', outDir]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(path.join(outDir, 'scenarios')).sort(), ['1-1', 'evil-touch-x']);
  assert.deepEqual(readdirSync(dir).sort(), ['capplan.yaml', 'out']);
  assert.ok(!existsSync(path.join(outDir, 'x')) && !existsSync('x'));
  const p = parsePlan(readFileSync(path.join(outDir, 'scenarios/1-1/plan.json'), 'utf8'), 'plan.json');
  assert.equal(p.scenario?.name, '=1+1');
  // The name heads its comparison column, escaped (escape/markdown.ts).
  assert.match(readFileSync(path.join(outDir, 'plan.md'), 'utf8'), / \\=1\+1 \| +Δ \|/);
  // The project reports in Spanish, its terminal lines too; the name stays JSON-quoted.
  assert.match(r.stdout, /Escenario "=1\+1": 2 nodos/);
});

const pdfSkip = toolSkip('soffice') || toolSkip('pdftotext') || toolSkip('pdfinfo');

test('LibreOffice prints the Comparison sheet on landscape A4, every scenario on it', { skip: pdfSkip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-cmppdf-'));
  const files = [path.join(out, 'plan.json'), ...SLUGS.map((s) => path.join(out, 'scenarios', s, 'plan.json'))];
  assert.equal(run(['compare', ...files, '--out', dir]).status, 0);
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  const args = [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir];
  execFileSync('soffice', [...args, path.join(dir, 'comparison.xlsx')], { stdio: 'pipe', timeout: 180_000 });
  const pdf = path.join(dir, 'comparison.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  assert.ok(Math.abs(Number(size[1]) - 842) < 2 && Math.abs(Number(size[2]) - 595) < 2, info);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /Comparación de escenarios/);
  for (const name of ['Base', 'N\\+2', 'p95', 'Dell R710', 'Costo total de propiedad', '330,389.76'])
    assert.match(text, new RegExp(name));
});
