// The one adapter to glpk.js (conventions: "glpk.js is reached through one adapter").
// One WASM instance for the whole process: creating many exhausts WASM memory
// (jvail/glpk.js#45), so it is created lazily once and reused.
import type { GLPK, LP, Result } from 'glpk.js/node';

let instance: Promise<GLPK> | null = null;

async function glpk(): Promise<GLPK> {
  instance ??= import('glpk.js/node').then((m) => m.default());
  return instance;
}

type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface MipOutcome {
  status: MipStatus;
  objective: number;
  values: Record<string, number>;
}

export async function solveMip(lp: LP, timeLimitSeconds: number): Promise<MipOutcome> {
  const g = await glpk();
  const res: Result = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: true, tmlim: Math.max(0.1, timeLimitSeconds) });
  const s = res.result.status;
  const status: MipStatus =
    s === g.GLP_OPT
      ? 'optimal'
      : s === g.GLP_FEAS
        ? 'feasible'
        : s === g.GLP_NOFEAS || s === g.GLP_INFEAS
          ? 'infeasible'
          : 'unknown';
  return { status, objective: res.result.z, values: res.result.vars };
}

export type { LP };
