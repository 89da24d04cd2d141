// `sadf -dh`: every activity of one sample on one line (samples/sysstat/README.md). The header
// marks each per-instance group by a `[...]` suffix on its last column; the group starts at its
// key column (CPU, IFACE, DEV, FILESYSTEM … — upper-case names) and repeats in the data once per
// instance (CPU -1, 0, 1 … with -P ALL; one block per interface). The instance counts are the ones
// that use up the line exactly with every instance's key looking like its group's (CPU: an
// integer or "all"; IFACE, DEV …: a name).
import { InputError } from '../../../domain/errors.ts';
import type { Fields } from './line-fields.ts';

interface Segment {
  columns: string[];
  group: boolean;
}

/** The header (without `# `) as fixed runs and repeating groups. */
function dhSegments(header: string[]): Segment[] | null {
  if (!header.some((h) => h.endsWith('[...]'))) return null;
  const segs: Segment[] = [];
  let run: string[] = [];
  for (const raw of header) {
    if (!raw.endsWith('[...]')) {
      run.push(raw);
      continue;
    }
    run.push(raw.slice(0, -5));
    let start = run.length - 1;
    while (start > 0 && !/^[A-Z][A-Z*]*$/.test(run[start]!)) start--;
    if (start > 0 || /^[A-Z][A-Z*]*$/.test(run[0]!)) {
      if (start > 0) segs.push({ columns: run.slice(0, start), group: false });
      segs.push({ columns: run.slice(start), group: true });
    } else segs.push({ columns: run, group: false });
    run = [];
  }
  if (run.length) segs.push({ columns: run, group: false });
  return segs;
}

// What sadf prints for a block device, named (`sda`, `nvme0n1`, `dm-0`) or numbered (`dev8-0`).
const BLOCK_DEVICE = /^(dev\d+-\d+|[hsv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+n\d+(p\d+)?|dm-\d+|md\d+|loop\d+|sr\d+)$/;

/**
 * Whether `value` can be an instance key of the group keyed `key`. The disk (-d) and network
 * (-n DEV) groups are both 9 fields wide in sysstat 12, side by side: an interface is never a
 * block device, else the disks after the first would pass for interfaces.
 */
const looksLikeKey = (key: string, value: string | undefined): boolean =>
  value !== undefined &&
  (key === 'CPU'
    ? /^(-?\d+|all)$/.test(value)
    : /[A-Za-z]/.test(value) && !(key === 'IFACE' && BLOCK_DEVICE.test(value)));

/**
 * Instances per group that consume exactly the line's fields, every instance's key looking like
 * one of its group's keys (a depth-first search; the fixed runs between groups are fixed widths).
 */
function instanceCounts(segs: Segment[], count: number, isKey: KeyTest, i = 0, at = 0): number[] | null {
  if (i === segs.length) return at === count ? [] : null;
  const seg = segs[i]!;
  const n = seg.columns.length;
  if (!seg.group) {
    const rest = instanceCounts(segs, count, isKey, i + 1, at + n);
    return rest && [0, ...rest];
  }
  for (let k = 1; at + k * n <= count; k++) {
    // A group's first instance starts where the run before it ends; only the network's is
    // checked, to tell it from a disk group of the same width.
    const checked = k > 1 || seg.columns[0] === 'IFACE';
    if (checked && !isKey(seg.columns[0]!, at + (k - 1) * n)) break;
    const rest = instanceCounts(segs, count, isKey, i + 1, at + k * n);
    if (rest) return [k, ...rest];
  }
  return null;
}

/** Whether field i of the line can be an instance key of the group keyed `key`. */
type KeyTest = (key: string, i: number) => boolean;

/**
 * One table of a data line: its header, prefixed by hostname;interval;timestamp, and where its
 * fields are — column j ≥ 3 is the line's field `base + j` (columns 0–2 are the line's own).
 */
export interface DhTable {
  header: string[];
  base: number;
}

/** A `sadf -dh` header, and the tables of its data lines (one per fixed run and per group instance). */
export class DhLayout {
  /** Tables by instance counts: lines of one host split alike, so each split is built once. */
  private readonly splits = new Map<string, DhTable[]>();
  private last: { count: number; tests: Test[]; tables: DhTable[] } | null = null;

  private constructor(private readonly segs: Segment[]) {}

  /** The layout of a header (without `# `), or null when it has no `[...]` group (plain `sadf -d`). */
  static of(header: string[]): DhLayout | null {
    const segs = dhSegments(header);
    return segs && new DhLayout(segs);
  }

  tables(fields: Fields, where: { file: string; row: number }): DhTable[] {
    // The split depends on the field count and on what the key tests found only: a line with
    // the same count, on which the same tests find the same, splits as the previous one did.
    const last = this.last;
    if (last && last.count === fields.count && last.tests.every((t) => sameTest(fields, t))) return last.tables;
    const tests: Test[] = [];
    const counts = instanceCounts(this.segs, fields.count, (key, i) => {
      const value = fields.get(i);
      const found = looksLikeKey(key, value);
      tests.push({ key, i, value, found });
      return found;
    });
    if (!counts) {
      const width = this.segs.reduce((a, seg) => a + seg.columns.length, 0);
      throw new InputError(
        `sadf -dh: cannot split ${fields.count} fields into the header's groups (${width} columns); ` +
          'export each activity with sadf -d instead',
        where,
      );
    }
    const key = counts.join(',');
    let tables = this.splits.get(key);
    if (!tables) {
      tables = splitTables(this.segs, counts);
      this.splits.set(key, tables);
    }
    this.last = { count: fields.count, tests, tables };
    return tables;
  }
}

interface Test {
  key: string;
  i: number;
  value: string | undefined;
  found: boolean;
}

/** Whether a key test on this line finds what it found on the line it was made on. */
function sameTest(fields: Fields, t: Test): boolean {
  const value = fields.get(t.i);
  return value === t.value || looksLikeKey(t.key, value) === t.found;
}

function splitTables(segs: Segment[], counts: number[]): DhTable[] {
  const out: DhTable[] = [];
  let at = 0;
  segs.forEach((seg, i) => {
    for (let k = 0; k < Math.max(1, counts[i]!); k++) {
      // The first run holds hostname;interval;timestamp itself.
      out.push(at === 0 ? { header: seg.columns, base: 0 } : { header: [...HEAD, ...seg.columns], base: at - 3 });
      at += seg.columns.length;
    }
  });
  return out;
}

const HEAD = ['hostname', 'interval', 'timestamp'];
