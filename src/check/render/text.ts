// Wording shared by the check's renderers: numbers with units, drift, verdicts. Client data
// (VM and host names) is hostile: each renderer escapes for its own medium.
import { resourceLabel, unitOf } from '../capacity.ts';
import type { CheckReport, Drift, Headroom } from '../report-model.ts';

export function amount(value: number | null, resource: string): string {
  if (value === null) return '–';
  const u = unitOf(resource);
  return u ? `${value} ${u}` : String(value);
}

export function driftText(d: Drift): string {
  const sign = d.delta > 0 ? '+' : '';
  const pct = d.deltaPct === null ? '' : ` (${sign}${d.deltaPct} %)`;
  const change = `${amount(d.baseline, d.resource)} → ${amount(d.current, d.resource)}`;
  return `${resourceLabel(d.resource)} ${change}: ${sign}${amount(d.delta, d.resource)}${pct}`;
}

export function headroomText(h: Headroom | undefined): string {
  return h ? `${h.load} / ${h.available} (${h.headroom >= 0 ? `${h.headroom} left` : `over by ${-h.headroom}`})` : '–';
}

export function verdict(r: CheckReport): string {
  const n = r.violations.length;
  return r.holds
    ? `The proposal holds: ${r.hosts.length} hosts, ${r.policy}, every VM within capacity and limits.`
    : `The proposal does not hold: ${n} violation${n === 1 ? '' : 's'}.`;
}

/** Where a violation is: scenario, host, VM, resource, in that order, skipping absent parts. */
export const headroomOf = (resources: Headroom[], r: string) => resources.find((x) => x.resource === r);
