// Turns a packing into the PlacementResult contract: hosts host1…hostN in packing order,
// VM names sorted inside each host, unplaced VMs with the numbers that rule them out.
import type { PlacedHost, PlacementResult, UnplacedVm } from './types.ts';
import type { Instance } from './instance.ts';
import type { Bin, Packing } from './heuristic/construct.ts';
import type { SimHost } from './failover.ts';
import { fmt, maxUtil } from './vector.ts';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function binVmNames(inst: Instance, bin: Bin): string[] {
  return bin.items.flatMap((i) => inst.items[i]!.vms.map((v) => inst.vms[v]!.name)).sort(byName);
}

export function toSimHosts(inst: Instance, bins: readonly Bin[]): SimHost[] {
  return bins.map((b, i) => ({
    name: `host${i + 1}`,
    capacity: b.model.capacity,
    failCap: b.model.failCap,
    load: b.load,
    vms: b.items.flatMap((it) => inst.items[it]!.vms),
  }));
}

/** Highest load / ceiling-capacity over hosts and resources (the balance objective). */
export function peakUtil(bins: readonly Bin[]): number {
  return Math.max(0, ...bins.map((b) => maxUtil(b.load, b.model.cap)));
}

/** Reason for an item that found no room although some model could take it alone. */
function noRoomReason(inst: Instance, packing: Packing, item: number): string {
  const it = inst.items[item]!;
  const needs = inst.resources.map((r, i) => `${r} ${fmt(it.demand[i]!)}`).join(', ');
  if (it.pin !== null && it.pin >= packing.bins.length)
    return `pinned to host${it.pin + 1}, but the plan has ${packing.bins.length} hosts`;
  const where = it.pin !== null ? `host${it.pin + 1} (pinned)` : `any of the ${packing.bins.length} hosts`;
  const bins = it.pin !== null ? packing.bins.slice(it.pin, it.pin + 1) : packing.bins;
  const free = inst.resources
    .map((r, i) => `${r} ${fmt(Math.max(0, ...bins.map((b) => b.model.cap[i]! - b.load[i]!)))}`)
    .join(', ');
  return `no room left on ${where}: needs ${needs}; the most free is ${free} (anti-affinity and ceilings applied)`;
}

/** What the driver adds to a packing to make a result. */
export type ResultMeta = Omit<PlacementResult, 'hosts' | 'unplaced' | 'hostsUsed' | 'cost'>;

export function toResult(inst: Instance, packing: Packing, meta: ResultMeta): PlacementResult {
  const hosts: PlacedHost[] = packing.bins.map((b, i) => ({
    name: `host${i + 1}`,
    model: b.model.name,
    vms: binVmNames(inst, b),
  }));
  const unplaced: UnplacedVm[] = [...inst.unplaced];
  for (const item of packing.failed) {
    const reason = noRoomReason(inst, packing, item);
    for (const v of inst.items[item]!.vms) unplaced.push({ vm: inst.vms[v]!.name, reasons: [reason] });
  }
  unplaced.sort((a, b) => byName(a.vm, b.vm));
  const cost = packing.bins.reduce((s, b) => s + b.model.cost, 0);
  return { hosts, unplaced, hostsUsed: hosts.length, cost, ...meta };
}
