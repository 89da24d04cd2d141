// Worker entry of glpk.ts when capplan runs from its TypeScript sources (tests, benchmarks):
// a worker does not inherit the loader hooks of its parent (`--import tsx`), so it registers
// tsx itself before loading the TypeScript worker. The build runs the compiled
// glpk-worker.js instead.
const { register } = await import('tsx/esm/api');
register();
await import('./glpk-worker.ts');
