// The comparison's cost figures (docs/report.md, "Scenarios and the comparison"): read from a
// plan's total cost of ownership when it has one, else from its host price and watts; "not
// priced" when nothing is; host-group licences per group and their saving (docs/placement.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { parsePlan, readPlan, type Plan } from '../../src/domain/plan.ts';
import { buildComparison } from '../../src/report/comparison.ts';
import { planCost } from '../../src/report/comparison-cost.ts';
import { comparisonSection } from '../../src/report/comparison-markdown.ts';

const example = await readPlan(path.join(repoRoot, 'reports/aseguradora/plan.json'));
const row = (plans: Plan[], key: string) => buildComparison(plans).rows.find((r) => r.key === key);

test('a plan without prices is "not priced", never 0, and the chart shows hosts', () => {
  assert.equal(example.hostModel.price, 0);
  const c = buildComparison([example, example]);
  for (const key of ['hardware', 'subscriptions', 'power', 'total'])
    assert.deepEqual(c.rows.find((r) => r.key === key)!.cells, [null, null], key);
  assert.match(comparisonSection(c), /\| Total en el horizonte +\| +sin precio \| +sin precio \| +— \|/);
  assert.equal(c.chart.title, 'Nodos por escenario');
  assert.deepEqual(c.chart.series[0]!.values, [2, 2]);
  // The second plan is no scenario: it is named by its project.
  assert.deepEqual(
    c.plans.map((p) => p.name),
    ['Base', 'aseguradora'],
  );
});

test("a plan's total cost of ownership is what the comparison shows when present", () => {
  const tco = {
    currency: 'MXN',
    horizonYears: 5,
    lines: [
      { key: 'hardware', kind: 'capex', overHorizon: 200000 },
      { key: 'subscriptions', kind: 'opex', overHorizon: 60000 },
      { key: 'power', kind: 'opex', overHorizon: null },
    ],
    totals: { overHorizon: 260000 },
  };
  const priced = { ...example, tco } as Plan;
  const cost = planCost(priced);
  assert.deepEqual(
    { ...cost },
    {
      source: 'tco',
      currency: 'MXN',
      horizonYears: 5,
      hardware: 200000,
      subscriptions: 60000,
      power: null,
      total: 260000,
    },
  );
  const c = buildComparison([priced, priced]);
  assert.match(c.costNote, /MXN a 5 años/);
  assert.deepEqual(c.rows.find((r) => r.key === 'subscriptions')!.deltas, [null, 0]);
  // Without a TCO the same plan, priced by its host model, falls back to price × hosts.
  const fallback = planCost({ ...example, hostModel: { ...example.hostModel, price: 5000, watts: 0 } });
  assert.equal(fallback.hardware, 10000);
  assert.equal(fallback.power, null);
  assert.equal(fallback.total, 10000);
});

test('host-group licences: per group, their cost and saving, beside a scenario without the group', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-lic-'));
  const clinica = path.join(repoRoot, 'fixtures/clinica');
  const text = readFileSync(path.join(clinica, 'capplan.yaml'), 'utf8')
    .replace(/^(\s+)(inventory|monitoring|catalog): (\S+)/gm, (_, sp, k, f) => `${sp}${k}: ${path.join(clinica, f)}`)
    .replace(/^(placement:\n)/m, '$1  timeLimitSeconds: 6\n');
  const scenario = [
    'scenarios:',
    '  - name: sin grupo',
    '    placement:',
    '      rules:',
    '        - antiAffinity: [dc-1, dc-2]',
    '        - affinity: [erp-app, erp-db]',
    '        - pin: { vm: vpn, host: node2 }',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'capplan.yaml'), `${text}${scenario}`);
  const out = path.join(dir, 'out');
  const r = spawnSync('node', [cliBin, 'plan', dir, '--out', out], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const base = parsePlan(readFileSync(path.join(out, 'plan.json'), 'utf8'), 'plan.json');
  const other = parsePlan(readFileSync(path.join(out, 'scenarios/sin-grupo/plan.json'), 'utf8'), 'plan.json');
  const lines = base.placement.licences!;
  assert.ok(lines.length > 0 && base.placement.withoutGroups);
  const plans = [base, other];
  const licences = lines.reduce((s, l) => s + l.cost, 0);
  const w = base.placement.withoutGroups!;
  assert.deepEqual(row(plans, 'licences')!.cells, [licences, 'none']);
  assert.deepEqual(row(plans, 'licenceSaving')!.cells, [w.hardwareCost + w.licenceCost - base.placement.cost, 'none']);
  assert.equal(row(plans, 'licencesPerGroup')!.cells[0], `windows: ${lines[0]!.hosts} hosts, ${lines[0]!.cores} cores`);
  assert.equal(other.placement.licences, undefined);
  // The licences are part of the total: hardware + licences (+ power).
  const cost = planCost(base);
  assert.equal(cost.total, (cost.hardware ?? 0) + licences + (cost.power ?? 0));
  const md = readFileSync(path.join(out, 'plan.md'), 'utf8');
  assert.match(md, /## Comparison of scenarios/);
  assert.match(md, /\| Saved by the host groups +\|/);
});
