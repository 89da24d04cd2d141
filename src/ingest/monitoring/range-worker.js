// Worker entry (plain JavaScript, loaded untranslated): makes sure tsx is registered in this
// thread — it is when the parent ran with `--import tsx` (inherited execArgv), not when the
// parent registered it from bin.js — then loads the TypeScript worker.
if (!process.execArgv.some((a) => a.includes('tsx'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./range-worker.ts');
