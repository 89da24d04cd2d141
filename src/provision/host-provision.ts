// Everything one host needs, as data: the libvirt objects (each with its XML and the file it
// is written to, relative to the host's folder), the kickstart layout. Pure.
import type { ProvisionSettings } from '../domain/project.ts';
import type { PlanHost, PlanVm } from '../domain/plan.ts';
import type { OsInfoDb } from '../domain/osinfo.ts';
import { domainSpec, type DomainSpec } from './domain-spec.ts';
import { domainXml } from './domain-xml.ts';
import { kickstartParts } from './kickstart.ts';
import { networkXml, poolXml, volumeXml } from './libvirt-xml.ts';
import { slug } from './names.ts';

interface ObjectFile {
  /** The libvirt object name. */
  name: string;
  /** Path of its XML, relative to the host folder. */
  file: string;
  xml: string;
}

interface DomainObject extends ObjectFile {
  spec: DomainSpec;
  autostart: boolean;
  start: boolean;
}

export interface HostProvision {
  host: PlanHost;
  /** Folder of this host under the output folder. */
  dir: string;
  networks: ObjectFile[];
  pool: ObjectFile;
  volumes: ObjectFile[];
  domains: DomainObject[];
  kickstart: string;
}

export interface ProvisionContext {
  project: string;
  planFormatVersion: number;
  planDigest: string;
  settings: ProvisionSettings;
  osinfo: OsInfoDb;
  /** File-name slugs of the plan's VMs and hosts, unique across the plan (names.ts uniqueSlugs). */
  slugs: Map<string, string>;
  hostSlugs: Map<string, string>;
}

/** VMs of a host in a stable order: the plan's host order, then by name. */
function hostVms(host: PlanHost, vms: PlanVm[]): PlanVm[] {
  return vms
    .filter((vm) => vm.status === 'placed' && vm.host === host.name)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function hostProvision(host: PlanHost, vms: PlanVm[], ctx: ProvisionContext): HostProvision {
  const s = ctx.settings;
  const networks = s.networks.map((net) => ({
    name: net.name,
    file: `networks/${net.name}.xml`,
    xml: networkXml(net),
  }));
  const pool = { name: s.pool.name, file: `storage/pool-${s.pool.name}.xml`, xml: poolXml(s.pool) };
  const volumes: ObjectFile[] = [];
  const domains: DomainObject[] = [];
  for (const vm of hostVms(host, vms)) {
    const spec = domainSpec(vm, { ...ctx, host: host.name });
    const d = spec.disk;
    volumes.push({
      name: d.volume,
      file: `storage/volumes/${d.volume}.xml`,
      xml: volumeXml({ name: d.volume, capacityGb: d.capacityGb, format: d.format }),
    });
    domains.push({
      name: vm.name,
      file: `domains/${ctx.slugs.get(vm.name) ?? slug(vm.name)}.xml`,
      xml: domainXml(spec),
      spec,
      autostart: spec.highlyAvailable,
      start: s.startVms,
    });
  }
  return {
    host,
    dir: ctx.hostSlugs.get(host.name) ?? slug(host.name),
    networks,
    pool,
    volumes,
    domains,
    kickstart: kickstartParts(host, s.kickstartFsType),
  };
}
