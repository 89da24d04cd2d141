// The VM shape, one function per resource (method §3.3: rounding rules that reproduce every
// row of the worked example, method §2.3). Each returns a ResourceSizing holding every input
// and a readable formula with its step (formula-step.ts), so a report in any language can show
// why a VM got its figure.
import type { ResourceSizing } from '../domain/plan.ts';
import type { Demand } from './demand.ts';
import { figure } from './derivation-line.ts';
import { demandParams, formulaOf, withFormula, type Formula } from './formula-step.ts';
import { ceilSafe, roundUpToStep } from './rounding.ts';

/** "2352.29 MB × (1 + 0.5) = 3528.44 MB; " — empty when peak is 1 and growth 0. */
export function demandPrefix(p: ReturnType<typeof demandParams>, unit: string): string {
  if (p.peakFactor === 1 && p.growth === 0) return '';
  const peak = p.peakFactor === 1 ? '' : ` × ${p.peakFactor} peak`;
  const growth = p.growth === 0 ? '' : ` × (1 + ${p.growth})`;
  return `${p.measured} ${unit}${peak}${growth} = ${p.demand} ${unit}; `;
}

/** The ResourceSizing of a demand, its rounded result and its formula. */
export function sizing(d: Demand, result: number, formula: Formula): ResourceSizing {
  const { statistic, measured, peakFactor, growth, demand } = d;
  return withFormula({ statistic, measured, peakFactor, growth, demand, result }, formula);
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
  const params = Object.assign(demandParams(d), {
    cores,
    sourceGhz: clock ? figure(clock.sourceGhz) : null,
    targetGhz: clock ? figure(clock.targetGhz) : null,
    exact: figure(exact),
    rounded,
    minVcpu: result > rounded ? minVcpu : null,
  });
  const formula = formulaOf('vcpu', params, (p) => {
    const clockText = p.sourceGhz === null ? '' : ` × ${p.sourceGhz} GHz / ${p.targetGhz} GHz`;
    const minText = p.minVcpu === null ? '' : ` → minimum ${p.minVcpu}`;
    return (
      `${demandPrefix(p, '%')}⌈${p.cores} cores × ${p.demand} % / 100${clockText}⌉ = ⌈${p.exact}⌉ ` +
      `= ${p.rounded}${minText}`
    );
  });
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
  const params = Object.assign(demandParams(d), {
    exactGb: figure(exactGb),
    wholeGb,
    stepGb: stepped === wholeGb ? null : stepGb,
    steppedGb: stepped,
    minGb: result > stepped ? minGb : null,
  });
  const formula = formulaOf('memory', params, (p) => {
    const step = p.stepGb === null ? '' : ` → multiple of ${p.stepGb} GB = ${p.steppedGb} GB`;
    const min = p.minGb === null ? '' : ` → minimum ${p.minGb} GB`;
    return `${demandPrefix(p, 'MB')}⌈${p.demand} MB / 1024⌉ = ⌈${p.exactGb}⌉ = ${p.wholeGb} GB${step}${min}`;
  });
  return sizing(d, result, formula);
}

/**
 * disk GB = demand rounded up to a multiple of stepGb (method §3.3: 5 GB, "≈55 % growth
 * on average"; e.g. Nómina 96.92 → 100).
 */
export function sizeDiskGb(d: Demand, stepGb: number): ResourceSizing {
  const steps = ceilSafe(d.demand / stepGb);
  const result = roundUpToStep(d.demand, stepGb);
  const formula = formulaOf(
    'disk',
    Object.assign(demandParams(d), { stepGb, steps, result }),
    (p) =>
      `${demandPrefix(p, 'GB')}⌈${p.demand} GB / ${p.stepGb}⌉ × ${p.stepGb} = ${p.steps} × ${p.stepGb} ` +
      `= ${p.result} GB`,
  );
  return sizing(d, result, formula);
}

/** Network MB/s is kept as the demand, unrounded (method §2.2: it does not size vNICs). */
export function sizeNetworkMBps(d: Demand): ResourceSizing {
  const formula = formulaOf(
    'network',
    demandParams(d),
    (p) => `${demandPrefix(p, 'MB/s')}${p.demand} MB/s (not rounded)`,
  );
  return sizing(d, d.demand, formula);
}
