// Child process of bench/sources.bench.ts: `capplan plan <project> --out <out>` as runPlan runs
// it (read the inputs, assemble the plan, render plan.json/plan.md/plan.xlsx, write them), with
// the wall time and the peak RSS so far after each stage, so the bench says where time and
// memory go. Peak RSS is this process's alone (DuckDB runs inside it). Prints one JSON line.
import { readFileSync, statSync } from 'node:fs';
import { readProjectInputs } from '../src/ingest/project-inputs.ts';
import { assemblePlan } from '../src/plan/assemble.ts';
import { renderReportFiles } from '../src/report/index.ts';
import type { ReportFormat } from '../src/report/index.ts';
import { writeFilesAtomic } from '../src/io/write-atomic.ts';

const [projectDir, outDir] = process.argv.slice(2);
// CAPPLAN_BENCH_FORMATS=json: plan.json only (the Markdown and workbook of 100,000 VMs are a
// report benchmark's concern; at 10,000 servers they take most of the time and memory).
const formats = (process.env.CAPPLAN_BENCH_FORMATS ?? 'json,md,xlsx').split(',') as ReportFormat[];
const rchar = () => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
const stages: { stage: string; seconds: number; maxRssMb: number; rcharBytes: number }[] = [];
let t = performance.now();
const mark = (stage: string) => {
  const now = performance.now();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  stages.push({ stage, seconds: (now - t) / 1000, maxRssMb, rcharBytes: rchar() });
  // Each stage as it ends, so a run stopped at the bench's time limit still says how far it got.
  process.stderr.write(`stage ${JSON.stringify(stages.at(-1))}\n`);
  t = now;
};
const { inputs } = await readProjectInputs(projectDir!);
mark('read');
const plan = await assemblePlan(inputs);
mark('assemble');
const outputs = await renderReportFiles(plan, formats);
mark('render');
const written = await writeFilesAtomic(outDir!, outputs);
mark('write');
const summary = {
  stages,
  // Bytes read(2) while reading the inputs: DuckDB's Parquet scans, the CSV reader.
  rcharBytes: stages[0]!.rcharBytes,
  hosts: plan.hosts.length,
  placed: plan.totals.placed,
  stoppedEarly: plan.placement.notes.some((n) => n.startsWith('stopped at the time limit')),
  replayWindows: plan.replay?.windows.length ?? 0,
  outputBytes: written.reduce((s, file) => s + statSync(file).size, 0),
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
