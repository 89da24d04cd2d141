// Start-up of the built CLI: `capplan --help` and `capplan --version` as a ratio to `node -e 0`
// measured in the same run, interleaved so that the machine's load affects both alike. The
// CLI declares its commands eagerly and imports each command's code only when it runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const bin = path.join(root, 'dist/cli/bin.js');
const RUNS = 25;

function wallMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<BenchSection[]> {
  if (!existsSync(bin)) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const cases = { node: ['-e', '0'], help: [bin, '--help'], version: [bin, '--version'] } as const;
  const times: Record<keyof typeof cases, number[]> = { node: [], help: [], version: [] };
  for (const args of Object.values(cases)) wallMs([...args]); // warm the file cache
  for (let i = 0; i < RUNS; i++)
    for (const [k, args] of Object.entries(cases)) times[k as keyof typeof cases].push(wallMs([...args]));
  const base = median(times.node);
  const row = (label: string, xs: number[]) =>
    `| ${label} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${(median(xs) / base).toFixed(2)}× |`;
  const ratio = median(times.help) / base;
  const markdown = [
    '### Start-up of the built CLI',
    '',
    `Median and minimum wall time of ${RUNS} runs each, interleaved, Node ${process.version}; the ratio is to ` +
      '`node -e 0` in the same run.',
    '',
    '| command | median ms | min ms | ratio to node -e 0 |',
    '|---|---:|---:|---:|',
    row('node -e 0', times.node),
    row('capplan --help', times.help),
    row('capplan --version', times.version),
    '',
    `Target: \`capplan --help\` ≤ 3× \`node -e 0\` → ${ratio.toFixed(2)}× (${ratio <= 3 ? 'met' : 'not met'}).`,
  ].join('\n');
  return [{ id: 'startup', markdown }];
}
