// The one tolerance for comparing sums of floats: 31.5 GB built from 4 + 3 + … must not fail
// a capacity check on 1e-15, and 2.0000000001 vCPU must not round up to 3.

/** Relative slack of every capacity comparison and every safe rounding. */
export const TOLERANCE = 1e-9;

/** `load` exceeds `capacity` by more than float noise (relative to the capacity, at least 1). */
export function exceeds(load: number, capacity: number): boolean {
  return load > capacity + TOLERANCE * Math.max(1, Math.abs(capacity));
}
