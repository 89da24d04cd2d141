// Rounding helpers shared by the sizing rules. Every "round up" in sizing goes through
// ceilSafe so that float noise never adds a whole unit (a vCPU, a GB, a 5 GB disk step).
// Demands are products of 2-decimal monitoring figures and factors such as 1.5; binary floats
// carry them with a relative error near 1e-16, so a value meant to be exactly 45 may arrive as
// 45.00000000000001. Anything within TOLERANCE of an integer counts as that integer; no real
// demand is meaningfully that little above a whole vCPU or GB.
import { TOLERANCE } from '../util/tolerance.ts';

/** ⌈x⌉ that ignores float noise just above an integer (see TOLERANCE). */
export function ceilSafe(x: number): number {
  // + 0 turns the -0 that ⌈0 − ε⌉ gives into 0.
  return Math.ceil(x - TOLERANCE) + 0;
}

/** x rounded up to a multiple of step (method §3.3: disk to 5 GB), noise-safe. */
export function roundUpToStep(x: number, step: number): number {
  // toPrecision(12) keeps 3 × 0.1 from printing as 0.30000000000000004 with a fractional step.
  return Number((ceilSafe(x / step) * step).toPrecision(12));
}

/** Fixed 2-decimal rendering for formula strings, without trailing zeros beyond need. */
export function fmt(x: number, digits = 2): string {
  const rounded = Number(x.toFixed(digits));
  return String(rounded);
}
