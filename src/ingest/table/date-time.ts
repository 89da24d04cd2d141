// Timestamps as clients write them (docs/inputs.md "Dates and times"): ISO-8601 with or
// without an offset, dd/mm/yyyy, mm/dd/yyyy or yyyy/mm/dd with an optional time (hh:mm,
// hh:mm:ss, AM/PM), epoch seconds or milliseconds. The date order is settled by the data (a
// first field above 12 is a day), else by `inputs.csv.dateFormat`, else by the locale the
// decimal separator suggests; local times take the zone given (`inputs.timezone`, --utc-offset).
import type { DateFormat } from '../../domain/input-settings.ts';
import { parseIsoTimestamp, utcMs } from '../timestamps.ts';
import { localToUtcMs, type LocalZone } from './local-time.ts';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
const SLASHED = new RegExp(
  String.raw`^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})` +
    String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?$`,
);
const EPOCH = /^\d{9,13}$/;

export interface DateDetection {
  format: DateFormat;
  /** How it was chosen, for the ingest summary. */
  how: 'data' | 'setting' | 'assumed';
}

/**
 * The date format of a column from its values: ISO when they are ISO, epoch when all digits,
 * else the order of day and month that every value allows.
 */
export function detectDateFormat(
  values: Iterable<string>,
  setting: DateFormat | undefined,
  decimalComma: boolean,
): DateDetection {
  if (setting) return { format: setting, how: 'setting' };
  let slashed = false;
  let dayFirst = false;
  let monthFirst = false;
  let yearFirst = false;
  let epochDigits = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    if (EPOCH.test(v)) {
      epochDigits = Math.max(epochDigits, v.length);
      continue;
    }
    const m = SLASHED.exec(v);
    if (!m) continue;
    slashed = true;
    if (m[1]!.length === 4) yearFirst = true;
    else if (Number(m[1]) > 12) dayFirst = true;
    else if (Number(m[2]) > 12) monthFirst = true;
  }
  if (yearFirst) return { format: 'yyyy/mm/dd', how: 'data' };
  if (dayFirst && !monthFirst) return { format: 'dd/mm/yyyy', how: 'data' };
  if (monthFirst && !dayFirst) return { format: 'mm/dd/yyyy', how: 'data' };
  if (slashed) return { format: decimalComma ? 'dd/mm/yyyy' : 'mm/dd/yyyy', how: 'assumed' };
  if (epochDigits > 0) return { format: epochDigits >= 12 ? 'epoch-ms' : 'epoch-s', how: 'data' };
  return { format: 'iso', how: 'data' };
}

export type TimestampResult = number | 'malformed' | 'needs-zone';

/** Epoch ms of one timestamp, 'needs-zone' for a local time with no zone given. */
export function parseTimestamp(text: string, format: DateFormat, zone: LocalZone | undefined): TimestampResult {
  const s = text.trim();
  const withOffset = parseIsoTimestamp(s);
  if (withOffset !== null) return withOffset;
  if (format === 'epoch-s' || format === 'epoch-ms') {
    if (!/^\d+(\.\d+)?$/.test(s)) return 'malformed';
    return Math.round(Number(s) * (format === 'epoch-s' ? 1000 : 1));
  }
  const local = localFields(s, format);
  if (local === null) return 'malformed';
  if (!zone) return 'needs-zone';
  return localToUtcMs(local, zone);
}

/** The wall-clock fields of a local timestamp, as `Date.UTC` of them; null when malformed. */
function localFields(s: string, format: DateFormat): number | null {
  const iso = ISO_LOCAL.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac] = iso;
    return utcMs(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), frac ? Number(`0.${frac}`) * 1000 : 0);
  }
  const m = SLASHED.exec(s);
  if (!m || format === 'iso') return null;
  const [, a, b, c, h, mi, sec, frac, ampm] = m;
  const [y, mo, d] =
    format === 'yyyy/mm/dd' ? [+a!, +b!, +c!] : format === 'mm/dd/yyyy' ? [+c!, +a!, +b!] : [+c!, +b!, +a!];
  if (y < 1000) return null;
  let hour = +(h ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^[Pp]/.test(ampm) ? 12 : 0);
  }
  return utcMs(y, mo, d, hour, +(mi ?? 0), +(sec ?? 0), frac ? Number(`0.${frac}`) * 1000 : 0);
}
