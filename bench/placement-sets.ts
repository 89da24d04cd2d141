// Benchmark instances for the placement optimiser (docs/benchmarks.md, sections placement-*):
// BPPLIB 1-D files, Panigrahy vector files, OptaPlanner cloud balancing, and generated
// VM-shaped instances. Each loader turns a third-party file into a PlacementProblem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlacementProblem } from '../src/domain/problem.ts';
import { makeRng, type Rng } from '../src/util/rng.ts';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/bench');

export interface BenchInstance {
  name: string;
  problem: PlacementProblem;
  /** Known optimum (hosts, or cost for cloud balancing), when published. */
  optimum: number | null;
  /** Published lower bound when the optimum is unknown. */
  bestLb?: number | null;
}

const base = (over: Partial<PlacementProblem>): PlacementProblem => ({
  resources: ['size'],
  hostModels: [],
  vms: [],
  redundancy: 0,
  ceilingPct: 100,
  objective: 'min-hosts',
  timeLimitSeconds: 10,
  seed: 1,
  ...over,
});

function numbers(file: string): number[] {
  return readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number);
}

/** BPPLIB: n, c, then n weights (bpplib/README.md). */
export function bppSet(folder: string): BenchInstance[] {
  const dir = path.join(benchDir, 'bpplib', folder);
  if (!existsSync(dir)) return [];
  const optima = new Map<string, number>();
  for (const line of readFileSync(path.join(benchDir, 'bpplib/optima.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const f = line.split('\t');
    if (f[7] === 'optimal') optima.set(f[1]!, Number(f[6]));
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const [n, c, ...w] = numbers(path.join(dir, f));
      const name = f.replace(/\.txt$/, '');
      const problem = base({
        hostModels: [{ name: 'bin', capacity: { size: c! }, cost: 1 }],
        vms: w.slice(0, n).map((size, i) => ({ name: `i${String(i).padStart(4, '0')}`, demand: { size } })),
      });
      return { name, problem, optimum: optima.get(name) ?? null };
    });
}

/** VPSolver .vbp: d, capacities, m, then per item type d sizes and a count (vbp_panigrahy/README.md). */
export function vbpSet(): BenchInstance[] {
  const root = path.join(benchDir, 'vbp_panigrahy');
  if (!existsSync(root)) return [];
  const rows = readFileSync(path.join(root, 'optima.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  return rows
    .filter((f) => f[0] === 'Panigrahy')
    .map((f) => {
      const nums = numbers(path.join(root, f[1]!));
      const d = nums[0]!;
      const caps = nums.slice(1, 1 + d);
      const m = nums[1 + d]!;
      const resources = caps.map((_, i) => `r${i}`);
      const vms: PlacementProblem['vms'] = [];
      for (let t = 0; t < m; t++) {
        const row = nums.slice(2 + d + t * (d + 1), 2 + d + (t + 1) * (d + 1));
        for (let c = 0; c < row[d]!; c++)
          vms.push({
            name: `i${String(vms.length).padStart(4, '0')}`,
            demand: Object.fromEntries(resources.map((r, i) => [r, row[i]!])),
          });
      }
      const problem = base({
        resources,
        hostModels: [{ name: 'bin', capacity: Object.fromEntries(resources.map((r, i) => [r, caps[i]!])), cost: 1 }],
        vms,
      });
      const opt = Number(f[6]);
      return { name: path.basename(f[1]!, '.vbp'), problem, optimum: opt > 0 ? opt : null, bestLb: Number(f[5]) };
    });
}

interface CloudFile {
  computerList: { id: number; cpuPower: number; memory: number; networkBandwidth: number; cost: number }[];
  processList: { id: number; requiredCpuPower: number; requiredMemory: number; requiredNetworkBandwidth: number }[];
}

const CLOUD_OPTIMA: Record<string, number> = {
  '2computers-6processes': 5460,
  '3computers-9processes': 5460,
  '4computers-12processes': 7410,
};

/** OptaPlanner cloud balancing: every computer is a model available once; minimise cost. */
export function cloudSet(names: string[]): BenchInstance[] {
  return names
    .filter((n) => existsSync(path.join(benchDir, 'cloudbalancing', `${n}.json`)))
    .map((name) => {
      const data = JSON.parse(readFileSync(path.join(benchDir, 'cloudbalancing', `${name}.json`), 'utf8')) as CloudFile;
      const problem = base({
        resources: ['cpu', 'memory', 'network'],
        objective: 'min-cost',
        hostModels: data.computerList.map((c) => ({
          name: `c${c.id}`,
          capacity: { cpu: c.cpuPower, memory: c.memory, network: c.networkBandwidth },
          cost: c.cost,
          maxCount: 1,
        })),
        vms: data.processList.map((p) => ({
          name: `p${p.id}`,
          demand: { cpu: p.requiredCpuPower, memory: p.requiredMemory, network: p.requiredNetworkBandwidth },
        })),
      });
      return { name, problem, optimum: CLOUD_OPTIMA[name] ?? null };
    });
}

function pick<T>(r: Rng, table: [T, number][]): T {
  let x = r();
  for (const [v, p] of table) {
    x -= p;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

/**
 * VMs shaped like a typical estate: 1–16 vCPU (mostly 2–4), 2/4/8 GB per vCPU; hosts of
 * 2 × 16 cores at 2 vCPU per core (64 vCPU) and 384 GB, 0.5 GB hypervisor reserve.
 */
export function generatedInstance(n: number, seed = 42): BenchInstance {
  const r = makeRng(seed + n);
  const vms = Array.from({ length: n }, (_, i) => {
    const vcpu = pick(r, [
      [1, 0.25],
      [2, 0.35],
      [4, 0.25],
      [8, 0.12],
      [16, 0.03],
    ]);
    const gbPerVcpu = pick(r, [
      [2, 0.3],
      [4, 0.45],
      [8, 0.25],
    ]);
    return { name: `vm${String(i).padStart(6, '0')}`, demand: { vcpu, memoryGb: vcpu * gbPerVcpu } };
  });
  const problem = base({
    resources: ['vcpu', 'memoryGb'],
    hostModels: [{ name: 'std', capacity: { vcpu: 64, memoryGb: 383.5 }, cost: 1 }],
    vms,
    timeLimitSeconds: n >= 100000 ? 100 : 10,
  });
  return { name: `generated-${n}`, problem, optimum: null };
}
