// The VM shape, one function per resource (method §3.3: rounding rules that reproduce every
// row of the worked example, method §2.3). Each returns a ResourceSizing holding every input
// and a readable formula, so a report can show why a VM got its figure.
import type { ResourceSizing } from '../domain/plan.ts';
import type { Demand } from './demand.ts';
import { ceilSafe, fmt, roundUpToStep } from './rounding.ts';

/** "2352.29 MB × (1 + 0.5) = 3528.44 MB; " — empty when peak is 1 and growth 0. */
function demandPrefix(d: Demand, unit: string): string {
  if (d.peakFactor === 1 && d.growth === 0) return '';
  const peak = d.peakFactor === 1 ? '' : ` × ${d.peakFactor} peak`;
  const growth = d.growth === 0 ? '' : ` × (1 + ${d.growth})`;
  return `${fmt(d.measured)} ${unit}${peak}${growth} = ${fmt(d.demand)} ${unit}; `;
}

function sizing(d: Demand, result: number, formula: string): ResourceSizing {
  return {
    statistic: d.statistic,
    measured: d.measured,
    peakFactor: d.peakFactor,
    growth: d.growth,
    demand: d.demand,
    result,
    formula,
  };
}

/** Clock normalisation (method §3.4): demand in source GHz converted to target-host GHz. */
export interface ClockScale {
  sourceGhz: number;
  targetGhz: number;
}

/**
 * vCPU = ⌈cores × CPU % / 100⌉, never below minVcpu (method §3.3, e.g. Nómina
 * ⌈4 × 31.69 / 100⌉ = ⌈1.27⌉ = 2). With clock normalisation the busy cores are scaled by
 * source GHz / target GHz (method §3.4: a 3.06 GHz core busy 50 % is 0.77 of a 2 GHz core).
 */
export function sizeVcpu(d: Demand, cores: number, minVcpu: number, clock?: ClockScale): ResourceSizing {
  const scale = clock ? clock.sourceGhz / clock.targetGhz : 1;
  const exact = ((cores * d.demand) / 100) * scale;
  const rounded = ceilSafe(exact);
  const result = Math.max(rounded, minVcpu);
  const clockText = clock ? ` × ${fmt(clock.sourceGhz)} GHz / ${fmt(clock.targetGhz)} GHz` : '';
  const minText = result > rounded ? ` → minimum ${minVcpu}` : '';
  const formula =
    `${demandPrefix(d, '%')}⌈${cores} cores × ${fmt(d.demand)} % / 100${clockText}⌉ = ⌈${fmt(exact)}⌉ ` +
    `= ${rounded}${minText}`;
  return sizing(d, result, formula);
}

/**
 * memory GB = ⌈MB / 1024⌉, then up to a multiple of stepGb, never below minGb (method
 * §3.3, e.g. Nómina ⌈3528.44 / 1024⌉ = ⌈3.45⌉ = 4 GB).
 */
export function sizeMemoryGb(d: Demand, stepGb: number, minGb: number): ResourceSizing {
  const exactGb = d.demand / 1024;
  const wholeGb = ceilSafe(exactGb);
  const stepped = roundUpToStep(wholeGb, stepGb);
  const result = Math.max(stepped, minGb);
  let formula = `${demandPrefix(d, 'MB')}⌈${fmt(d.demand)} MB / 1024⌉ = ⌈${fmt(exactGb)}⌉ = ${wholeGb} GB`;
  if (stepped !== wholeGb) formula += ` → multiple of ${stepGb} GB = ${stepped} GB`;
  if (result > stepped) formula += ` → minimum ${minGb} GB`;
  return sizing(d, result, formula);
}

/**
 * disk GB = demand rounded up to a multiple of stepGb (method §3.3: 5 GB, "≈55 % growth
 * on average"; e.g. Nómina 96.92 → 100).
 */
export function sizeDiskGb(d: Demand, stepGb: number): ResourceSizing {
  const steps = ceilSafe(d.demand / stepGb);
  const result = roundUpToStep(d.demand, stepGb);
  const formula =
    `${demandPrefix(d, 'GB')}⌈${fmt(d.demand)} GB / ${stepGb}⌉ × ${stepGb} = ${steps} × ${stepGb} ` + `= ${result} GB`;
  return sizing(d, result, formula);
}

/** Network MB/s is kept as the demand, unrounded (method §2.2: it does not size vNICs). */
export function sizeNetworkMBps(d: Demand): ResourceSizing {
  return sizing(d, d.demand, `${demandPrefix(d, 'MB/s')}${fmt(d.demand)} MB/s (not rounded)`);
}
