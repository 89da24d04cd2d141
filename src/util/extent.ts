// The largest and smallest of many numbers. `Math.max(...xs)` passes every value as an
// argument and overflows the call stack somewhere above 100,000 of them (a million VMs).

/** The largest value, or `floor` when it is larger (or there are none). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m || Number.isNaN(v)) m = v;
  return m;
}

/** The smallest value, or `ceiling` when it is smaller (or there are none). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const v of values) if (v < m || Number.isNaN(v)) m = v;
  return m;
}
