// `npm run bench -- placement`: the placement optimiser on the benchmark sets of the shared
// data folder beside the checkout (results in docs/benchmarks.md).
// Per set: instances, how many reach the known optimum, how many are proved optimal, mean
// gap to the optimum (or to the lower bound where none is known), time median and max.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchSection } from './run.ts';
import { buildInstance } from '../src/placement/instance.ts';
import { construct } from '../src/placement/heuristic/construct.ts';
import { benchDir, bppSet, cloudSet, generatedInstance, vbpSet, type BenchInstance } from './placement-sets.ts';
import { verifyPlacement, lowerBound, solvePlacement } from '../src/placement/index.ts';

interface Row {
  name: string;
  n: number;
  value: number;
  optimum: number | null;
  bound: number;
  optimal: boolean;
  seconds: number;
  valid: boolean;
}

const quiet = !(process.stderr.isTTY && process.env.CI !== 'true');
const say = (msg: string) => {
  if (!quiet) process.stderr.write(`\r${msg}\x1b[K`);
};

async function run(inst: BenchInstance, timeLimitSeconds: number): Promise<Row> {
  say(inst.name);
  const problem = { ...inst.problem, timeLimitSeconds };
  const r = await solvePlacement(problem);
  const cost = problem.objective === 'min-cost';
  const lb = lowerBound(problem);
  // The checker is slow on 100,000 VMs only through its failover part, which is empty at k = 0.
  const valid = r.unplaced.length === 0 && verifyPlacement(problem, r).length === 0;
  return {
    name: inst.name,
    n: problem.vms.length,
    value: cost ? r.cost : r.hostsUsed,
    optimum: inst.optimum,
    bound: Math.max(cost ? lb.cost : lb.hosts, inst.bestLb ?? 0),
    optimal: r.optimal,
    seconds: r.seconds,
    valid,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function summary(set: string, rows: Row[]): string {
  const known = rows.filter((r) => r.optimum !== null);
  const gapOpt = known.map((r) => (r.value - r.optimum!) / r.optimum!);
  const unknown = rows.filter((r) => r.optimum === null);
  const gapLb = unknown.map((r) => (r.value - r.bound) / r.bound);
  const small = rows.filter((r) => r.n <= 30);
  const mean = (xs: number[]) => (xs.length ? pct(xs.reduce((a, b) => a + b, 0) / xs.length) : '–');
  const secs = rows.map((r) => r.seconds);
  const reached = `${known.filter((r) => r.value === r.optimum).length}/${known.length}`;
  const provedSmall = small.length ? `${small.filter((r) => r.optimal).length}/${small.length}` : '–';
  const times = `${median(secs).toFixed(2)} | ${Math.max(0, ...secs).toFixed(2)}`;
  return (
    `| ${set} | ${rows.length} | ${reached} | ${rows.filter((r) => r.optimal).length} | ${provedSmall} | ` +
    `${mean(gapOpt)} | ${mean(gapLb)} | ${times} | ${rows.every((r) => r.valid) ? 'yes' : 'NO'} |`
  );
}

const HEADER =
  '| set | instances | known optimum reached | proved optimal | proved (≤ 30 VMs) | mean gap to optimum | mean gap ' +
  'to lower bound (optimum unknown) | time median s | time max s | all pass the checker ' +
  '|\n|---|---|---|---|---|---|---|---|---|---|';

async function table(
  id: string,
  title: string,
  sets: [string, BenchInstance[], number][],
  note: string,
): Promise<BenchSection> {
  const lines: string[] = [];
  const missing: string[] = [];
  for (const [name, insts, limit] of sets) {
    if (insts.length === 0) {
      missing.push(name);
      continue;
    }
    const rows: Row[] = [];
    for (const inst of insts) rows.push(await run(inst, limit));
    lines.push(summary(name, rows));
  }
  say('');
  const skipped = missing.length ? `\n\nSkipped (files absent under ../shared/bench): ${missing.join(', ')}.` : '';
  const body = lines.length ? `${HEADER}\n${lines.join('\n')}` : 'No instance files found.';
  return {
    id,
    markdown: `### ${title}\n\n${body}${skipped}\n\n${note}`,
  };
}

async function cloud(): Promise<BenchSection> {
  const names: [string, number, string][] = [
    ['2computers-6processes', 10, 'optimum 5,460'],
    ['3computers-9processes', 10, 'optimum 5,460'],
    ['4computers-12processes', 10, 'optimum 7,410'],
    ['100computers-300processes', 60, 'target ≤ 105,870 within 60 s'],
    ['200computers-600processes', 10, 'target ≤ 212,900 within 10 s'],
    ['400computers-1200processes', 10, 'no published optimum'],
  ];
  const lines: string[] = [];
  for (const [name, limit, target] of names) {
    const inst = cloudSet([name])[0];
    if (!inst) {
      lines.push(`| ${name} | – | – | – | – | skipped: file absent |`);
      continue;
    }
    const r = await run(inst, limit);
    lines.push(
      `| ${name} | ${r.value.toLocaleString('en-US')} | ${r.bound.toLocaleString('en-US')} ` +
        `| ${pct((r.value - r.bound) / r.bound)} | ${r.seconds.toFixed(1)} (limit ${limit}) ` +
        `| ${target}${r.optimal ? ', proved optimal' : ''}${r.valid ? '' : ', FAILS THE CHECKER'} |`,
    );
  }
  say('');
  return {
    id: 'placement-cloud',
    markdown:
      `### OptaPlanner cloud balancing (min-cost, every computer available once)\n\n| file | cost | lower ` +
      `bound (fractional) | gap to bound | seconds | reference |\n|---|---|---|---|---|---|\n${lines.join('\n')}`,
  };
}

async function generated(): Promise<BenchSection> {
  const lines: string[] = [];
  // The last two rows are the planner's usual case: balance, 80 % CPU / 90 % memory
  // ceilings, N+1 with restarts allowed up to 100 %.
  const cases: [number, number, boolean][] = [
    [100, 10, false],
    [1000, 10, false],
    [10000, 10, false],
    [100000, 110, false],
    [1000, 10, true],
    [10000, 10, true],
  ];
  for (const [n, limit, nPlus1] of cases) {
    const inst = generatedInstance(n);
    if (nPlus1)
      Object.assign(inst.problem, {
        redundancy: 1,
        objective: 'balance',
        ceilingPct: { vcpu: 80, memoryGb: 90 },
        failoverCeilingPct: 100,
      });
    const base = nPlus1 ? null : ffdBaseline(inst);
    const r = await run(inst, limit);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const label = `${n.toLocaleString('en-US')}${nPlus1 ? ', N+1, balance, 80/90 % ceilings' : ''}`;
    const baseCells = base
      ? `${base.hosts} (${pct((base.hosts - r.bound) / r.bound)}), ${base.seconds.toFixed(2)} s`
      : '–';
    lines.push(
      `| ${label} | ${r.value} | ${r.bound} | ${pct((r.value - r.bound) / r.bound)} | ${r.seconds.toFixed(1)} ` +
        `(limit ${limit}) | ${baseCells} | ${rssMb.toFixed(0)} | ${r.valid ? 'yes' : 'NO'} |`,
    );
  }
  say('');
  return {
    id: 'placement-generated',
    markdown:
      `### Generated VM-shaped instances (1–16 vCPU, 2/4/8 GB per vCPU; 64 vCPU / 383.5 GB hosts; seed ` +
      `42)\n\n| VMs | hosts | lower bound | gap | seconds | baseline: plain FFD in the same run (gap), time | peak ` +
      `RSS MB (process) | passes the checker |\n|---|---|---|---|---|---|---|---|\n${lines.join('\n')}`,
  };
}

/** Plain first-fit decreasing (normalised size), no improvement: the baseline of the same run. */
function ffdBaseline(inst: BenchInstance): { hosts: number; seconds: number } {
  const t0 = performance.now();
  const vi = buildInstance(inst.problem);
  const packing = construct(vi, [], 'ffd', vi.models[0]!);
  return { hosts: packing.bins.length, seconds: (performance.now() - t0) / 1000 };
}

/** PLACEMENT_BENCH_ONLY=placement-bpp,… runs those sections only (docs/benchmarks.md keeps the others). */
const only = (process.env.PLACEMENT_BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (id: string) => only.length === 0 || only.includes(id);

export default async function placementBench(): Promise<BenchSection[]> {
  if (!existsSync(benchDir))
    return [
      {
        id: 'placement-bpp',
        markdown: `### Placement\n\nSkipped: ${path.relative(process.cwd(), benchDir)} is absent.`,
      },
    ];
  const sections: BenchSection[] = [];
  if (wanted('placement-bpp'))
    sections.push(
      await table(
        'placement-bpp',
        'One resource: BPPLIB (limit 10 s each)',
        [
          ['Falkenauer u120', bppSet('Falkenauer/Falkenauer_U').filter((i) => i.name.includes('u120')), 10],
          ['Falkenauer u1000', bppSet('Falkenauer/Falkenauer_U').filter((i) => i.name.includes('u1000')), 10],
          ['Falkenauer t60', bppSet('Falkenauer/Falkenauer_T').filter((i) => i.name.includes('t60')), 10],
          ['Falkenauer t501', bppSet('Falkenauer/Falkenauer_T').filter((i) => i.name.includes('t501')), 10],
          ['Scholl 1', bppSet('Scholl/Scholl_1'), 10],
        ],
        'Targets: the known optimum on ≥ 95 % of Falkenauer u120/t60 and Scholl 1 instances, ≤ 10 s each.',
      ),
    );
  if (wanted('placement-vector'))
    sections.push(
      await table(
        'placement-vector',
        'Vector bin packing: Panigrahy classes 1–9 (limit 10 s each)',
        [['Panigrahy', vbpSet(), 10]],
        'Target: mean gap to the known optimum ≤ 1.6 % (best published heuristics); proved optimal on every ' +
          'instance of ≤ 30 VMs.',
      ),
    );
  if (wanted('placement-cloud')) sections.push(await cloud());
  if (wanted('placement-generated')) sections.push(await generated());
  return sections;
}
