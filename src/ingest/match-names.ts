// Monitoring names → inventory names, forgivingly (docs/inputs.md "Matching"): case does not
// matter, a perfmon `\\HOST` is HOST, an FQDN matches its short name and the other way round,
// and an inventory row answers to its vm_name too. A name that fits two inventory rows is left
// unmatched rather than guessed. What stays unmatched, both ways, is listed with the closest
// inventory or monitoring names (edit distance) for the terminal and the reports.
import type { InventoryServer, ServerUsage } from '../domain/server.ts';

interface Unmatched {
  name: string;
  /** Up to three nearest names on the other side, closest first. */
  closest: string[];
}

export interface NameMatchResult {
  /** The usage entries, renamed to their inventory server's name where they matched another spelling. */
  usage: ServerUsage[];
  /** monitoring name → inventory name, for the names that differed. */
  renamed: [string, string][];
  /** Monitoring names no inventory server took. */
  monitoringOnly: Unmatched[];
  /** Inventory servers no monitoring name took. */
  inventoryOnly: Unmatched[];
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `\\WEB01.corp.local ` → `web01.corp.local`. */
function fold(name: string): string {
  return name.trim().replace(/^\\+/, '').toLowerCase();
}

function short(folded: string): string {
  return IPV4.test(folded) ? folded : folded.split('.')[0]!;
}

export function matchServerNames(servers: InventoryServer[], usage: ServerUsage[]): NameMatchResult {
  const exact = new Set(servers.map((s) => s.name));
  // Keys of each inventory server, strongest first: its name folded, vm_name folded, then their short forms.
  const byKey: Map<string, Set<string>>[] = [new Map(), new Map()];
  for (const s of servers)
    for (const n of [s.name, s.vmName]) {
      const f = fold(n);
      add(byKey[0]!, f, s.name);
      add(byKey[1]!, short(f), s.name);
    }
  const taken = new Set(usage.filter((u) => exact.has(u.server)).map((u) => u.server));
  const renamed: [string, string][] = [];
  const out: ServerUsage[] = [];
  const monitoringOnly: string[] = [];
  for (const u of usage) {
    if (exact.has(u.server)) {
      out.push(u);
      continue;
    }
    const f = fold(u.server);
    const hit = unique(byKey[0]!.get(f)) ?? unique(byKey[1]!.get(short(f)));
    if (hit !== undefined && !taken.has(hit)) {
      taken.add(hit);
      renamed.push([u.server, hit]);
      out.push({ ...u, server: hit });
    } else {
      out.push(u);
      monitoringOnly.push(u.server);
    }
  }
  const inventoryNames = servers.map((s) => s.name);
  const inventoryOnly = usage.length === 0 ? [] : inventoryNames.filter((n) => !taken.has(n));
  return {
    usage: out,
    renamed,
    monitoringOnly: monitoringOnly.map((n) => ({ name: n, closest: closest(n, inventoryOnly) })),
    inventoryOnly: inventoryOnly.map((n) => ({ name: n, closest: closest(n, monitoringOnly) })),
  };
}

function add(m: Map<string, Set<string>>, key: string, name: string): void {
  const s = m.get(key) ?? new Set<string>();
  s.add(name);
  m.set(key, s);
}

function unique(s: Set<string> | undefined): string | undefined {
  return s && s.size === 1 ? [...s][0] : undefined;
}

/** The nearest names by edit distance of their folded forms (ties by name), at most three, within half the length. */
function closest(name: string, pool: string[]): string[] {
  const f = fold(name);
  return pool
    .map((p) => ({ p, d: distance(f, fold(p)) }))
    .filter((x) => x.d <= Math.max(2, Math.ceil(Math.max(f.length, x.p.length) / 2)))
    .sort((a, b) => a.d - b.d || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0))
    .slice(0, 3)
    .map((x) => x.p);
}

/** Levenshtein distance (Wagner–Fischer, one row). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
