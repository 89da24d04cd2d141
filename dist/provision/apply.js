// `--apply`: read what the connection already holds, then run the pending steps of a host,
// in order, through one virsh session; stop at the first error (like provision.sh's set -e).
import { InputError } from "../domain/errors.js";
import { virshLine } from "../escape/shell.js";
import { emptyState, hostSteps, pendingSteps, STATE_QUERIES, stepLine } from "./steps.js";
/** Object names a `virsh … --name` listing printed: one per line, padding removed. */
export function parseNames(output) {
    return new Set(output
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l !== ''));
}
/** Volume names of a `virsh vol-list POOL` table (two header lines; capplan's names hold no spaces). */
export function parseVolumeTable(output) {
    const rows = output.split('\n').filter((l) => l.trim() !== '');
    return new Set(rows.slice(2).map((l) => l.trim().split(/\s+/)[0]));
}
async function must(session, line) {
    const r = await session.run(line);
    if (r.errors.length > 0)
        throw new InputError(`virsh -c ${session.uri} ${line}: ${r.errors.join('; ')}`);
    return r.output;
}
export async function readState(session, poolName) {
    const state = emptyState();
    for (const [key, query] of Object.entries(STATE_QUERIES)) {
        state[key] = parseNames(await must(session, query));
    }
    if (state.activePools.has(poolName))
        state.volumes = parseVolumeTable(await must(session, virshLine('vol-list', poolName)));
    return state;
}
/** Applies one host through an open session; the session stays open for the caller. */
export async function applyHost(session, hp, options) {
    await must(session, 'uri');
    const state = await readState(session, hp.pool.name);
    const steps = hostSteps(hp);
    const pending = pendingSteps(steps, state);
    const ran = [];
    for (const step of pending) {
        const line = stepLine(step, options.hostDir);
        options.onStep?.(line);
        if (!options.dryRun)
            await must(session, line);
        ran.push(line);
    }
    return { ran, skipped: steps.length - pending.length };
}
