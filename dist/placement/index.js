// Public face of the placement optimiser (issue 3). The pipeline and `capplan place` call
// these; everything else under src/placement is internal.
export { solvePlacement } from "./solve.js";
export { simulateFailures } from "./failover.js";
export { verifyPlacement } from "./verify.js";
export { lowerBound } from "./lower-bound.js";
