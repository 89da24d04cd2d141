// vCPU from CPU demand measured in MHz (method §3.7): the demand over the MHz of one target
// core, with no percentage in between. Which core's MHz, in this order:
//   1. the target host's clock, when clock normalisation is on (method §3.4);
//   2. the source server's own clock (`cpu_ghz` × 1000): the cores it ran on;
//   3. the target host's clock, when the source clock is not known.
import type { InventoryServer } from '../domain/server.ts';
import type { ProjectSettings } from '../domain/project.ts';
import type { ResourceSizing } from '../domain/plan.ts';
import type { Demand } from './demand.ts';
import { figure } from './derivation-line.ts';
import { demandParams, formulaOf } from './formula-step.ts';
import { ceilSafe } from './rounding.ts';
import { demandPrefix, sizing } from './size-vm.ts';

/** MHz of one core a VM's MHz demand is divided by, and whose clock it is. */
export interface CoreClock {
  mhz: number;
  from: 'target' | 'source';
}

/** The per-core clock of the precedence above; null when neither the source nor the target clock is known. */
export function coreClockOf(
  server: Pick<InventoryServer, 'cpuGhz'>,
  settings: Pick<ProjectSettings, 'sizing'>,
  targetHostGhz: number | undefined,
): CoreClock | null {
  const target = targetHostGhz !== undefined && targetHostGhz > 0 ? targetHostGhz * 1000 : null;
  if (settings.sizing.cpuNormalisation === 'clock' && target !== null) return { mhz: target, from: 'target' };
  if (server.cpuGhz !== null && server.cpuGhz > 0) return { mhz: server.cpuGhz * 1000, from: 'source' };
  return target === null ? null : { mhz: target, from: 'target' };
}

/**
 * vCPU = max(minVcpu, ⌈demand MHz / MHz per core⌉), the demand after peak and growth as for a
 * percentage (method §3.2, §3.7; e.g. 2,600 MHz onto 2,000 MHz cores: ⌈1.3⌉ = 2).
 */
export function sizeVcpuFromMhz(d: Demand, clock: CoreClock, minVcpu: number): ResourceSizing {
  const exact = d.demand / clock.mhz;
  const rounded = ceilSafe(exact);
  const result = Math.max(rounded, minVcpu);
  const params = Object.assign(demandParams(d), {
    coreMhz: figure(clock.mhz),
    clockFrom: clock.from,
    exact: figure(exact),
    rounded,
    minVcpu: result > rounded ? minVcpu : null,
  });
  const formula = formulaOf('vcpu-mhz', params, (p) => {
    const whose = p.clockFrom === 'target' ? 'target host' : 'source server';
    const minText = p.minVcpu === null ? '' : ` → minimum ${p.minVcpu}`;
    const division = `${p.demand} MHz / ${p.coreMhz} MHz per core (${whose})`;
    return `${demandPrefix(p, 'MHz')}⌈${division}⌉ = ⌈${p.exact}⌉ = ${p.rounded}${minText}`;
  });
  return Object.assign(sizing(d, result, formula), { unit: 'MHz' as const });
}
