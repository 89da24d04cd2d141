// `--apply`: read what the connection already holds, then run the pending steps of a host,
// in order, through one virsh session; stop at the first error (like provision.sh's set -e).
import { InputError } from '../domain/errors.ts';
import type { HostProvision } from './host-provision.ts';
import { virshLine } from '../escape/shell.ts';
import { emptyState, hostSteps, pendingSteps, STATE_QUERIES, stepLine, type LibvirtState, type Step } from './steps.ts';
import type { VirshSession } from './virsh-session.ts';

/** Object names a `virsh … --name` listing printed: one per line, padding removed. */
function parseNames(output: string): Set<string> {
  return new Set(
    output
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== ''),
  );
}

/** Volume names of a `virsh vol-list POOL` table (two header lines; capplan's names hold no spaces). */
function parseVolumeTable(output: string): Set<string> {
  const rows = output.split('\n').filter((l) => l.trim() !== '');
  return new Set(rows.slice(2).map((l) => l.trim().split(/\s+/)[0]!));
}

async function must(session: VirshSession, line: string): Promise<string> {
  const r = await session.run(line);
  if (r.errors.length > 0) throw new InputError(`virsh -c ${session.uri} ${line}: ${r.errors.join('; ')}`);
  return r.output;
}

async function readState(session: VirshSession, poolName: string): Promise<LibvirtState> {
  const state = emptyState();
  for (const [key, query] of Object.entries(STATE_QUERIES)) {
    state[key as keyof typeof STATE_QUERIES] = parseNames(await must(session, query));
  }
  if (state.activePools.has(poolName))
    state.volumes = parseVolumeTable(await must(session, virshLine('vol-list', '--pool', poolName)));
  return state;
}

export interface ApplyReport {
  /** Command lines run (or, in a dry run, that would run), in order. */
  ran: string[];
  /** How many steps were already satisfied. */
  skipped: number;
}

export interface ApplyOptions {
  /** Folder holding the host's files (its XML paths are resolved against it). */
  hostDir: string;
  dryRun: boolean;
  /** Called before each step runs, for progress output. */
  onStep?: (line: string) => void;
}

/** Applies one host through an open session; the session stays open for the caller. */
export async function applyHost(session: VirshSession, hp: HostProvision, options: ApplyOptions): Promise<ApplyReport> {
  await must(session, 'uri');
  const state = await readState(session, hp.pool.name);
  const steps: Step[] = hostSteps(hp);
  const pending = pendingSteps(steps, state);
  const ran: string[] = [];
  for (const step of pending) {
    const line = stepLine(step, options.hostDir);
    options.onStep?.(line);
    if (!options.dryRun) await must(session, line);
    ran.push(line);
  }
  return { ran, skipped: steps.length - pending.length };
}
