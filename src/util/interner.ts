// One object for every equal value made in a loop over servers: the quality verdict most
// servers of an estate share, a finding's message and params (`no diskUsedGb samples`,
// { metric: 'diskUsedGb' }). At 100,000 servers three findings and a verdict each are some
// 400,000 small objects and texts that say the same few things. Values handed out are shared,
// so they are frozen: a change meant for one server would be every server's, and fails instead.

/** Equal values (by their JSON text, keys in their order) come back as the first one seen. */
export class Interner {
  private readonly seen = new Map<string, unknown>();

  of<T>(value: T): T {
    const key = JSON.stringify(value);
    const first = this.seen.get(key);
    if (first !== undefined) return first as T;
    this.seen.set(key, value);
    return deepFreeze(value);
  }
}

/** Freezes a value and every object or array it holds. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
