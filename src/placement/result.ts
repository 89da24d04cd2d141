// Turns a packing into the PlacementResult contract: hosts host1…hostN in packing order,
// VM names sorted inside each host, unplaced VMs with the numbers that rule them out.
import type { PlacedHost, PlacementResult, UnplacedVm } from './types.ts';
import type { Instance } from './instance.ts';
import type { Bin, Packing } from './heuristic/construct.ts';
import type { SimHost } from './failover.ts';
import { fits, fmt, maxUtil } from './vector.ts';
import { maxOf } from '../util/extent.ts';
import { textStep, type TextStep } from '../domain/text-step.ts';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The VMs of a bin's items, by index; plain loops (a million VMs in 60,000 bins). */
function binVms(inst: Instance, bin: Bin): number[] {
  const vms: number[] = [];
  for (const it of bin.items) for (const v of inst.items[it]!.vms) vms.push(v);
  return vms;
}

function binVmNames(inst: Instance, bin: Bin): string[] {
  return binVms(inst, bin)
    .map((v) => inst.vms[v]!.name)
    .sort(byName);
}

export function toSimHosts(inst: Instance, bins: readonly Bin[]): SimHost[] {
  return bins.map((b, i) => ({
    name: `host${i + 1}`,
    capacity: b.model.capacity,
    failCap: b.model.failCap,
    load: b.load,
    vms: binVms(inst, b),
  }));
}

/** Highest load / ceiling-capacity over hosts and resources (the balance objective). */
export function peakUtil(bins: readonly Bin[]): number {
  return maxOf(
    bins.map((b) => maxUtil(b.load, b.model.cap)),
    0,
  );
}

/**
 * An anti-affinity rule that keeps an item off every host with room for it, in plain words:
 * "dc-1 and dc-2 must be apart (anti-affinity rules[0]), but host1, the only host with room
 * for dc-2, holds dc-1"; or the group has more members than the plan has hosts. Null when
 * capacity alone is the reason.
 */
function antiAffinityReason(inst: Instance, packing: Packing, item: number): string | null {
  const it = inst.items[item]!;
  const name = it.vms.map((v) => inst.vms[v]!.name).join(', ');
  for (const g of it.anti) {
    const members = inst.items.filter((o) => o.anti.includes(g)).flatMap((o) => o.vms.map((v) => inst.vms[v]!.name));
    const list =
      members.length > 2 ? `${members.slice(0, -1).join(', ')} and ${members.at(-1)}` : members.join(' and ');
    if (members.length > packing.bins.length)
      return `${list} must be apart (anti-affinity ${g}), but the plan has ${packing.bins.length} hosts`;
  }
  const roomy = packing.bins
    .map((b, i) => ({ b, i }))
    .filter(({ b, i }) => fits(b.load, it.demand, b.model.cap) && (it.pin === null || it.pin === i));
  if (roomy.length === 0) return null;
  const blocked = roomy.map(({ b, i }) => {
    const g = it.anti.find((a) => b.anti.has(a));
    const there = b.items.filter((o) => g && inst.items[o]!.anti.includes(g));
    return { host: `host${i + 1}`, g, there: there.flatMap((o) => inst.items[o]!.vms.map((v) => inst.vms[v]!.name)) };
  });
  if (blocked.some((x) => x.g === undefined)) return null;
  const first = blocked[0]!;
  const hosts = blocked.map((x) => x.host).join(', ');
  const one = blocked.length === 1;
  const only = `${hosts}, the only host${one ? '' : 's'} with room for ${name}, hold${one ? 's' : ''}`;
  const holders = [...new Set(blocked.flatMap((x) => x.there))].join(', ');
  return `${name} and ${first.there.join(', ')} must be apart (anti-affinity ${first.g}), but ${only} ${holders}`;
}

/**
 * Reason for an item that found no room although some model could take it alone, with its
 * figures where capacity is the reason.
 */
function noRoomReason(inst: Instance, packing: Packing, item: number): { text: string; step: TextStep | null } {
  const it = inst.items[item]!;
  const rule = antiAffinityReason(inst, packing, item);
  if (rule) return { text: rule, step: null };
  if (it.pin !== null && it.pin >= packing.bins.length)
    return { text: `pinned to host${it.pin + 1}, but the plan has ${packing.bins.length} hosts`, step: null };
  const bins = it.pin !== null ? packing.bins.slice(it.pin, it.pin + 1) : packing.bins;
  const needs: Record<string, number> = {};
  const free: Record<string, number> = {};
  inst.resources.forEach((r, i) => {
    needs[r] = Number(fmt(it.demand[i]!));
    free[r] = Number(
      fmt(
        maxOf(
          bins.map((b) => b.model.cap[i]! - b.load[i]!),
          0,
        ),
      ),
    );
  });
  const params = { pinned: it.pin !== null ? `host${it.pin + 1}` : null, hosts: packing.bins.length, needs, free };
  return textStep('no-room', params, noRoomEnglish);
}

/** "no room left on any of the 3 hosts: needs vcpu 4, memoryGb 8; the most free is …". */
function noRoomEnglish(p: {
  pinned: string | null;
  hosts: number;
  needs: Record<string, number>;
  free: Record<string, number>;
}): string {
  const where = p.pinned !== null ? `${p.pinned} (pinned)` : `any of the ${p.hosts} hosts`;
  const say = (v: Record<string, number>) =>
    Object.entries(v)
      .map(([r, x]) => `${r} ${x}`)
      .join(', ');
  const room = `needs ${say(p.needs)}; the most free is ${say(p.free)}`;
  return `no room left on ${where}: ${room} (anti-affinity and ceilings applied)`;
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
    const steps = reason.step ? { steps: [reason.step] } : {};
    for (const v of inst.items[item]!.vms) unplaced.push({ vm: inst.vms[v]!.name, reasons: [reason.text], ...steps });
  }
  unplaced.sort((a, b) => byName(a.vm, b.vm));
  const cost = packing.bins.reduce((s, b) => s + b.model.cost, 0);
  return { hosts, unplaced, hostsUsed: hosts.length, cost, ...meta };
}
