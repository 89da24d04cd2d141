// The worker side of glpk.ts: one WASM instance of glpk.js per thread, reused for every
// model it is sent. The main thread terminates the worker at the deadline, which is the
// only way to stop a solve that does not honour its own time limit.
import { parentPort } from 'node:worker_threads';
import type { GLPK, LP } from 'glpk.js/node';

export interface MipRequest {
  lp: LP;
  tmlimSeconds: number;
}

export interface MipReply {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  objective: number;
  values: Record<string, number>;
}

let instance: Promise<GLPK> | null = null;

async function solve(req: MipRequest): Promise<MipReply> {
  instance ??= import('glpk.js/node').then((m) => m.default());
  const g = await instance;
  const res = g.solve(req.lp, { msglev: g.GLP_MSG_OFF, presol: true, tmlim: req.tmlimSeconds });
  const s = res.result.status;
  const status: MipReply['status'] =
    s === g.GLP_OPT
      ? 'optimal'
      : s === g.GLP_FEAS
        ? 'feasible'
        : s === g.GLP_NOFEAS || s === g.GLP_INFEAS
          ? 'infeasible'
          : 'unknown';
  return { status, objective: res.result.z, values: res.result.vars };
}

const port = parentPort;
port?.on('message', (req: MipRequest) => {
  void solve(req).then(
    (reply) => port.postMessage(reply),
    () => port.postMessage({ status: 'unknown', objective: Number.NaN, values: {} } satisfies MipReply),
  );
});
