// Seeded generators of the four hard one-resource classes of BPPLIB (Delorme, Iori & Martello,
// "Bin packing and cutting stock problems: mathematical models and exact algorithms", EJOR
// 255(1), 2016, §6): the published instances are not copied here, so instances of the same
// kind are drawn with the published generators' parameters. Each instance's optimum is
// recorded in HARD_BPP_OPTIMA with how it was established (bench/hard-bpp-optima.ts).
import type { PlacementProblem } from '../../src/domain/problem.ts';
import { makeRng, randInt, type Rng } from '../../src/util/rng.ts';
import { buildInstance } from '../../src/placement/instance.ts';
import { construct } from '../../src/placement/heuristic/construct.ts';
import { martelloTothL2 } from '../../src/placement/lower-bound.ts';

export type HardClass = 'schwerin' | 'scholl3' | 'waescher' | 'hard28';

export interface HardBpp {
  name: string;
  cls: HardClass;
  seed: number;
  capacity: number;
  weights: number[];
}

const uniform = (r: Rng, lo: number, hi: number) => lo + randInt(r, hi - lo + 1);

/** Schwerin & Wäscher 1997: n = 100 (set 1) or 120 (set 2), c = 1,000, w ~ U[150, 200]. */
function schwerin(r: Rng, seed: number, size?: number): HardBpp {
  const n = size ?? (seed % 2 === 0 ? 100 : 120);
  const weights = Array.from({ length: n }, () => uniform(r, 150, 200));
  return { name: `schwerin-${seed}`, cls: 'schwerin', seed, capacity: 1000, weights };
}

/** Scholl, Klein & Jürgens 1997, data set 3: n = 200, c = 100,000, w ~ U[20,000, 35,000]. */
function scholl3(r: Rng, seed: number, size?: number): HardBpp {
  const weights = Array.from({ length: size ?? 200 }, () => uniform(r, 20000, 35000));
  return { name: `scholl3-${seed}`, cls: 'scholl3', seed, capacity: 100000, weights };
}

/**
 * Wäscher & Gau 1996 drew cutting-stock instances with CUTGEN (Gau & Wäscher 1995) and kept
 * those where LP-based rounding failed: c = 10,000, n = 57–239. Here a CUTGEN-like draw: m
 * item types with sizes ~ U[v1·c, v2·c], v1 = 0.01, v2 = 0.6 (wide sizes, several per host),
 * and demands of 1–5 copies per type until n items (n ~ U[57, 239]).
 */
function waescher(r: Rng, seed: number, size?: number): HardBpp {
  const n = size ?? uniform(r, 57, 239);
  const weights: number[] = [];
  while (weights.length < n) {
    const size = uniform(r, 100, 6000);
    const copies = Math.min(n - weights.length, 1 + randInt(r, 5));
    for (let c = 0; c < copies; c++) weights.push(size);
  }
  return { name: `waescher-${seed}`, cls: 'waescher', seed, capacity: 10000, weights };
}

/**
 * Schoenfield 2002's Hard28 generator is unpublished; the instances have n = 160–200,
 * c = 1,000 and sizes over most of (0, 800], few items per host, and are ones where the
 * L2 / LP bound is tight while FFD-type heuristics miss it. Here: n ~ U[160, 200], a third
 * big items ~ U[500, 800] (at most one per host), half medium ~ U[200, 499] and the rest
 * small ~ U[1, 199] that fill the gaps.
 */
function hard28(r: Rng, seed: number, size?: number): HardBpp {
  const n = size ?? uniform(r, 160, 200);
  const weights = Array.from({ length: n }, () => {
    const x = r();
    return x < 1 / 3 ? uniform(r, 500, 800) : x < 5 / 6 ? uniform(r, 200, 499) : uniform(r, 1, 199);
  });
  return { name: `hard28-${seed}`, cls: 'hard28', seed, capacity: 1000, weights };
}

const GENERATORS: Record<HardClass, (r: Rng, seed: number, size?: number) => HardBpp> = {
  schwerin,
  scholl3,
  waescher,
  hard28,
};

/** The instance of class `cls` drawn with `seed` (mulberry32 seeded by class and seed);
 * `size` overrides n (small instances of the same kind for tests). */
export function hardInstance(cls: HardClass, seed: number, size?: number): HardBpp {
  const salt = { schwerin: 1000, scholl3: 2000, waescher: 3000, hard28: 4000 }[cls];
  const h = GENERATORS[cls](makeRng(salt + seed + (size ?? 0) * 7919), seed, size);
  return size === undefined ? h : { ...h, name: `${h.name}-n${size}` };
}

/** The instance as a placement problem: one resource, one host model of capacity c. */
export function hardProblem(h: HardBpp, timeLimitSeconds = 10): PlacementProblem {
  return {
    resources: ['size'],
    hostModels: [{ name: 'bin', capacity: { size: h.capacity }, cost: 1 }],
    vms: h.weights.map((size, i) => ({ name: `i${String(i).padStart(4, '0')}`, demand: { size } })),
    redundancy: 0,
    ceilingPct: 100,
    objective: 'min-hosts',
    timeLimitSeconds,
    seed: 1,
  };
}

/** First-fit decreasing misses the L2 bound: the selection rule of the "hard" classes. */
function ffdMisses(h: HardBpp): boolean {
  const inst = buildInstance(hardProblem(h));
  return construct(inst, [], 'ffd', inst.models[0]!).bins.length > martelloTothL2(h.weights, h.capacity);
}

/**
 * The first `count` seeds of a class. Wäscher & Gau kept only instances that defeated their
 * LP-based heuristics and Schoenfield only ones that defeat FFD-type heuristics, so for those
 * two classes a seed is kept when FFD misses the L2 bound; Schwerin and Scholl 3 take every seed.
 */
export function hardSeeds(cls: HardClass, count: number): number[] {
  const seeds: number[] = [];
  for (let seed = 1; seeds.length < count && seed < 1000; seed++)
    if ((cls !== 'waescher' && cls !== 'hard28') || ffdMisses(hardInstance(cls, seed))) seeds.push(seed);
  return seeds;
}

export interface KnownOptimum {
  cls: HardClass;
  seed: number;
  optimum: number;
  /** The proved bound equal to the optimum: L2, or ⌈LP⌉ (LP value given). */
  bound: 'L2' | { lp: number };
}

/** Optima of the benchmark's instances (the first seeds of hardSeeds), by bench/hard-bpp-optima.ts. */
export const HARD_BPP_OPTIMA: KnownOptimum[] = [
  { cls: 'schwerin', seed: 1, optimum: 22, bound: { lp: 21.1827 } },
  { cls: 'schwerin', seed: 2, optimum: 18, bound: 'L2' },
  { cls: 'schwerin', seed: 3, optimum: 22, bound: 'L2' },
  { cls: 'schwerin', seed: 4, optimum: 18, bound: 'L2' },
  { cls: 'scholl3', seed: 1, optimum: 56, bound: { lp: 55.0638 } },
  { cls: 'scholl3', seed: 2, optimum: 55, bound: 'L2' },
  { cls: 'scholl3', seed: 3, optimum: 56, bound: { lp: 55.4762 } },
  { cls: 'scholl3', seed: 4, optimum: 56, bound: 'L2' },
  // Seed 1 (n 186) is left out: L2 = ⌈LP⌉ = 59 (LP 58.98) but no packing into 59 hosts
  // was found in 120 s, nor did the arc-flow MILP prove 60 in 150 s — its optimum is unknown.
  { cls: 'waescher', seed: 2, optimum: 40, bound: 'L2' },
  { cls: 'waescher', seed: 4, optimum: 60, bound: 'L2' },
  { cls: 'waescher', seed: 6, optimum: 62, bound: 'L2' },
  { cls: 'waescher', seed: 9, optimum: 59, bound: 'L2' },
  { cls: 'hard28', seed: 1, optimum: 86, bound: { lp: 85.0925 } },
  { cls: 'hard28', seed: 4, optimum: 78, bound: 'L2' },
  { cls: 'hard28', seed: 5, optimum: 78, bound: 'L2' },
  { cls: 'hard28', seed: 7, optimum: 78, bound: { lp: 77.002 } },
];
