// Local wall-clock time → UTC instant, in an IANA time zone (daylight saving applied) or at a
// fixed offset. The zone rules come from Node's Intl (ICU's tz database): no table of our own.

/** Where local times without an offset are: a zone name, or minutes east of UTC. */
export type LocalZone = { zone: string } | { offsetMinutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and UTC hour: rows of one file repeat the same hours. */
const offsets = new Map<string, number>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at instant `utcMs`, in ms (Mexico City in March 2010: −6 h). */
function zoneOffsetMs(zone: string, utcMs: number): number {
  // Offsets change on whole minutes; a zone's offset within one UTC minute is constant.
  const minute = Math.floor(utcMs / 60_000);
  const key = `${zone}\u0000${minute}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const parts = formatter(zone).formatToParts(new Date(minute * 60_000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = asUtc - minute * 60_000;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * The UTC instant of a local time given as if it were UTC (`Date.UTC` of its fields). A
 * local time that occurs twice (the hour repeated when clocks go back) is taken as the first
 * occurrence; one that never occurs (skipped when clocks go forward) is moved forward by the
 * gap, as clocks and the ECMAScript Date do.
 */
export function localToUtcMs(localMs: number, where: LocalZone): number {
  if ('offsetMinutes' in where) return localMs - where.offsetMinutes * 60_000;
  const day = 86_400_000;
  const before = zoneOffsetMs(where.zone, localMs - day);
  const after = zoneOffsetMs(where.zone, localMs + day);
  const valid = [before, after]
    .map((o) => localMs - o)
    .filter((t) => localMs - zoneOffsetMs(where.zone, t) === t)
    .sort((a, b) => a - b);
  return valid[0] ?? localMs - before;
}

export function describeZone(where: LocalZone): string {
  if ('zone' in where) return where.zone;
  const m = where.offsetMinutes;
  const a = Math.abs(m);
  return `UTC${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
