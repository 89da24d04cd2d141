// Public face of the placement optimiser (issue 3). The pipeline and `capplan place` call
// these; everything else under src/placement is internal.
export { solvePlacement, type SolveOptions } from './solve.ts';
export { simulateFailures } from './failover.ts';
export { verifyPlacement } from './verify.ts';
export { lowerBound, type LowerBound } from './lower-bound.ts';
export type * from './types.ts';
