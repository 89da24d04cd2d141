// The indexed best-fit search of the failure simulation (src/placement/fit-index.ts) and the
// "one survivor takes all" shortcut of the survival check must change no restart: on random
// packed placements — tight hosts, slack ties, empty standby hosts, dedicated host groups,
// anti-affinity on failover — every scenario is compared with a plain linear best fit written
// here from method §6.4, and the verifier's own simulation must strand the same VMs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FitIndex } from '../../src/placement/fit-index.ts';
import {
  failureSets,
  runScenario,
  simView,
  simulateFailures,
  survivesFailures,
  type SimHost,
  type SimVm,
} from '../../src/placement/failover.ts';
import { checkFailover } from '../../src/placement/verify.ts';
import { fits, slack } from '../../src/placement/vector.ts';
import type { PlacementProblem, PlacementVm } from '../../src/domain/problem.ts';
import type { PlacementResult } from '../../src/placement/types.ts';
import { placed, problem, rng, vm } from './builders.ts';

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** Method §6.4 as plainly as it can be written: every survivor tried for every VM. */
function linearBestFit(hosts: readonly SimHost[], vms: readonly SimVm[], failed: readonly number[], refCap: number[]) {
  const loads = hosts.map((h) => h.load.slice());
  const anti = hosts.map((h) => new Set(h.vms.flatMap((v) => vms[v]!.anti ?? [])));
  const moving = failed.flatMap((f) => hosts[f]!.vms);
  moving.sort((a, b) => {
    const x = vms[a]!;
    const y = vms[b]!;
    return RANK[x.priority] - RANK[y.priority] || y.size - x.size || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  });
  const to: (number | null)[] = [];
  for (const v of moving) {
    const d = vms[v]!.demand;
    let best: number | null = null;
    let bestSlack = Infinity;
    hosts.forEach((h, i) => {
      if (failed.includes(i) || (h.partition ?? '') !== (vms[v]!.partition ?? '')) return;
      if (!fits(loads[i]!, d, h.failCap) || (vms[v]!.anti ?? []).some((g) => anti[i]!.has(g))) return;
      const s = slack(loads[i]!, h.failCap, refCap);
      if (s < bestSlack) [best, bestSlack] = [i, s];
    });
    to.push(best);
    if (best !== null) {
      for (let r = 0; r < d.length; r++) loads[best]![r]! += d[r]!;
      for (const g of vms[v]!.anti ?? []) anti[best]!.add(g);
    }
  }
  return { moving, to };
}

/** A random placement packed first-fit (tight hosts), with empty standby hosts at random. */
function randomPlacement(seed: number): { p: PlacementProblem; result: PlacementResult } {
  const r = rng(seed);
  const R = 1 + Math.floor(r() * 3);
  const resources = Array.from({ length: R }, (_, j) => `r${j}`);
  const cap = (scale: number) => Object.fromEntries(resources.map((res) => [res, scale * (8 + Math.floor(r() * 8))]));
  const hostModels = [
    { name: 'a', capacity: cap(1), cost: 1 },
    { name: 'b', capacity: cap(2), cost: 2 },
  ];
  const groups = r() < 0.3;
  const antiOn = r() < 0.3;
  const vms: PlacementVm[] = Array.from({ length: 10 + Math.floor(r() * 120) }, (_, i) =>
    vm(`v${String(i).padStart(3, '0')}`, Object.fromEntries(resources.map((res) => [res, 1 + Math.floor(r() * 5)])), {
      haPriority: (['high', 'medium', 'low'] as const)[Math.floor(r() * 3)]!,
      ...(groups && r() < 0.3 ? { hostGroup: 'g' } : {}),
      ...(antiOn && r() < 0.2 ? { antiAffinity: [`x${Math.floor(r() * 3)}`] } : {}),
    }),
  );
  const hosts: { name: string; model: string; vms: string[]; group?: string; load: number[] }[] = [];
  for (const v of vms) {
    const group = v.hostGroup ?? '';
    let h = hosts.find(
      (x) =>
        (x.group ?? '') === group &&
        resources.every(
          (res, j) => x.load[j]! + v.demand[res]! <= hostModels.find((m) => m.name === x.model)!.capacity[res]!,
        ),
    );
    if (!h) {
      h = {
        name: `h${hosts.length}`,
        model: r() < 0.7 ? 'a' : 'b',
        vms: [],
        load: resources.map(() => 0),
        ...(group ? { group } : {}),
      };
      hosts.push(h);
    }
    h.vms.push(v.name);
    for (const [j, res] of resources.entries()) h.load[j]! += v.demand[res]!;
  }
  for (let s = Math.floor(r() * 3); s > 0; s--) hosts.push({ name: `h${hosts.length}`, model: 'a', vms: [], load: [] });
  if (groups) hosts.push({ name: `h${hosts.length}`, model: 'b', vms: [], load: [], group: 'g' });
  const p = problem({
    resources,
    hostModels,
    vms,
    redundancy: 1 + Math.floor(r() * 2),
    failoverCeilingPct: r() < 0.5 ? 100 : 90,
    ...(antiOn ? { enforceAntiAffinityOnFailover: true } : {}),
  });
  const result = placed(
    hosts.map((h) => ({ name: h.name, model: h.model, vms: h.vms, ...(h.group ? { group: h.group } : {}) })),
  );
  return { p, result };
}

test('indexed best fit restarts every VM where a linear best fit does (150 random placements)', () => {
  let scenarios = 0;
  let stranding = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const { p, result } = randomPlacement(seed);
    const { hosts, vms, refCap } = simView(p, result);
    const index = new FitIndex(hosts, refCap);
    let all = true;
    for (const set of failureSets(hosts, p.redundancy, refCap).sets) {
      const want = linearBestFit(hosts, vms, set, refCap);
      const got = runScenario(hosts, vms, set, refCap, false, index);
      assert.deepEqual(
        got.restarts.map((x) => [x.vm, x.to]),
        want.moving.map((v, i) => [v, want.to[i]]),
        `seed ${seed}, failed ${set.join('+')}`,
      );
      scenarios++;
      if (want.to.includes(null)) {
        stranding++;
        all = false;
      }
    }
    assert.equal(survivesFailures(hosts, vms, p.redundancy, refCap), all, `seed ${seed}`);
    // The verifier simulates on its own and must strand the same VMs in the same scenarios.
    const stranded = (names: readonly string[]) => [...names].sort().join(',');
    const fromSim = simulateFailures(p, result)
      .filter((s) => !s.satisfied)
      .map((s) => `${s.failedHosts.join('+')}:${stranded(s.restarts.filter((x) => x.to === null).map((x) => x.vm))}`);
    const fromCheck = [
      ...new Set(
        checkFailover(p, result).map((v) => `${(v.failedHosts ?? []).join('+')}:${stranded(v.stranded ?? [])}`),
      ),
    ];
    assert.deepEqual(fromCheck, fromSim, `seed ${seed}`);
  }
  // The cases are not all easy: many scenarios strand VMs.
  assert.ok(scenarios > 3000, `${scenarios} scenarios`);
  assert.ok(stranding > 300 && stranding < scenarios - 300, `${stranding} of ${scenarios} strand VMs`);
});

test('the fit index never skips a host with room, from any position', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const { p, result } = randomPlacement(seed);
    const { hosts, refCap } = simView(p, result);
    const index = new FitIndex(hosts, refCap);
    const r = rng(seed + 1000);
    for (let q = 0; q < 20; q++) {
      const d = refCap.map(() => Math.floor(r() * 9));
      const from = Math.floor(r() * hosts.length);
      const at = index.nextCandidate(from, d);
      const end = at < 0 ? hosts.length : at;
      for (let pos = from; pos < end; pos++) {
        const h = hosts[index.host[pos]!]!;
        assert.equal(fits(h.load, d, h.failCap), false, `seed ${seed}: position ${pos} has room, skipped`);
      }
    }
    // Sorted by slack, ties by index.
    for (let pos = 1; pos < hosts.length; pos++) {
      const [a, b] = [index.slack[pos - 1]!, index.slack[pos]!];
      assert.ok(a < b || (a === b && index.host[pos - 1]! < index.host[pos]!));
    }
  }
});
