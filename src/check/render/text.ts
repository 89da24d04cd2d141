// Wording shared by the check's renderers: numbers with units, drift, verdicts, in the words of
// the report's language (domain/check-words.ts; English: words-en.ts). Client data (VM and host
// names) is hostile: each renderer escapes for its own medium.
import type { CheckWords } from '../../domain/check-words.ts';
import { unitOf } from '../capacity.ts';
import type { CheckReport, Drift, Headroom } from '../report-model.ts';
import { checkEn } from './words-en.ts';

export function amount(value: number | null, resource: string): string {
  if (value === null) return '–';
  const u = unitOf(resource);
  return u ? `${value} ${u}` : String(value);
}

export function driftText(d: Drift, w: CheckWords = checkEn): string {
  const sign = d.delta > 0 ? '+' : '';
  const pct = d.deltaPct === null ? '' : ` (${sign}${d.deltaPct} %)`;
  const change = `${amount(d.baseline, d.resource)} → ${amount(d.current, d.resource)}`;
  return w.drift(d.resource, change, `${sign}${amount(d.delta, d.resource)}`, pct);
}

export function headroomText(h: Headroom | undefined, w: CheckWords = checkEn): string {
  return h ? w.headroom(h.load, h.available, h.headroom) : '–';
}

export function verdict(r: CheckReport, w: CheckWords = checkEn): string {
  return r.holds ? w.holds(r.hosts.length, r.policy) : w.fails(r.violations.length);
}

/** Where a violation is: scenario, host, VM, resource, in that order, skipping absent parts. */
export const headroomOf = (resources: Headroom[], r: string) => resources.find((x) => x.resource === r);
