// `capplan provision` as one pure function: a plan in, every output file (rendered in
// memory) out, per host: domain/network/pool/volume XML, kickstart layout, provision.sh and a
// test-driver node XML to rehearse the apply. Only placed VMs are provisioned.
import type { ProvisionSettings } from '../domain/project.ts';
import { InputError } from '../domain/errors.ts';
import type { Plan } from '../domain/plan.ts';
import { hostProvision, type HostProvision } from './host-provision.ts';
import { checkObjectName, uniqueSlugs } from './names.ts';
import { provisionScript } from './provision-script.ts';
import { testNodeXml } from './test-node-xml.ts';
import type { OsInfoDb } from '../domain/osinfo.ts';
import { fallbackOsInfoDb } from './osinfo-fallback.ts';
import { migrationMarkdown } from './migration/migration-md.ts';
import { waveScript } from './migration/wave-script.ts';
import { migrationWaves, type MigrationVm } from './migration/waves.ts';

interface OutputFile {
  name: string;
  data: string;
  /** File mode, e.g. 0o755 for scripts. */
  mode?: number;
}

export interface ProvisionOutput {
  hosts: HostProvision[];
  files: OutputFile[];
}

export interface ProvisionOptions {
  /** The plan file, for messages. */
  planFile: string;
  /** sha256 of the plan as capplan writes it, recorded in each domain's metadata. */
  planDigest: string;
  /** The OS database for the osinfo guest policy; default: capplan's bundled fallback. */
  osinfo?: OsInfoDb;
}

function checkNames(plan: Plan, settings: ProvisionSettings, file: string): void {
  const seen = new Set<string>();
  plan.vms.forEach((vm, i) => {
    if (vm.status !== 'placed') return;
    checkObjectName(vm.name, { file, column: `vms[${i}].name` });
    if (seen.has(vm.name))
      throw new InputError(`VM name ${JSON.stringify(vm.name)} appears twice`, { file, column: `vms[${i}].name` });
    seen.add(vm.name);
  });
  plan.hosts.forEach((host, i) => {
    checkObjectName(host.name, { file, column: `hosts[${i}].name` });
  });
  const known = new Set(settings.networks.map((n) => n.name));
  settings.nicNetworks.forEach((name, i) => {
    if (!known.has(name))
      throw new InputError(`network ${name} is not in settings.provision.networks`, {
        file,
        column: `settings.provision.nicNetworks[${i}]`,
      });
  });
}

function hostFiles(hp: HostProvision, project: string): OutputFile[] {
  const at = (name: string) => `${hp.dir}/${name}`;
  return [
    ...hp.networks.map((o) => ({ name: at(o.file), data: o.xml })),
    { name: at(hp.pool.file), data: hp.pool.xml },
    ...hp.volumes.map((o) => ({ name: at(o.file), data: o.xml })),
    ...hp.domains.map((o) => ({ name: at(o.file), data: o.xml })),
    { name: at('kickstart-partitions.ks'), data: hp.kickstart },
    { name: at('provision.sh'), data: provisionScript(hp, project), mode: 0o755 },
    { name: at('test-node.xml'), data: testNodeXml(hp.host) },
  ];
}

/** migration/: migration.md and one script per wave (method §13). */
function migrationFiles(plan: Plan, slugs: Map<string, string>): OutputFile[] {
  const s = plan.settings.provision;
  const m = s.migration;
  const waves = migrationWaves(plan);
  if (waves.length === 0) return [];
  const vddk = m.vddkLibdir ? { libdir: m.vddkLibdir, thumbprint: m.vddkThumbprint } : null;
  const target = (vm: MigrationVm) => ({
    pool: s.pool.name,
    format: s.templateVms.includes(vm.name) ? ('qcow2' as const) : s.diskFormat,
    fileName: slugs.get(vm.name) ?? vm.name,
    vddk,
  });
  const vcenters = [...new Set(waves.flatMap((w) => w.vms.map((vm) => vm.vmware?.vcenter ?? null)))].filter(Boolean);
  const ctx = {
    project: plan.project,
    waves: waves.length,
    target,
    vcenter: m.vcenter ?? (vcenters.length === 1 ? vcenters[0]! : null),
    vcenterUser: m.vcenterUser,
    passwordFile: m.passwordFile,
    imageDir: m.imageDir,
    noVerify: m.noVerify,
  };
  const pad = Math.max(2, String(waves.length).length);
  return [
    { name: 'migration/migration.md', data: `${migrationMarkdown(plan, waves, target)}\n` },
    ...waves.map((w) => ({
      name: `migration/wave-${String(w.number).padStart(pad, '0')}.sh`,
      data: waveScript(w, ctx),
      mode: 0o755,
    })),
  ];
}

export function buildProvision(plan: Plan, options: ProvisionOptions): ProvisionOutput {
  const settings = plan.settings.provision;
  checkNames(plan, settings, options.planFile);
  const ctx = {
    project: plan.project,
    planFormatVersion: plan.formatVersion,
    planDigest: `sha256:${options.planDigest}`,
    settings,
    osinfo: options.osinfo ?? fallbackOsInfoDb(),
    // One shared pool holds every host's disks: VM file names are unique across the plan.
    slugs: uniqueSlugs(plan.vms.filter((vm) => vm.status === 'placed').map((vm) => vm.name)),
    hostSlugs: uniqueSlugs(plan.hosts.map((h) => h.name)),
  };
  const hosts = plan.hosts.map((host) => hostProvision(host, plan.vms, ctx));
  const dirs = new Set<string>();
  for (const hp of hosts) {
    if (dirs.has(hp.dir))
      throw new InputError(`two hosts share the folder name ${hp.dir}`, { file: options.planFile, column: 'hosts' });
    dirs.add(hp.dir);
  }
  return { hosts, files: [...hosts.flatMap((hp) => hostFiles(hp, plan.project)), ...migrationFiles(plan, ctx.slugs)] };
}
