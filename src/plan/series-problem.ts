// Time-aware placement (method §14.4): the allocation problem plus one dimension per slot and
// resource — `cpuGhz@<slot start>` and `memoryGb@<slot start>` — whose host capacities are
// the physical ones the replay uses (sockets × cores × GHz × SMT factor; RAM − reserve) under
// the normal ceilings. The placers are generic in their dimensions, so the lower bound (the
// peak over slots of the summed demand, method §6.3), N+k on the series (§6.4) and the
// verifier hold on the series without a line of their own.
import type { HostModel } from '../domain/catalog.ts';
import type { PlacementProblem } from '../domain/problem.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { DemandSeries } from '../replay/index.ts';

export function withSeries(
  problem: PlacementProblem,
  model: HostModel,
  settings: ProjectSettings,
  series: DemandSeries,
): PlacementProblem {
  const cpu = series.slotLabel.map((s) => `cpuGhz@${s}`);
  const mem = series.slotLabel.map((s) => `memoryGb@${s}`);
  const ghz = model.sockets * model.coresPerSocket * model.cpuGhz * settings.replay.smtFactor;
  const usableGb = model.memoryGb - settings.hypervisor.reserveMb / 1024;
  const c = settings.cluster;
  const ceilings = typeof problem.ceilingPct === 'number' ? {} : problem.ceilingPct;
  const empty = { cpuGhz: new Float64Array(cpu.length), memoryGb: new Float64Array(mem.length) };
  return {
    ...problem,
    resources: [...problem.resources, ...cpu, ...mem],
    hostModels: problem.hostModels.map((m) => ({
      ...m,
      capacity: {
        ...m.capacity,
        ...Object.fromEntries(cpu.map((r) => [r, ghz])),
        ...Object.fromEntries(mem.map((r) => [r, usableGb])),
      },
    })),
    vms: problem.vms.map((vm) => {
      const s = series.vms.get(vm.name) ?? empty;
      const demand: Record<string, number> = { ...vm.demand };
      cpu.forEach((r, i) => {
        demand[r] = s.cpuGhz[i]!;
      });
      mem.forEach((r, i) => {
        demand[r] = s.memoryGb[i]!;
      });
      return { ...vm, demand };
    }),
    ceilingPct: {
      ...ceilings,
      ...Object.fromEntries(cpu.map((r) => [r, c.cpuCeilingPct])),
      ...Object.fromEntries(mem.map((r) => [r, c.memoryCeilingPct])),
    },
  };
}
