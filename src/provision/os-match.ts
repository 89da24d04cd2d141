// An inventory's OS string (RVTools' "OS according to the VMware Tools", a CSV's os column)
// → the osinfo-db short id it names (method §8): a table of patterns giving a candidate id,
// then the database decides which of its entries that is (exact id, the "-unknown" entry of
// a major version, else its newest minor or service pack).
import type { OsInfoDb, OsInfoEntry } from '../domain/osinfo.ts';

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** Windows Server years to osinfo's ids: 2003 → win2k3, 2008 R2 → win2k8r2, 2022 → win2k22. */
const winServer = (m: RegExpExecArray) => `win2k${Number(m[1]!.slice(2))}${m[2] ? 'r2' : ''}`;
const majorMinor = (prefix: string) => (m: RegExpExecArray) => `${prefix}${m[1]}${m[2] ? `.${m[2]}` : ''}`;

const RULES: Rule[] = [
  [/windows server (\d{4})( r2)?/, winServer],
  [/windows (11|10|8\.1|8|7)\b/, (m) => `win${m[1]}`],
  [/windows xp/, () => 'winxp'],
  [/windows vista/, () => 'winvista'],
  [/windows 2000/, () => 'win2k'],
  [/(?:red hat enterprise linux|\brhel)\s*(\d+)(?:\.(\d+))?/, majorMinor('rhel')],
  [/centos stream (\d+)/, (m) => `centos-stream${m[1]}`],
  // VMware's "CentOS 4/5/6/7" guest type: the newest of the range, the one an estate still runs.
  [/centos (?:\d+\/)*(\d+)(?:\.(\d+))?/, majorMinor('centos')],
  [/(?:suse linux enterprise|sles)(?: server)?\s*(\d+)(?:\s*sp(\d+))?/, (m) => `sles${m[1]}${m[2] ? `sp${m[2]}` : ''}`],
  [/ubuntu(?: linux)?\s*(\d+\.\d+)/, (m) => `ubuntu${m[1]}`],
  [/debian gnu\/linux (\d+)|debian (\d+)/, (m) => `debian${m[1] ?? m[2]}`],
  [/oracle linux (\d+)(?:\.(\d+))?/, majorMinor('ol')],
  [/rocky linux (\d+)(?:\.(\d+))?/, majorMinor('rocky')],
  [/alma ?linux (\d+)(?:\.(\d+))?/, majorMinor('almalinux')],
  [/fedora\s*(\d+)/, (m) => `fedora${m[1]}`],
  [/fedora/, () => 'fedora-unknown'],
  [/freebsd\s*(\d+)(?:\.(\d+))?/, majorMinor('freebsd')],
  [/freebsd/, () => 'freebsd'],
  // Kernel-era guest types of vSphere and distributions osinfo-db does not list: its
  // generic Linux of that era.
  [/other [3-9]\.x(?: or later)? linux|amazon linux|ubuntu|other linux|linux/, () => 'linux2016'],
];

/** The candidate short id of an OS string, before the database is consulted; null: no rule. */
export function osCandidate(os: string): string | null {
  const s = os.toLowerCase().replace(/\s+/g, ' ');
  for (const [re, id] of RULES) {
    const m = re.exec(s);
    if (m) return id(m);
  }
  return null;
}

/** Numeric parts of a version-like id tail for ordering: "9.10" → [9, 10], "sp4" → [4]. */
function versionKey(s: string): number[] {
  return (s.match(/\d+/g) ?? []).map(Number);
}

function newer(a: string, b: string): number {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entry of `db` a candidate id names (see the file comment); null when none does. */
export function resolveShortId(candidate: string, db: OsInfoDb): { id: string; entry: OsInfoEntry } | null {
  const byShort = new Map<string, OsInfoEntry>();
  for (const e of db.entries) for (const s of e.shortIds) byShort.set(s, e);
  for (const id of [candidate, `${candidate}-unknown`]) {
    const e = byShort.get(id);
    if (e) return { id, entry: e };
  }
  const tails = [...byShort.keys()].filter(
    (s) => s.startsWith(candidate) && /^(\.|sp|\d)/.test(s.slice(candidate.length)) && !/^\d+$/.test(candidate),
  );
  if (tails.length > 0) {
    const id = tails.sort(newer).at(-1)!;
    return { id, entry: byShort.get(id)! };
  }
  // rhel9.6 in an older database: the newest minor of rhel9 it knows.
  const major = /^(.*?\d+)[.](\d+)$/.exec(candidate) ?? /^(.*?\d+)sp\d+$/.exec(candidate);
  return major ? resolveShortId(major[1]!, db) : null;
}
