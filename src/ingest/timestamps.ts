// Timestamps of monitoring data. Internally every instant is epoch milliseconds, UTC.
import { flatText } from '../domain/text-step.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * ISO-8601 with a UTC offset or `Z` (docs/inputs.md), e.g. `2010-03-22T00:00:00Z`,
 * `2010-03-22 01:00:00+01:00`. Returns epoch ms, or null when malformed or without offset.
 */
export function parseIsoTimestamp(s: string): number | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, tz] = m;
  const local = utcMs(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    sec ? Number(sec) : 0,
    frac ? Number(`0.${frac}`) * 1000 : 0,
  );
  if (local === null) return null;
  return local - offsetMinutes(tz!) * 60_000;
}

/** `Z` → 0, `+05:30` → 330, `-0400` → -240, `+01` → 60. */
function offsetMinutes(tz: string): number {
  if (tz === 'Z' || tz === 'z') return 0;
  const sign = tz[0] === '-' ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** Date.UTC with range checks (Date.UTC silently rolls 2010-02-31 into March). */
export function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 60) return null;
  if (h === 24 && (mi !== 0 || s !== 0 || ms !== 0)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) + ms + (s === 60 ? 1000 : 0);
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * The texts isoUtc made, by epoch ms. Every server of an estate monitored over one window has
 * the same first and last timestamps, each kept in its usage and its findings: one string per
 * instant, not one per server (at 100,000 servers an estimated 40 MB). Emptied when it grows large.
 */
const isoTexts = new Map<number, string>();
const ISO_TEXTS_MAX = 4096;

/** Epoch ms → `2010-03-22T00:00:00Z` (milliseconds only when not zero). */
export function isoUtc(ms: number): string {
  const known = isoTexts.get(ms);
  if (known !== undefined) return known;
  const s = new Date(ms).toISOString();
  const text = flatText(s.endsWith('.000Z') ? `${s.slice(0, 19)}Z` : s);
  if (isoTexts.size >= ISO_TEXTS_MAX) isoTexts.clear();
  isoTexts.set(ms, text);
  return text;
}

/** Hour of the week, 0 = Monday 00:00–00:59 UTC … 167 = Sunday 23:00–23:59 UTC (ISO weeks start on Monday). */
export function hourOfWeek(epochSeconds: number): number {
  // 1970-01-01 was a Thursday: shift by 3 days so that Monday is day 0.
  const hours = Math.floor(epochSeconds / 3600) + 72;
  return ((hours % 168) + 168) % 168;
}
