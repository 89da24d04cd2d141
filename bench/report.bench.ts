// Rendering time of the deliverables as plans grow: the worked example's ten servers
// repeated N times (same hosts), Markdown with charts and the full workbook.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan, type Plan } from '../src/domain/plan.ts';
import { buildWorkbook, renderMarkdown } from '../src/report/index.ts';
import type { BenchSection } from './run.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function scaled(base: Plan, copies: number): Plan {
  const plan = structuredClone(base);
  plan.servers = [];
  plan.vms = [];
  for (let i = 0; i < copies; i++) {
    base.servers.forEach((s0, j) => {
      const s = { ...structuredClone(s0), name: `${s0.name} ${i}`, vmName: `${s0.vmName}-${i}` };
      plan.servers.push(s);
      plan.vms.push({ ...structuredClone(base.vms[j]!), name: s.vmName, sourceServer: s.name });
    });
  }
  return plan;
}

export default async function (): Promise<BenchSection[]> {
  const file = path.join(here, '../reports/aseguradora/plan.json');
  const base = parsePlan(readFileSync(file, 'utf8'), file);
  const rows = [
    '| VMs | plan.md (with 3 charts) | plan.xlsx | plan.md size | plan.xlsx size |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const copies of [1, 100, 500]) {
    const plan = scaled(base, copies);
    let t = performance.now();
    const md = renderMarkdown(plan);
    const mdMs = performance.now() - t;
    t = performance.now();
    const xlsx = await buildWorkbook(plan);
    const xlsxMs = performance.now() - t;
    rows.push(
      `| ${plan.vms.length} | ${mdMs.toFixed(0)} ms | ${xlsxMs.toFixed(0)} ms ` +
        `| ${(md.markdown.length / 1024).toFixed(0)} KiB | ${(xlsx.length / 1024).toFixed(0)} KiB |`,
    );
  }
  return [
    {
      id: 'report',
      markdown: [
        '### Report rendering',
        '',
        'The worked example repeated; one run each on this machine (2 cores).',
        '',
        ...rows,
      ].join('\n'),
    },
  ];
}
