// `npm run bench -- place-command`: the promise of `capplan place` (docs/method.md §6.5) on
// large generated estates, as a user meets it: the built CLI in a fresh process, from start
// to the written result (reading, solving, failure simulation, verification, JSON), against
// `timeLimitSeconds` + 1 s. Baseline: the same command on a one-VM problem in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';
import { generatedInstance } from './placement-sets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/bin.js');

interface Outcome {
  wall: number;
  solve: number;
  hosts: number;
  bound: number;
  stopped: boolean;
}

function place(file: string, out: string): Outcome {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'place', file, '--out', out], { cwd: root, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`capplan place ${file}: ${r.stderr}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    placement: { seconds: number; hostsUsed: number; lowerBound: number; notes: string[] };
  };
  const p = result.placement;
  return {
    wall,
    solve: p.seconds,
    hosts: p.hostsUsed,
    bound: p.lowerBound,
    stopped: p.notes.some((n) => n.startsWith('stopped at the time limit')),
  };
}

export default async function placeCommandBench(): Promise<BenchSection[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-place-bench-'));
  try {
    const write = (name: string, problem: object) => {
      const file = path.join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(problem));
      return file;
    };
    const tiny = generatedInstance(1).problem;
    const baseFile = write('tiny', tiny);
    const cases: [number, number, number][] = [
      [20000, 1, 5],
      [100000, 1, 10],
      [100000, 0, 10],
      [1000000, 0, 10],
      [1000000, 1, 10],
    ];
    const load0 = loadavg()[0]!;
    const base = place(baseFile, path.join(dir, 'out.json'));
    const rows: string[] = [];
    for (const [n, k, limit] of cases) {
      const problem = { ...generatedInstance(n).problem, redundancy: k, timeLimitSeconds: limit };
      const o = place(write(`p${n}-${k}`, problem), path.join(dir, 'out.json'));
      rows.push(
        `| ${n.toLocaleString('en-US')} | N+${k} | ${limit} | ${o.wall.toFixed(1)} | ${o.solve.toFixed(1)} | ` +
          `${o.hosts} | ${o.bound} | ${o.stopped ? 'yes' : 'no'} | ${o.wall <= limit + 1 ? 'yes' : 'NO'} |`,
      );
    }
    const load1 = loadavg()[0]!;
    return [
      {
        id: 'place-command',
        markdown:
          '### `capplan place` on generated estates, start to written result\n\n' +
          'VM-shaped instances of the placement bench (1–16 vCPU, 2/4/8 GB per vCPU; 64 vCPU / 383.5 GB ' +
          `hosts; seed 42), objective min-hosts; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}. ` +
          `A one-VM problem takes ${base.wall.toFixed(2)} s in the same run (start-up and output).\n\n` +
          '| VMs | redundancy | limit s | wall s | solve s | hosts | lower bound | stopped early | ' +
          'within limit + 1 s |\n' +
          `|--:|:--|--:|--:|--:|--:|--:|:--|:--|\n${rows.join('\n')}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
