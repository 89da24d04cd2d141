// `node --import tsx bench/hard-bpp-optima.ts [class] [seeds] [seconds]`: establishes the
// optimum of generated hard instances (test/helpers/hard-bpp.ts) for HARD_BPP_OPTIMA, never by
// assumption: a proved lower bound — Martello–Toth L2, or the Gilmore–Gomory LP bound by
// column generation (Delorme, Iori & Martello 2016, §4.1; the arc-flow LP of Valério de
// Carvalho has the same value), rounded up — equal to a packing found by a long run.
import GLPK from 'glpk.js/node';
import { hardInstance, hardProblem, type HardBpp, type HardClass } from '../test/helpers/hard-bpp.ts';
import { martelloTothL2 } from '../src/placement/lower-bound.ts';
import { solvePlacement, verifyPlacement } from '../src/placement/index.ts';

const glpk = await GLPK();

/** Bounded knapsack by dynamic programming over capacity: max Σ v_t a_t, Σ w_t a_t ≤ c, a_t ≤ d_t. */
function price(w: number[], d: number[], v: number[], c: number): { value: number; pattern: number[] } {
  // Binary splitting of the counts turns it into a 0/1 knapsack.
  const parts: { t: number; k: number }[] = [];
  w.forEach((_, t) => {
    for (let k = 1, left = Math.min(d[t]!, Math.floor(c / w[t]!)); left > 0; k *= 2) {
      const take = Math.min(k, left);
      parts.push({ t, k: take });
      left -= take;
    }
  });
  const best = new Float64Array(c + 1);
  const choice = new Uint8Array(parts.length * (c + 1));
  parts.forEach((p, q) => {
    const pw = w[p.t]! * p.k;
    const pv = v[p.t]! * p.k;
    if (pv <= 0) return;
    for (let x = c; x >= pw; x--) {
      const cand = best[x - pw]! + pv;
      if (cand > best[x]! + 1e-12) {
        best[x] = cand;
        choice[q * (c + 1) + x] = 1;
      }
    }
  });
  const pattern = w.map(() => 0);
  let x = c;
  for (let q = parts.length - 1; q >= 0; q--) {
    if (choice[q * (c + 1) + x]) {
      pattern[parts[q]!.t]! += parts[q]!.k;
      x -= w[parts[q]!.t]! * parts[q]!.k;
    }
  }
  return { value: best[c]!, pattern };
}

/** Gilmore–Gomory LP bound by column generation, started from the given packings' patterns. */
function lpBound(h: HardBpp, start: number[][]): { lp: number; bound: number; columns: number } {
  const sizes = [...new Set(h.weights)].sort((a, b) => b - a);
  const index = new Map(sizes.map((s, t) => [s, t]));
  const demand = sizes.map(() => 0);
  for (const x of h.weights) demand[index.get(x)!]!++;
  const key = (p: number[]) => p.join(',');
  const columns = new Map<string, number[]>();
  const add = (p: number[]) => columns.set(key(p), p);
  for (const bin of start) {
    const p = sizes.map(() => 0);
    for (const x of bin) p[index.get(x)!]!++;
    add(p);
  }
  sizes.forEach((s, t) => {
    const p = sizes.map(() => 0);
    p[t] = Math.min(demand[t]!, Math.floor(h.capacity / s));
    add(p);
  });
  for (;;) {
    const cols = [...columns.values()];
    const res = glpk.solve(
      {
        name: 'master',
        objective: { direction: glpk.GLP_MIN, name: 'z', vars: cols.map((_, k) => ({ name: `x${k}`, coef: 1 })) },
        subjectTo: sizes.map((_, t) => ({
          name: `d${t}`,
          vars: cols.flatMap((p, k) => (p[t]! > 0 ? [{ name: `x${k}`, coef: p[t]! }] : [])),
          bnds: { type: glpk.GLP_LO, lb: demand[t]!, ub: 0 },
        })),
      },
      { msglev: glpk.GLP_MSG_OFF },
    );
    const z = res.result.z;
    const dual = sizes.map((_, t) => res.result.dual?.[`d${t}`] ?? 0);
    const { value, pattern } = price(sizes, demand, dual, h.capacity);
    // Farley's bound z / max reduced value holds at every iteration; at convergence it is z.
    if (value <= 1 + 1e-9 || columns.has(key(pattern)))
      return { lp: z, bound: Math.ceil(z / Math.max(1, value) - 1e-6), columns: columns.size };
    add(pattern);
  }
}

const classes = (process.argv[2] ?? 'schwerin,scholl3,waescher,hard28').split(',') as HardClass[];
const seeds = (process.argv[3] ?? '1,2,3,4').split(',').map(Number);
const seconds = Number(process.argv[4] ?? 60);
for (const cls of classes)
  for (const seed of seeds) {
    const h = hardInstance(cls, seed);
    const problem = hardProblem(h, seconds);
    const r = await solvePlacement(problem);
    if (verifyPlacement(problem, r).length > 0) throw new Error(`${h.name}: packing fails the checker`);
    const size = new Map(problem.vms.map((v) => [v.name, v.demand.size!]));
    const bins = r.hosts.map((host) => host.vms.map((vm) => size.get(vm)!));
    const l2 = martelloTothL2(h.weights, h.capacity);
    const t0 = performance.now();
    // At L2 already the packing is optimal; column generation is needed only above it.
    const cg = r.hostsUsed === l2 ? { lp: Number.NaN, bound: l2, columns: 0 } : lpBound(h, bins);
    const bound = Math.max(l2, cg.bound);
    const status = bound === r.hostsUsed ? 'optimal' : 'open';
    console.log(
      [h.name, h.weights.length, l2, cg.lp.toFixed(4), bound, r.hostsUsed, status, r.seconds.toFixed(1)].join('\t') +
        `\t(cg ${((performance.now() - t0) / 1000).toFixed(1)} s, ${cg.columns} columns)`,
    );
  }
process.exit(0);
