// `capplan plan`: placeholder until the pipeline lands (foundation issue).
export async function runPlan(args: { project: string; out?: string }): Promise<number> {
  process.stderr.write(`capplan plan ${args.project}: pipeline not written yet\n`);
  return 3;
}
