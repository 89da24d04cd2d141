// Worker entry of helper-thread.ts when capplan runs from its TypeScript sources (tests,
// benchmarks): a worker does not inherit the loader hooks of its parent (`--import tsx`), so
// it registers tsx itself before loading the TypeScript worker. The build runs the compiled
// helper-worker.js instead.
const { register } = await import('tsx/esm/api');
register();
await import('./helper-worker.ts');
