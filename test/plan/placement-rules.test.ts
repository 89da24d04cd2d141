// Placement rules in a project, through the built CLI: fixtures/clinica plans with every rule
// held (checked here from plan.json, independently of capplan's verifier), its Windows host
// group licensed on dedicated hosts for less than one cluster licensing every host, restarts
// that break a rule reported (or avoided when enforced); bad rules exit 2 with their line; an
// infeasible rule set exits 1 with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';
import ExcelJS from 'exceljs';
import type { Plan } from '../../src/domain/plan.ts';

function copy(fixture: string, edit?: { file: string; change: (t: string) => string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-rules-'));
  cpSync(path.join(repoRoot, 'fixtures', fixture), dir, { recursive: true });
  if (edit) writeFileSync(path.join(dir, edit.file), edit.change(readFileSync(path.join(dir, edit.file), 'utf8')));
  return dir;
}

function plan(dir: string) {
  const out = path.join(dir, 'out');
  const r = spawnSync(process.execPath, [cliBin, 'plan', dir, '--out', out], { encoding: 'utf8' });
  const file = path.join(out, 'plan.json');
  const json = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Plan) : null;
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, plan: json, out };
}

const clinica = plan(copy('clinica'));

test('fixtures/clinica: every rule holds in normal operation', () => {
  assert.equal(clinica.status, 0, clinica.stderr);
  const p = clinica.plan!;
  const host = (vm: string) => p.vms.find((v) => v.name === vm)!.host;
  assert.notEqual(host('dc-1'), host('dc-2'));
  for (const pair of [
    ['sql-1', 'sql-2'],
    ['his-1', 'his-2'],
    ['web-1', 'web-2'],
  ])
    assert.notEqual(host(pair[0]!), host(pair[1]!), pair.join(' / '));
  assert.equal(host('erp-app'), host('erp-db'));
  assert.equal(host('vpn'), 'node2');
  assert.equal(host('backup'), 'node1');
  const windows = new Set(p.servers.filter((s) => /^windows/i.test(s.os ?? '')).map((s) => s.vmName));
  assert.equal(windows.size, 7);
  for (const h of p.hosts) for (const vm of h.vms) assert.equal(windows.has(vm), h.hostGroup === 'windows', vm);
  assert.equal(p.redundancy.satisfied, true);
});

test('fixtures/clinica: dedicated Windows hosts cost less than licensing every host; the report says how much', () => {
  const p = clinica.plan!;
  const line = p.placement.licences![0]!;
  const without = p.placement.withoutGroups!;
  const windowsHosts = p.hosts.filter((h) => h.hostGroup === 'windows');
  assert.equal(line.dedicated, true);
  assert.equal(line.hosts, windowsHosts.length);
  // r250-16c: 1 socket × 16 cores → 16 licensed cores per host at 423.
  assert.equal(line.cores, 16 * windowsHosts.length);
  assert.equal(line.cost, 423 * line.cores);
  assert.equal(without.licenceCost, 423 * 16 * without.hosts);
  const hardware = p.hosts.reduce((s, h) => s + h.price, 0);
  assert.equal(p.placement.cost, hardware + line.cost);
  const saving = without.hardwareCost + without.licenceCost - p.placement.cost;
  assert.ok(saving > 0, `saving ${saving}`);
  const md = readFileSync(path.join(clinica.out, 'plan.md'), 'utf8');
  assert.match(md, new RegExp(`the host groups save \\*\\*${saving}\\*\\*`));
  assert.match(md, /\| windows \(dedicated hosts\) \|/);
});

test('fixtures/clinica: the workbook Cost sheet carries the licences, without the groups and the saving', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(clinica.out, 'plan.xlsx'));
  const rows = new Map<string, { row: number; value: unknown }>();
  // Column C: the amount over the horizon (one-off lines have no per-year figure).
  wb.getWorksheet('Cost')!.eachRow((r, i) =>
    rows.set(String(r.getCell(1).value), { row: i, value: r.getCell(3).value }),
  );
  const p = clinica.plan!;
  const without = p.placement.withoutGroups!;
  assert.equal(rows.get('Host-group licences (one-off)')?.value, p.placement.licences![0]!.cost);
  assert.equal(rows.get('Licences without the host groups')?.value, without.licenceCost);
  const saving = rows.get('Saved by the host groups (hardware + licences)')!.value;
  assert.equal(saving, without.hardwareCost + without.licenceCost - p.placement.cost);
  // The licences are a one-off line of the cost of ownership: in the capex total.
  const capex = rows.get('Total one-off (capex)')!.value as { formula: string; result: number };
  assert.match(capex.formula, new RegExp(`C${rows.get('Host-group licences (one-off)')!.row}`));
  assert.equal(capex.result, p.tco!.totals.capex);
});

test('fixtures/clinica: priced cost of ownership (method §15), every line priced', () => {
  const tco = clinica.plan!.tco!;
  const p = clinica.plan!;
  assert.equal(tco.currency, 'USD');
  assert.deepEqual(tco.notPriced, []);
  const line = (k: string) => tco.lines.find((l) => l.key === k)!;
  const hardware = p.hosts.reduce((s, h) => s + h.price, 0);
  assert.equal(line('hardware').overHorizon, hardware);
  assert.equal(line('hostGroupLicences').overHorizon, p.placement.licences![0]!.cost);
  // r250-16c: 1 socket × max(16, 16) cores at 25 a year.
  assert.equal(line('subscriptions').perYear, p.hosts.length * 16 * 25);
  assert.ok(Math.abs(line('support').perYear! - 0.12 * hardware) < 1e-9);
  assert.equal(tco.power.utilisationSource, 'replay');
  assert.ok(Math.abs(tco.totals.capex! - (hardware + line('hostGroupLicences').overHorizon!)) < 1e-9);
  const md = readFileSync(path.join(clinica.out, 'plan.md'), 'utf8');
  assert.match(md, /## Total cost of ownership/);
  const section = md.slice(md.indexOf('## Total cost of ownership'));
  assert.doesNotMatch(section.slice(section.indexOf('| Item')), /not priced/);
});

test('fixtures/clinica: restarts that break an anti-affinity rule are reported per scenario', () => {
  const p = clinica.plan!;
  const breaks = p.redundancy.scenarios.flatMap((s) =>
    (s.ruleBreaks ?? []).map((b) => ({ ...b, failed: s.failedHosts })),
  );
  assert.ok(breaks.some((b) => b.rule === 'anti-affinity'));
  const hostOf = new Map(p.vms.map((v) => [v.name, v.host]));
  for (const b of breaks.filter((x) => x.rule === 'anti-affinity'))
    for (const other of b.with) assert.equal(hostOf.get(other), b.host, `${b.vm} restarts beside ${other}`);
  assert.match(readFileSync(path.join(clinica.out, 'plan.md'), 'utf8'), /### Restarts that break a rule/);
});

test('enforceRulesOnFailover: no restart breaks anti-affinity', () => {
  const r = plan(
    copy('clinica', {
      file: 'capplan.yaml',
      change: (t) => t.replace('  objective: min-cost', '  objective: min-cost\n  enforceRulesOnFailover: true'),
    }),
  );
  assert.equal(r.status, 0, r.stderr);
  const breaks = r.plan!.redundancy.scenarios.flatMap((s) => s.ruleBreaks ?? []);
  assert.deepEqual(
    breaks.filter((b) => b.rule === 'anti-affinity'),
    [],
  );
});

const badRules: { what: string; change: (t: string) => string; message: RegExp }[] = [
  {
    what: 'unknown VM in an anti-affinity rule',
    change: (t) => t.replace('antiAffinity: [dc-1, dc-2]', 'antiAffinity: [dc-1, dc-3]'),
    message: /capplan\.yaml:\d+: placement\.rules\[0\]\.antiAffinity\[1\]: unknown VM "dc-3"/,
  },
  {
    what: 'unknown host in a pin',
    change: (t) => t.replace('host: node2', 'host: rhevh2'),
    message: /capplan\.yaml:\d+: placement\.rules\[2\]\.pin\.host: unknown host "rhevh2" \(the plan's hosts are node1/,
  },
  {
    what: 'unknown licence',
    change: (t) => t.replace('license: windows-datacenter }', 'license: windows-dc }'),
    message: /capplan\.yaml:\d+: placement\.rules\[3\]\.hostGroup\.license: unknown licence "windows-dc"/,
  },
  {
    what: 'a rule of two kinds',
    change: (t) =>
      t.replace('- affinity: [erp-app, erp-db]', '- { affinity: [erp-app, erp-db], antiAffinity: [a, b] }'),
    message: /capplan\.yaml:\d+: placement\.rules\[1\]: a rule is exactly one of/,
  },
];

for (const c of badRules) {
  test(`bad rule, exit 2 and nothing written: ${c.what}`, () => {
    const r = plan(copy('clinica', { file: 'capplan.yaml', change: c.change }));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, c.message);
    assert.equal(r.plan, null);
  });
}

test('bad inventory pin_host: exit 2 at file:row:column', () => {
  const r = plan(copy('clinica', { file: 'inventory.csv', change: (t) => t.replace(',low,,,node1', ',low,,,node0') }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /inventory\.csv:18:pin_host: unknown host "node0"/);
});

test('an infeasible rule set exits 1 and says why', () => {
  const dir = copy('aseguradora', {
    file: 'capplan.yaml',
    change: (t) => `${t}placement:\n  rules:\n    - antiAffinity: [negocio-1, negocio-2, nomina]\n`,
  });
  const r = plan(dir);
  assert.equal(r.status, 1);
  const nomina = r.plan!.vms.find((v) => v.name === 'nomina')!;
  assert.equal(nomina.status, 'unplaced');
  assert.match(
    nomina.reasons.at(-1)!.message,
    /^negocio-1, negocio-2 and nomina must be apart \(anti-affinity rules\[0\]\), but the plan has 2 hosts$/,
  );
  assert.match(r.stdout, /must be apart/);
});
