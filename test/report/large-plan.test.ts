// A plan of many hosts and VMs: the terminal and the per-host charts show the busiest and
// say how many more there are; the reports' tables keep every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../../src/domain/plan.ts';
import { MAX_CHART_HOSTS, utilisationChart } from '../../src/report/charts/plan-charts.ts';
import { renderTerminalSummary } from '../../src/report/index.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

/** The worked example with its first host and VM copied: host i at (i mod 50) + 1 % CPU. */
function large(hosts: number, vms: number, language?: 'en' | 'es'): Plan {
  const plan = realAseguradoraPlan(language);
  const h0 = plan.hosts[0]!;
  plan.hosts = Array.from({ length: hosts }, (_, i) => ({
    ...h0,
    name: `node${i + 1}`,
    load: { ...h0.load, cpuPct: (i % 50) + 1, memoryPct: 1 },
  }));
  const v0 = plan.vms[0]!;
  plan.vms = Array.from({ length: vms }, (_, i) => ({ ...v0, name: `vm${i + 1}`, host: `node${(i % hosts) + 1}` }));
  return plan;
}

test('the terminal shows 40 VMs and the 40 busiest hosts, and counts the rest', () => {
  const out = renderTerminalSummary(large(100, 120, 'en'), { color: false });
  assert.match(out, /… 80 more VMs \(the first 40 shown; plan\.md and plan\.xlsx list them all\)/);
  assert.match(out, /… 60 more hosts \(the busiest 40 shown; plan\.md and plan\.xlsx list them all\)/);
  assert.match(out, /│ vm40 /);
  assert.doesNotMatch(out, /│ vm41 /);
  // Loads 1–50 % twice over: the busiest 40 are the hosts at 31–50 %, in plan order.
  const hostTable = out.slice(out.indexOf('Network MB/s'), out.indexOf('… 60 more hosts'));
  const shown = [...hostTable.matchAll(/│ (node\d+) +│/g)].map((m) => m[1]!);
  const want = Array.from({ length: 100 }, (_, i) => i)
    .filter((i) => i % 50 >= 30)
    .map((i) => `node${i + 1}`);
  assert.deepEqual(shown, want);
  // The worked example's own language, Spanish.
  const es = renderTerminalSummary(large(100, 120), { color: false });
  assert.match(es, /… 80 VM más \(se muestran los primeros 40; plan\.md y plan\.xlsx los listan todos\)/);
  assert.match(es, /… 60 nodos más \(se muestran los 40 más cargados; plan\.md y plan\.xlsx los listan todos\)/);
});

test('a small plan is shown whole, with no "more" line', () => {
  const out = renderTerminalSummary(large(5, 20), { color: false });
  assert.doesNotMatch(out, /more (VMs|hosts)/);
  for (let i = 1; i <= 20; i++) assert.match(out, new RegExp(`│ vm${i} `));
});

test('the utilisation chart draws the 12 busiest hosts and says so', () => {
  const chart = utilisationChart(large(30, 30));
  assert.equal(chart.categories.length, MAX_CHART_HOSTS);
  // Loads 1–30 %: the busiest twelve are hosts 19–30.
  assert.deepEqual(
    chart.categories,
    Array.from({ length: 12 }, (_, i) => `node${i + 19}`),
  );
  assert.equal(chart.subtitle, 'Los 12 nodos más cargados de 30 (las tablas los listan todos)');
  assert.equal(utilisationChart(large(30, 30, 'en')).subtitle, 'The 12 busiest of 30 hosts (the tables list all)');
  assert.equal(utilisationChart(large(12, 30)).subtitle, undefined);
});
