import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import JSZip from 'jszip';
import { barChartSvg, niceMax } from '../../src/report/charts/bar-chart.ts';
import { planCharts, utilisationChart } from '../../src/report/charts/plan-charts.ts';
import { buildWorkbook, renderMarkdown } from '../../src/report/index.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';
import { troubledPlan } from './fixtures/troubled-plan.ts';

function colours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

test('every chart is a non-trivial PNG of the drawn size, deterministic', () => {
  const charts = planCharts(aseguradoraPlan());
  assert.deepEqual(
    charts.map((c) => c.name),
    ['chart-host-utilisation.png', 'chart-consolidation.png', 'chart-headroom.png'],
  );
  const again = planCharts(aseguradoraPlan());
  charts.forEach((c, i) => {
    const png = PNG.sync.read(Buffer.from(c.png));
    assert.deepEqual([png.width, png.height], [800, 420], c.name);
    assert.ok(c.png.length > 8000, `${c.name}: ${c.png.length} bytes`);
    // Bars, text and background: anti-aliased text alone gives dozens of colours.
    assert.ok(colours(png) > 20, `${c.name}: ${colours(png)} colours`);
    assert.ok(Buffer.from(c.png).equals(Buffer.from(again[i]!.png)), `${c.name} differs between renders`);
  });
});

test("the utilisation chart carries each host's normal and worst-failure load and the ceiling", () => {
  const chart = utilisationChart(aseguradoraPlan());
  assert.deepEqual(chart.categories, ['host1', 'host2']);
  assert.deepEqual(
    chart.series.map((s) => s.values),
    [
      [50, 50],
      [50.79, 47.62],
      [100, 100],
      [98.41, 98.41],
    ],
  );
  assert.deepEqual(
    chart.lines?.map((l) => l.value),
    [75, 100],
  );
});

test('client text in a chart is XML-escaped', () => {
  const plan = troubledPlan();
  plan.hosts[0]!.name = '<h&1>';
  const svg = barChartSvg(utilisationChart(plan));
  assert.ok(svg.includes('&lt;h&amp;1&gt;'));
  assert.ok(!svg.includes('<h&1>'));
});

test('niceMax rounds up to 1, 2, 2.5 or 5 × 10^n (table-driven)', () => {
  for (const [x, want] of [
    [0, 1],
    [7, 10],
    [10, 10],
    [11, 20],
    [21, 25],
    [26, 50],
    [98.4, 100],
    [101, 200],
  ] as const)
    assert.equal(niceMax(x), want, String(x));
});

test('the Markdown links the charts and the workbook embeds them', async () => {
  const { markdown, images } = renderMarkdown(aseguradoraPlan());
  assert.equal(images.length, 3);
  for (const i of images) assert.ok(markdown.includes(`](${i.name})`), i.name);
  // Each chart its own paragraph: a blank line between two images.
  assert.match(markdown, /\(chart-host-utilisation\.png\)\n\n!\[/);
  // The cover embeds the two charts beside its figures.
  const zip = await JSZip.loadAsync(await buildWorkbook(aseguradoraPlan()));
  assert.equal(Object.keys(zip.files).filter((n) => /^xl\/media\/.*\.png$/.test(n)).length, 2);
});
