// A replay of many hosts: plan.md shows a heat map of every host and charts of the busiest
// twelve only (one chart per host made a plan of 700 hosts spend most of its time drawing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import type { Plan } from '../../src/domain/plan.ts';
import { MAX_HOST_CHARTS, replayCharts } from '../../src/report/charts/replay-chart.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

/** The worked example's replay with its normal-operation hosts copied to `count`, host i at i × 3 % CPU. */
function manyHosts(count: number, language?: 'en' | 'es'): Plan {
  const plan = realAseguradoraPlan(language);
  for (const w of plan.replay!.windows) {
    const normal = w.scenarios.find((s) => s.name === 'normal')!;
    const model = normal.hosts[0]!;
    normal.hosts = Array.from({ length: count }, (_, i) => {
      const t = model.timeline!;
      return {
        ...model,
        name: `=host<${i + 1}>`,
        timeline: {
          ...t,
          cpuPct: t.cpuPct.map((v) => (v === null ? null : i * 3)),
          memoryPct: t.memoryPct.map(() => 10),
          networkPct: t.networkPct.map(() => null),
        },
      };
    });
  }
  return plan;
}

test('up to twelve hosts: one chart each, no heat map', () => {
  const names = replayCharts(manyHosts(MAX_HOST_CHARTS)).map((c) => c.name);
  assert.equal(names.length, MAX_HOST_CHARTS * realAseguradoraPlan().replay!.windows.length);
  assert.ok(
    names.every((n) => /^chart-replay-\d+-\d+\.png$/.test(n)),
    names.join(' '),
  );
});

test('thirty hosts: a heat map of all of them and the twelve busiest charted, linked from plan.md', () => {
  const plan = manyHosts(30, 'en');
  const charts = replayCharts(plan);
  const windows = plan.replay!.windows.length;
  assert.equal(charts.length, windows * (1 + MAX_HOST_CHARTS));
  // Host i carries i × 3 % CPU: the busiest are hosts 19–30 (indexes 18–29).
  const perHost = charts.filter((c) => c.name.startsWith('chart-replay-1-') && !c.name.includes('heatmap'));
  assert.deepEqual(
    perHost.map((c) => c.name),
    Array.from({ length: 12 }, (_, i) => `chart-replay-1-${i + 19}.png`),
  );
  const heat = charts.find((c) => c.name === 'chart-replay-1-heatmap.png')!;
  const png = PNG.sync.read(Buffer.from(heat.png));
  assert.equal(png.width, 800);
  // The top rows (busiest, 87 % CPU) are red-orange above the 75 % ceiling; the bottom ones pale.
  const at = (x: number, y: number) => png.data.readUInt32BE((y * png.width + x) * 4) >>> 8;
  assert.equal(at(400, 55).toString(16), 'fd8d3c');
  assert.equal(at(400, 50 + 30 * 13 - 5).toString(16), 'deebf7');
  const { markdown, images } = renderMarkdown(plan);
  assert.match(markdown, /!\[Every host: load over time\]\(chart-replay-1-heatmap\.png\)/);
  assert.match(markdown, /The 12 hosts with the highest load of the 30, one chart each:/);
  // Links and files agree; client names stay text in the alt text.
  const linked = [...markdown.matchAll(/\]\((chart-replay-[^)]+)\)/g)].map((m) => m[1]!);
  assert.deepEqual(linked.sort(), charts.map((c) => c.name).sort());
  for (const n of linked)
    assert.ok(
      images.some((i) => i.name === n),
      n,
    );
  assert.match(markdown, /!\[\\=host\\<30\\>: load over time\]/);
  // Deterministic.
  assert.ok(Buffer.from(replayCharts(plan)[0]!.png).equals(Buffer.from(charts[0]!.png)));
});

test('the heat map speaks the report language', () => {
  const { markdown } = renderMarkdown(manyHosts(30, 'es'));
  assert.match(markdown, /!\[Todos los hosts: carga en el tiempo\]\(chart-replay-1-heatmap\.png\)/);
  assert.match(markdown, /Los 12 hosts más cargados de los 30, un gráfico cada uno:/);
});
