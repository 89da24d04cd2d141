// The date a report carries (cover, document properties, zip entries): report.date when set,
// else the end of the monitoring window — never the clock, so the same plan gives the same bytes.
import type { Plan } from '../domain/plan.ts';
import { maxOf } from '../util/extent.ts';

/** Used when the plan has neither a report date nor monitoring timestamps. */
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

export function reportDate(plan: Plan): Date {
  const set = plan.settings.report?.date;
  if (set) return new Date(`${set}T00:00:00Z`);
  const stamps = plan.servers
    .flatMap((s) => (s.usage ? [Date.parse(s.usage.lastTimestamp)] : []))
    .filter(Number.isFinite);
  if (stamps.length === 0) return FALLBACK_DATE;
  // Whole seconds: zip and core.xml hold seconds at most.
  return new Date(Math.floor(maxOf(stamps) / 1000) * 1000);
}

/** The report date as the cover prints it: YYYY-MM-DD (ISO 8601, the same in every language). */
export function reportDay(plan: Plan): string {
  return reportDate(plan).toISOString().slice(0, 10);
}
