// The provisioning steps of a host and the rule that makes them idempotent: each step names
// the piece of libvirt state that, when it already holds the object, makes the step
// unnecessary. provision.sh (bash) and `--apply` (TypeScript) both run exactly these steps
// against the same state queries, so the script and the apply cannot drift apart.
import path from 'node:path';
import type { HostProvision } from './host-provision.ts';
import { virshLine } from '../escape/shell.ts';

/** What provisioning needs to know about a connection; each a set of object names. */
export interface LibvirtState {
  domains: Set<string>;
  activeDomains: Set<string>;
  autostartDomains: Set<string>;
  networks: Set<string>;
  activeNetworks: Set<string>;
  autostartNetworks: Set<string>;
  pools: Set<string>;
  activePools: Set<string>;
  autostartPools: Set<string>;
  /** Volumes of the provisioning pool (empty when the pool is missing or inactive). */
  volumes: Set<string>;
}

export type StateKey = keyof LibvirtState;

/** The virsh query that fills each state set (one object name per line). */
export const STATE_QUERIES: Record<Exclude<StateKey, 'volumes'>, string> = {
  domains: 'list --all --name',
  activeDomains: 'list --name',
  autostartDomains: 'list --all --autostart --name',
  networks: 'net-list --all --name',
  activeNetworks: 'net-list --name',
  autostartNetworks: 'net-list --all --autostart --name',
  pools: 'pool-list --all --name',
  activePools: 'pool-list --name',
  autostartPools: 'pool-list --all --autostart --name',
};

export interface Step {
  /** The object the step is about (libvirt name). */
  object: string;
  /** Skip the step when this state set already holds `object`. */
  unless: StateKey;
  /** virsh command words; a file argument is relative to the host folder. */
  words: string[];
  /** Index of the file argument in `words`, if any. */
  fileArg?: number;
}

export function emptyState(): LibvirtState {
  const s = () => new Set<string>();
  return {
    domains: s(),
    activeDomains: s(),
    autostartDomains: s(),
    networks: s(),
    activeNetworks: s(),
    autostartNetworks: s(),
    pools: s(),
    activePools: s(),
    autostartPools: s(),
    volumes: s(),
  };
}

/**
 * Order: networks, then storage, then VM disks, then domains (each needs the ones before).
 * Every name and file goes after its option (`--domain NAME`, `--file FILE`): a VM named
 * `--help` is then a value, never an option of virsh.
 */
export function hostSteps(hp: HostProvision): Step[] {
  const steps: Step[] = [];
  for (const net of hp.networks) {
    steps.push({ object: net.name, unless: 'networks', words: ['net-define', '--file', net.file], fileArg: 2 });
    steps.push({ object: net.name, unless: 'activeNetworks', words: ['net-start', '--network', net.name] });
    steps.push({ object: net.name, unless: 'autostartNetworks', words: ['net-autostart', '--network', net.name] });
  }
  const pool = hp.pool.name;
  steps.push({ object: pool, unless: 'pools', words: ['pool-define', '--file', hp.pool.file], fileArg: 2 });
  // pool-build creates the pool's directory; only for a pool capplan defines itself.
  steps.push({ object: pool, unless: 'pools', words: ['pool-build', '--pool', pool] });
  steps.push({ object: pool, unless: 'activePools', words: ['pool-start', '--pool', pool] });
  steps.push({ object: pool, unless: 'autostartPools', words: ['pool-autostart', '--pool', pool] });
  for (const vol of hp.volumes)
    steps.push({
      object: vol.name,
      unless: 'volumes',
      words: ['vol-create', '--pool', pool, '--file', vol.file],
      fileArg: 4,
    });
  for (const dom of hp.domains) {
    steps.push({ object: dom.name, unless: 'domains', words: ['define', '--file', dom.file], fileArg: 2 });
    // Method §8: a highly available VM restarts by itself; libvirt's autostart is the
    // per-host equivalent (the VM starts when its host boots).
    if (dom.autostart)
      steps.push({ object: dom.name, unless: 'autostartDomains', words: ['autostart', '--domain', dom.name] });
    if (dom.start) steps.push({ object: dom.name, unless: 'activeDomains', words: ['start', '--domain', dom.name] });
  }
  return steps;
}

/** The steps still to run against `state`. */
export function pendingSteps(steps: Step[], state: LibvirtState): Step[] {
  return steps.filter((step) => !state[step.unless].has(step.object));
}

/** The virsh command line of a step, its file resolved against `baseDir` ('' keeps it relative). */
export function stepLine(step: Step, baseDir = ''): string {
  const words = step.words.map((w, i) => (i === step.fileArg && baseDir ? path.join(baseDir, w) : w));
  return virshLine(...words);
}
