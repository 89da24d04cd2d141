// `capplan provision`: read plan.json, render every file (pure), write them atomically, then
// either print the steps or, with --connect, read the live state and (with --apply) run the
// pending steps over one virsh connection.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { readPlan, serialisePlan, type Plan } from '../domain/plan.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { applyHost } from '../provision/apply.ts';
import { buildProvision } from '../provision/build-provision.ts';
import type { HostProvision } from '../provision/host-provision.ts';
import { hostSteps, stepLine } from '../provision/steps.ts';
import { VirshSession } from '../provision/virsh-session.ts';
import { osInfoDir, readOsInfoDb } from '../ingest/osinfo/read-osinfo-db.ts';
import { fallbackOsInfoDb } from '../provision/osinfo-fallback.ts';
import type { OsInfoDb } from '../domain/osinfo.ts';

/** The installed osinfo-db, or the bundled fallback — said on stderr, so a user knows which. */
function osInfoDatabase(): OsInfoDb {
  const db = readOsInfoDb();
  if (db) {
    process.stderr.write(`guest devices from osinfo-db ${db.version} (${db.entries.length} OS) at ${osInfoDir()}\n`);
    return db;
  }
  const fb = fallbackOsInfoDb();
  process.stderr.write(
    `osinfo-db not found at ${osInfoDir()} (install package osinfo-db): guest devices from capplan's bundled ` +
      `FALLBACK of ${fb.entries.length} common OS\n`,
  );
  return fb;
}

export interface ProvisionArgs {
  plan: string;
  out?: string;
  apply?: boolean;
  connect?: string;
  host?: string;
  diskFormat?: 'raw' | 'qcow2';
}

function pickHost(hosts: HostProvision[], name: string | undefined, file: string): HostProvision {
  if (name === undefined) {
    if (hosts.length === 1) return hosts[0]!;
    throw new InputError(
      `the plan has ${hosts.length} hosts; name the one behind --connect with --host ` +
        `(${hosts.map((h) => h.host.name).join(', ')})`,
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
  const cli = { file: '(command line)' };
  if (args.apply && !args.connect) throw new InputError('--apply needs --connect URI', cli);
  if (args.diskFormat !== undefined && !['raw', 'qcow2'].includes(args.diskFormat)) {
    throw new InputError(`--disk-format: expected raw or qcow2, got "${args.diskFormat}"`, cli);
  }
  const plan = withDiskFormat(await readPlan(args.plan), args.diskFormat);
  const outDir = args.out ?? path.join(path.dirname(args.plan), 'provision');
  // The digest of the plan as capplan writes it, recorded in every domain's metadata.
  const digest = createHash('sha256').update(serialisePlan(plan)).digest('hex');
  const osinfo = plan.settings.provision.guestPolicy === 'osinfo' ? osInfoDatabase() : undefined;
  const output = buildProvision(plan, { planFile: args.plan, planDigest: digest, ...(osinfo ? { osinfo } : {}) });
  // Every argument is checked before the first file is written.
  const target = args.connect || args.host !== undefined ? pickHost(output.hosts, args.host, args.plan) : null;
  await writeFilesAtomic(outDir, output.files);
  process.stdout.write(`wrote ${output.files.length} files for ${output.hosts.length} host(s) under ${outDir}\n`);
  if (args.connect && target) {
    await applyOver(args, target, outDir);
    return 0;
  }
  for (const hp of target ? [target] : output.hosts) {
    const steps = hostSteps(hp);
    process.stdout.write(
      `host ${hp.host.name}: ${steps.length} step(s) on an empty libvirt (${hp.domains.length} VMs); existing ` +
        `objects are skipped\n`,
    );
    for (const step of steps) process.stdout.write(`  would run: virsh ${stepLine(step, path.join(outDir, hp.dir))}\n`);
  }
  return 0;
}

/** `--disk-format` overrides the plan's provision.diskFormat (e.g. thin disks for a rehearsal). */
function withDiskFormat(plan: Plan, format: 'raw' | 'qcow2' | undefined): Plan {
  if (format === undefined) return plan;
  const settings = { ...plan.settings, provision: { ...plan.settings.provision, diskFormat: format } };
  return { ...plan, settings };
}
