// Public face of the placement optimiser (docs/placement.md). The pipeline and `capplan place` call
// these; everything else under src/placement is internal.
export { solvePlacement } from './solve.ts';
export { simulateFailures } from './failover.ts';
export { verifyPlacement } from './verify.ts';
export { lowerBound } from './lower-bound.ts';
export type * from './types.ts';
