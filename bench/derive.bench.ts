// Derive mode on large estates (docs/method.md §6.6): generated busy servers, N+1, the host
// count searched (hostCount null), placement limit 10 s. Rows: hosts, lower bound, seconds of
// reading the inputs and assembling the plan (reports not rendered). One run each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readProjectInputs } from '../src/ingest/project-inputs.ts';
import { assemblePlan } from '../src/plan/assemble.ts';
import { writeBusyEstate } from '../test/helpers/busy-estate.ts';
import type { BenchSection } from './run.ts';

export default async function deriveBench(): Promise<BenchSection[]> {
  const rows = [
    '| servers | placed | hosts | lower bound | host spec | stopped early | seconds |',
    '|---:|---:|---:|---:|---|---|---:|',
  ];
  for (const servers of [1000, 10_000]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-bench-estate-'));
    writeBusyEstate(dir, servers, { timeLimitSeconds: 10 });
    const t0 = performance.now();
    const { inputs } = await readProjectInputs(dir);
    const plan = await assemblePlan(inputs);
    const seconds = (performance.now() - t0) / 1000;
    const m = plan.hostModel;
    const stopped = plan.placement.notes.some((n) => n.startsWith('stopped at the time limit')) ? 'yes' : 'no';
    rows.push(
      `| ${servers} | ${plan.totals.placed} | ${plan.hosts.length} | ${plan.placement.lowerBound} ` +
        `| ${m.sockets} × ${m.coresPerSocket} cores, ${m.memoryGb} GB | ${stopped} | ${seconds.toFixed(1)} |`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    {
      id: 'derive-estates',
      markdown: [
        '### Derive mode on large estates',
        '',
        'Generated busy servers (4–16 cores, 8–64 GB, 40–80 % CPU), N+1, `hostCount: null`, RHEV-H 2.2 limits',
        '(64 CPUs per node), placement limit 10 s; inputs read and plan assembled, one run each on this machine.',
        '',
        ...rows,
      ].join('\n'),
    },
  ];
}
