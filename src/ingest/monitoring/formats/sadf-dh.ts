// `sadf -dh`: every activity of one sample on one line (samples/sysstat/README.md). The header
// marks each per-instance group by a `[...]` suffix on its last column; the group starts at its
// key column (CPU, IFACE, DEV, FILESYSTEM … — upper-case names) and repeats in the data once per
// instance (CPU -1, 0, 1 … with -P ALL; one block per interface). The instance counts are the ones
// that use up the line exactly with every instance's key looking like its group's (CPU: an
// integer or "all"; IFACE, DEV …: a name).
import { InputError } from '../../../domain/errors.ts';

interface Segment {
  columns: string[];
  group: boolean;
}

/** The header (without `# `) as fixed runs and repeating groups. */
export function dhSegments(header: string[]): Segment[] | null {
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

const looksLikeKey = (key: string, value: string | undefined): boolean =>
  value !== undefined && (key === 'CPU' ? /^(-?\d+|all)$/.test(value) : /[A-Za-z]/.test(value));

/**
 * Instances per group that consume exactly the line's fields, every instance's key looking like
 * one of its group's keys (a depth-first search; the fixed runs between groups are fixed widths).
 */
function instanceCounts(segs: Segment[], cells: string[], i = 0, at = 0): number[] | null {
  if (i === segs.length) return at === cells.length ? [] : null;
  const seg = segs[i]!;
  const n = seg.columns.length;
  if (!seg.group) {
    const rest = instanceCounts(segs, cells, i + 1, at + n);
    return rest && [0, ...rest];
  }
  for (let k = 1; at + k * n <= cells.length; k++) {
    if (k > 1 && !looksLikeKey(seg.columns[0]!, cells[at + (k - 1) * n])) break;
    const rest = instanceCounts(segs, cells, i + 1, at + k * n);
    if (rest) return [k, ...rest];
  }
  return null;
}

/**
 * One data line as (table header, cells) pairs: one per fixed run (all run columns) and one per
 * group instance, each prefixed by hostname;interval;timestamp, so the one-table reader applies.
 */
export function splitDhLine(
  segs: Segment[],
  cells: string[],
  where: { file: string; row: number },
): { header: string[]; cells: string[] }[] {
  const counts = instanceCounts(segs, cells);
  if (!counts) {
    const width = segs.reduce((a, seg) => a + seg.columns.length, 0);
    throw new InputError(
      `sadf -dh: cannot split ${cells.length} fields into the header's groups (${width} columns); ` +
        'export each activity with sadf -d instead',
      where,
    );
  }
  const out: { header: string[]; cells: string[] }[] = [];
  const lead = cells.slice(0, 3);
  let at = 0;
  segs.forEach((seg, i) => {
    const n = seg.columns.length;
    for (let k = 0; k < Math.max(1, counts[i]!); k++) {
      const part = cells.slice(at, at + n);
      // The first run holds hostname;interval;timestamp itself.
      out.push(
        at === 0
          ? { header: seg.columns, cells: part }
          : { header: [...HEAD, ...seg.columns], cells: [...lead, ...part] },
      );
      at += n;
    }
  });
  return out;
}

const HEAD = ['hostname', 'interval', 'timestamp'];
