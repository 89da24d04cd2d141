// `capplan replay <plan.json> <monitoring…>`: read the plan and the window, replay it (method
// §14), render replay.json and replay.md in memory, write both atomically, print one line.
// Exit 1 when normal operation is overloaded beyond replay.maxOverloadPct.
import path from 'node:path';
import { readPlan } from '../domain/plan.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { sha256 } from '../ingest/project-inputs.ts';
import { readWindowSamples } from '../ingest/window-samples.ts';
import { replayFile } from '../replay/index.ts';
import { renderReplayMarkdown, replayStatusLine } from '../report/index.ts';
import { useColor } from './tty.ts';

export interface ReplayArgs {
  plan: string;
  monitoring: string[];
  out?: string;
}

export async function runReplay(args: ReplayArgs): Promise<number> {
  const plan = await readPlan(args.plan);
  const window = await readWindowSamples(args.monitoring);
  const rel = (f: string) => path.relative(process.cwd(), f).split(path.sep).join('/');
  const inputs = await Promise.all(window.files.map(async (f) => ({ file: rel(f), sha256: await sha256(f) })));
  const file = replayFile(plan, window.samples, {
    plan: { file: rel(path.resolve(args.plan)), project: plan.project, sha256: await sha256(args.plan) },
    inputs,
    findings: window.findings,
  });
  const outDir = args.out ?? path.dirname(path.resolve(args.plan));
  await writeFilesAtomic(outDir, [
    { name: 'replay.json', data: `${JSON.stringify(file, null, 2)}\n` },
    { name: 'replay.md', data: renderReplayMarkdown(plan, file) },
  ]);
  process.stdout.write(`${replayStatusLine(file, { color: useColor() })}\nWrote replay.json, replay.md to ${outDir}\n`);
  return file.windows.some((w) => w.overloaded) ? 1 : 0;
}
