// A store's server label (Prometheus `instance` = "web01.example.com:9100", a warehouse's host
// column) to the inventory's name. In order: the name itself; the same name ignoring case;
// without a `:port`; the host's first DNS label. A value matching no name keeps its own, so
// the data-quality check reports it (unknown-server) instead of it vanishing.

export function serverNameMatcher(inventoryNames: string[]): (value: string) => string {
  const exact = new Set(inventoryNames);
  const folded = new Map<string, string>();
  for (const name of [...inventoryNames].sort())
    if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), name);
  return (value) => {
    if (exact.has(value)) return value;
    const candidates = [value, value.replace(/:\d+$/, '')];
    candidates.push(candidates[1]!.split('.')[0]!);
    for (const c of candidates) {
      const hit = folded.get(c.toLowerCase());
      if (hit) return hit;
    }
    return value;
  };
}
