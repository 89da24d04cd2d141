// Every file `capplan plan` writes, rendered in memory first so that nothing is written
// when any renderer fails.
import { buildWorkbook, renderMarkdown } from '../report/index.ts';
import { serialisePlan } from './serialise.ts';
import type { Plan } from '../domain/plan.ts';

export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

export async function renderPlanOutputs(plan: Plan): Promise<OutputFile[]> {
  const md = renderMarkdown(plan);
  return [
    { name: 'plan.json', data: serialisePlan(plan) },
    { name: 'plan.md', data: md.markdown },
    ...md.images.map((img) => ({ name: img.name, data: img.data })),
    { name: 'plan.xlsx', data: await buildWorkbook(plan) },
  ];
}
