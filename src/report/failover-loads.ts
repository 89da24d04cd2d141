// The worst load a failure scenario leaves on a survivor (method §6.4), per host and overall.
// A scenario lists only the survivors its restarts land on; every other survivor carries its
// normal-operation load, so a host's worst is the largest of its listed loads and — when it
// survives some scenario unlisted — its normal load. Linear in the listed loads (no spread of
// a huge array into Math.max, no per-host scan of every scenario).
import type { Plan } from '../domain/plan.ts';

export interface FailureLoad {
  cpuPct: number;
  memoryPct: number;
}

const cache = new WeakMap<Plan, Map<string, FailureLoad>>();

/** Per host that survives at least one failure scenario: its worst CPU and memory %. */
export function worstFailureLoads(plan: Plan): Map<string, FailureLoad> {
  const hit = cache.get(plan);
  if (hit) return hit;
  const scenarios = plan.redundancy.scenarios;
  const out = new Map<string, FailureLoad>();
  const seen = new Map<string, number>();
  const bump = (host: string) => seen.set(host, (seen.get(host) ?? 0) + 1);
  for (const s of scenarios) {
    for (const f of s.failedHosts) bump(f);
    for (const l of s.load) {
      bump(l.host);
      const w = out.get(l.host);
      if (!w) out.set(l.host, { cpuPct: l.cpuPct, memoryPct: l.memoryPct });
      else {
        w.cpuPct = Math.max(w.cpuPct, l.cpuPct);
        w.memoryPct = Math.max(w.memoryPct, l.memoryPct);
      }
    }
  }
  if (scenarios.length > 0) {
    for (const h of plan.hosts) {
      // Failed or listed in every scenario: never an unlisted survivor.
      if ((seen.get(h.name) ?? 0) >= scenarios.length) continue;
      const w = out.get(h.name);
      if (!w) out.set(h.name, { cpuPct: h.load.cpuPct, memoryPct: h.load.memoryPct });
      else {
        w.cpuPct = Math.max(w.cpuPct, h.load.cpuPct);
        w.memoryPct = Math.max(w.memoryPct, h.load.memoryPct);
      }
    }
  }
  cache.set(plan, out);
  return out;
}

/** The worst CPU and memory % over every survivor of every scenario; null without scenarios. */
export function worstAfterFailure(plan: Plan): FailureLoad | null {
  const all = worstFailureLoads(plan);
  if (all.size === 0) return null;
  let cpuPct = 0;
  let memoryPct = 0;
  for (const w of all.values()) {
    cpuPct = Math.max(cpuPct, w.cpuPct);
    memoryPct = Math.max(memoryPct, w.memoryPct);
  }
  return { cpuPct, memoryPct };
}
