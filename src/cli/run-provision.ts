// `capplan provision`: read plan.json, render every file (pure), write them atomically, then
// either print the steps or, with --connect, read the live state and (with --apply) run the
// pending steps over one virsh connection.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import type { Plan } from '../domain/plan.ts';
import { applyHost } from '../provision/apply.ts';
import { buildProvision } from '../provision/build-provision.ts';
import type { HostProvision } from '../provision/host-provision.ts';
import { hostSteps, stepLine } from '../provision/steps.ts';
import { VirshSession } from '../provision/virsh-session.ts';
import type { ProvisionArgs } from './commands/provision.ts';

async function readPlan(file: string): Promise<{ plan: Plan; digest: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read the plan: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  let plan: Plan;
  try {
    plan = JSON.parse(bytes.toString('utf8')) as Plan;
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file });
  }
  if (typeof plan?.project !== 'string' || !Array.isArray(plan.vms) || !Array.isArray(plan.hosts)) {
    throw new InputError('not a capplan plan (needs project, vms and hosts)', { file });
  }
  return { plan, digest: createHash('sha256').update(bytes).digest('hex') };
}

function pickHost(hosts: HostProvision[], name: string | undefined, file: string): HostProvision {
  if (name === undefined) {
    if (hosts.length === 1) return hosts[0]!;
    throw new InputError(
      `the plan has ${hosts.length} hosts; name the one behind --connect with --host (${hosts.map((h) => h.host.name).join(', ')})`,
      { file },
    );
  }
  const hp = hosts.find((h) => h.host.name === name);
  if (!hp) throw new InputError(`no host ${JSON.stringify(name)} in the plan`, { file, column: 'hosts' });
  return hp;
}

async function applyOver(args: ProvisionArgs, hp: HostProvision, outDir: string): Promise<void> {
  const session = VirshSession.open(args.connect!);
  try {
    const dryRun = !args.apply;
    const say = (line: string) => process.stdout.write(`${dryRun ? 'would run: ' : ''}virsh ${line}\n`);
    const report = await applyHost(session, hp, { hostDir: path.resolve(outDir, hp.dir), dryRun, onStep: say });
    const verb = dryRun ? 'to run' : 'run';
    process.stdout.write(
      report.ran.length === 0
        ? `host ${hp.host.name}: nothing to do, every object exists (${report.skipped} steps satisfied)\n`
        : `host ${hp.host.name}: ${report.ran.length} step(s) ${verb}, ${report.skipped} already satisfied\n`,
    );
  } finally {
    await session.close();
  }
}

export async function runProvision(args: ProvisionArgs): Promise<number> {
  if (args.apply && !args.connect) throw new InputError('--apply needs --connect URI');
  const { plan, digest } = await readPlan(args.plan);
  const outDir = args.out ?? path.join(path.dirname(args.plan), 'provision');
  const output = buildProvision(plan, { planFile: args.plan, planDigest: digest });
  await writeFilesAtomic(outDir, output.files);
  process.stdout.write(`wrote ${output.files.length} files for ${output.hosts.length} host(s) under ${outDir}\n`);
  if (args.connect) {
    await applyOver(args, pickHost(output.hosts, args.host, args.plan), outDir);
    return 0;
  }
  for (const hp of output.hosts) {
    const steps = hostSteps(hp);
    process.stdout.write(
      `host ${hp.host.name}: ${steps.length} step(s) on an empty libvirt (${hp.domains.length} VMs); existing objects are skipped\n`,
    );
    for (const step of steps) process.stdout.write(`  would run: virsh ${stepLine(step, path.join(outDir, hp.dir))}\n`);
  }
  return 0;
}
