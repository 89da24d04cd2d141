// One object for every equal value made in a loop over servers: the quality verdict most
// servers of an estate share, a finding's message and params (`no diskUsedGb samples`,
// { metric: 'diskUsedGb' }). At 100,000 servers three findings and a verdict each are some
// 400,000 small objects and texts that say the same few things. Values handed out are shared,
// so nobody may change them afterwards.

/** Equal values (by their JSON text, keys in their order) come back as the first one seen. */
export class Interner {
  private readonly seen = new Map<string, unknown>();

  of<T>(value: T): T {
    const key = JSON.stringify(value);
    const first = this.seen.get(key);
    if (first !== undefined) return first as T;
    this.seen.set(key, value);
    return value;
  }
}
