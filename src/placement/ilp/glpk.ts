// The one adapter to glpk.js (conventions: "glpk.js is reached through one adapter").
// GLPK runs in a worker thread (glpk-worker.ts): its own time limit (`tmlim`) is not checked
// everywhere (presolve, the root LP of a large arc-flow model can run for minutes past it), so
// the worker is terminated at the deadline and the solve reports `unknown` (docs/method.md
// §6.5). One worker, started on first use and reused: each holds one WASM instance, and
// creating many in one thread exhausts WASM memory (jvail/glpk.js#45).
import { Worker } from 'node:worker_threads';
import type { LP } from 'glpk.js/node';
import type { Deadline } from '../deadline.ts';
import type { MipReply, MipRequest } from './glpk-worker.ts';

export type MipOutcome = MipReply;

let worker: Worker | null = null;

function start(): Worker {
  if (worker) return worker;
  // Built (dist/): the compiled worker. From the sources (tests, tsx): a shim that registers tsx.
  const entry = import.meta.url.endsWith('.ts') ? './glpk-worker-tsx.js' : './glpk-worker.js';
  worker = new Worker(new URL(entry, import.meta.url));
  // An idle worker must not keep the process alive.
  worker.unref();
  return worker;
}

const UNKNOWN: MipOutcome = { status: 'unknown', objective: Number.NaN, values: {} };

/** Solves `lp` before `deadline`; past it the solve is abandoned (`unknown`). */
export async function solveMip(lp: LP, deadline: Deadline, phase = 'exact MILP'): Promise<MipOutcome> {
  const ms = deadline.remainingMs();
  if (ms < 50) {
    deadline.stop(phase);
    return UNKNOWN;
  }
  const w = start();
  // GLPK's own limit a little earlier, so it usually returns its best plan by itself.
  const req: MipRequest = { lp, tmlimSeconds: Math.max(0.05, (ms * 0.9) / 1000) };
  return new Promise<MipOutcome>((resolve) => {
    const done = (out: MipOutcome) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      resolve(out);
    };
    const onMessage = (reply: MipReply) => {
      if (reply.status === 'unknown' || reply.status === 'feasible') deadline.stop(phase);
      done(reply);
    };
    const onError = () => {
      worker = null;
      done(UNKNOWN);
    };
    const timer = setTimeout(() => {
      deadline.stop(phase);
      worker = null;
      void w.terminate();
      done(UNKNOWN);
    }, ms);
    w.on('message', onMessage);
    w.on('error', onError);
    w.postMessage(req);
  });
}

export type { LP };
