// With report.language: es nothing client-facing is left in English: plan.md, every workbook
// cell, every chart's SVG text, the terminal summary of `capplan plan` and the report of
// `capplan check`, for plans holding every exclusion reason and reader finding the estates
// below raise. The English each producer wrote (plan.json keeps it) must not appear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parsePlan, type Plan } from '../../src/domain/plan.ts';
import { planChartSvgs } from '../../src/report/charts/plan-charts.ts';
import { replayChartSvgs } from '../../src/report/charts/replay-chart.ts';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { spanishEstate } from './helpers/spanish-estate.ts';

interface Outputs {
  plan: Plan;
  texts: Record<string, string>;
}

function run(args: string[]): string {
  const r = spawnSync('node', [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return r.stdout + r.stderr;
}

async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object' && 'richText' in v) out.push(v.richText.map((r) => r.text).join(''));
        else if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'string') out.push(v.result);
      }),
    );
  });
  return out.join('\n');
}

/** The text nodes of an SVG, unescaped enough for the words it holds. */
const svgText = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join('\n');

/** `capplan plan` and `capplan check` on a project: every client-facing text they write. */
async function deliverable(dir: string): Promise<Outputs> {
  const out = path.join(dir, 'out');
  const terminal = run(['plan', dir, '--out', out, '--emit-proposal']);
  const plan = parsePlan(readFileSync(path.join(out, 'plan.json'), 'utf8'), 'plan.json');
  const proposal = path.join(out, 'proposal.yaml');
  const charts = [...planChartSvgs(plan), ...replayChartSvgs(plan)];
  return {
    plan,
    texts: {
      'plan.md': readFileSync(path.join(out, 'plan.md'), 'utf8'),
      'plan.xlsx': await workbookText(path.join(out, 'plan.xlsx')),
      terminal,
      'check (human)': run(['check', proposal, '--format', 'human']),
      'check (markdown)': run(['check', proposal, '--format', 'markdown']),
      ...Object.fromEntries(charts.map((c) => [c.name, `${c.alt}\n${svgText(c.svg)}`])),
    },
  };
}

/** The English the core wrote for this plan's reasons and findings (what the Spanish must replace). */
function englishTexts(plan: Plan): { code: string; text: string }[] {
  const reasons = plan.vms.flatMap((v) => v.reasons.map((r) => ({ code: r.step?.code ?? r.code, text: r.message })));
  const findings = (plan.findings ?? []).map((f) => ({ code: f.code, text: f.message }));
  const basis = plan.vms.flatMap((v) =>
    v.sizing.basis && v.sizing.basis.kind !== 'monitoring' ? [{ code: 'basis', text: v.sizing.basis.label }] : [],
  );
  return [...reasons, ...findings, ...basis];
}

/** Words of the English catalogue and of the English terminal and check reports, none of them Spanish. */
const ENGLISH_WORDS = [
  'servers →',
  'not placed',
  'satisfied',
  'failure scenario(s)',
  'Wrote ',
  'Replay of the',
  'The proposal',
  'Headroom per',
  'Violations',
  'Drift against',
  'measured load',
  '% of capacity',
  'CPU ceiling',
  'points, each the highest',
  'of GHz',
  'of usable',
  'load over time',
  'allocation — no monitoring',
  'Placement rules',
  'Every rule is checked',
  'Restarts that break',
  'Licences per host',
  'dedicated hosts',
  'Hardware + licences',
  'no room left',
];

/** The Sizing table's statistics as the sizing names them; the workbook's Assumptions keep them as input codes. */
const ENGLISH_STATISTICS = ['| avg ', '| max ', '| recorded', '| allocated', '| installed', '| provisioned'];

function assertNoEnglish(o: Outputs, name: string): void {
  const english = englishTexts(o.plan);
  assert.ok(english.length > 0, `${name}: the plan holds reasons and findings to translate`);
  for (const [where, text] of Object.entries(o.texts)) {
    for (const e of english)
      assert.ok(!text.includes(e.text), `${name}, ${where}: English text of ${e.code} left: "${e.text}"`);
    for (const w of ENGLISH_WORDS) assert.ok(!text.includes(w), `${name}, ${where}: English "${w}" left`);
  }
  for (const w of ENGLISH_STATISTICS) assert.ok(!o.texts['plan.md']!.includes(w), `${name}, plan.md: "${w}" left`);
}

test('a Spanish plan of an estate with every exclusion rule and reader finding has no English left', async () => {
  const o = await deliverable(spanishEstate());
  const steps = new Set(o.plan.vms.flatMap((v) => v.reasons.map((r) => r.step?.code)));
  for (const code of [
    'cpu-above-threshold',
    'vcpu-limit',
    'memory-limit',
    'guest-32bit-memory',
    'memory-above-threshold',
    'special-hardware',
    'architecture',
    'missing-inventory',
    'no-monitoring',
    'too-few-samples',
    'missing-metrics',
  ])
    assert.ok(steps.has(code), `the estate raises ${code}`);
  const findings = new Set((o.plan.findings ?? []).map((f) => f.code));
  for (const code of [
    'missing-performance-data',
    'too-few-samples',
    'short-window',
    'low-coverage',
    'long-gap',
    'peak-not-covered',
    'missing-metric',
    'unknown-server',
    'duplicate-timestamps',
    'cpu-above-100',
  ])
    assert.ok(findings.has(code), `the estate raises ${code}`);
  assertNoEnglish(o, 'estate');
  assert.match(o.texts['plan.md']!, /\| promedio {4}\|/);
  assert.match(o.texts.terminal!, /Se escribieron \d+ archivos en /);
  assert.match(o.texts['check (human)']!, /La propuesta se sostiene|La propuesta no se sostiene/);
});

test('a Spanish plan of an RVTools export (templates, vCLS, appliances, no vDisk) has no English left', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-es-rvtools-'));
  cpSync(path.join(repoRoot, 'fixtures/vmware-estate'), dir, { recursive: true });
  appendFileSync(path.join(dir, 'capplan.yaml'), 'report:\n  language: es\n');
  assert.ok(readdirSync(path.join(dir, 'rvtools')).length > 0);
  const o = await deliverable(dir);
  const steps = new Set(o.plan.vms.flatMap((v) => v.reasons.map((r) => r.step?.code)));
  for (const code of ['template', 'vcls', 'vmware-appliance']) assert.ok(steps.has(code), `raises ${code}`);
  assert.ok((o.plan.findings ?? []).some((f) => f.code === 'rvtools-tab-missing'));
  assertNoEnglish(o, 'vmware-estate');
});

test('a Spanish plan with placement rules, a licensed host group and broken restarts has no English left', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-es-rules-'));
  cpSync(path.join(repoRoot, 'fixtures/clinica'), dir, { recursive: true });
  appendFileSync(path.join(dir, 'capplan.yaml'), 'report:\n  language: es\n');
  const o = await deliverable(dir);
  assert.ok(o.plan.redundancy.scenarios.some((s) => (s.ruleBreaks ?? []).length > 0));
  assertNoEnglish(o, 'clinica');
  assert.match(o.texts['plan.md']!, /## Reglas de ubicación y licencias/);
  assert.match(o.texts['plan.md']!, /\| antiafinidad +\| rules\\\[0\\\]/);
});
