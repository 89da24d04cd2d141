// Worker entry of helper-thread.ts, in plain JavaScript because node loads it untranslated.
// A worker does not inherit the loader hooks of its parent (neither `--import tsx` nor
// bin.js's register()), so it registers tsx itself before loading the TypeScript worker.
const { register } = await import('tsx/esm/api');
register();
await import('./helper-worker.ts');
