// Which client column is which capplan column: the explicit map (capplan.yaml
// `inputs.columns`, `ingest --columns`), then capplan's own names, then the synonyms of
// column-catalog.ts; every header is either used (with its unit conversion) or listed as
// ignored, so nothing is dropped silently (docs/inputs.md "Columns by meaning").
import { headerShown } from '../../escape/plain-text.ts';
import { InputError } from '../../domain/errors.ts';
import type { ColumnSpec } from './column-catalog.ts';
import { foldHeader, headerKey, type Unit } from './header-units.ts';

interface MatchedColumn {
  index: number;
  /** The header as the client wrote it. */
  header: string;
  /** Multiply a value by this to get the capplan column's unit (1 when none). */
  factor: number;
  /** How it was matched, for the summary: `Memoria (MB) → memory_mb`, `RAM GB → memory_mb (GB × 1024)`. */
  how: string;
}

export interface ColumnMatch {
  columns: Map<string, MatchedColumn>;
  /** Headers no capplan column takes. */
  ignored: string[];
}

const squash = (h: string) => foldHeader(h).replace(/[^a-z0-9%#]+/g, '');

/** The factor from a header's unit to the column's unit; undefined when the unit does not fit the column. */
function unitFactor(spec: ColumnSpec, unit: Unit | null): number | undefined {
  if (unit === null) return 1;
  if (spec.family === unit.family) return unit.scale / spec.scale;
  if (spec.alsoBitrate && unit.family === 'bitrate') return unit.scale / 8 / spec.scale; // Mbit/s → MB/s
  return undefined;
}

function describe(spec: ColumnSpec, header: string, factor: number, unit: Unit | null): string {
  if (unit && factor !== 1) return `${header} → ${spec.column} (${unit.label} × ${round(factor)})`;
  if (!unit && spec.unitLabel) return `${header} → ${spec.column} (no unit in header: read as ${spec.unitLabel})`;
  return `${header} → ${spec.column}`;
}

function round(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export function matchColumns(
  header: string[],
  specs: ColumnSpec[],
  file: string,
  map: Partial<Record<string, string>> = {},
): ColumnMatch {
  const columns = new Map<string, MatchedColumn>();
  const taken = new Set<number>();
  const put = (spec: ColumnSpec, index: number, factor: number, unit: Unit | null, how?: string) => {
    columns.set(spec.column, {
      index,
      header: header[index]!,
      factor,
      how: how ?? describe(spec, header[index]!, factor, unit),
    });
    taken.add(index);
  };
  const squashed = header.map(squash);
  // 1. The explicit map: capplan column ← the client's header.
  for (const [column, wanted] of Object.entries(map)) {
    if (wanted === undefined) continue;
    const spec = specs.find((s) => s.column === column);
    if (!spec) continue;
    const i = squashed.indexOf(squash(wanted));
    if (i < 0)
      throw new InputError(
        `column map: ${column} ← "${wanted}", but the file has no such column (${headerShown(header)})`,
        { file, row: 1 },
      );
    const unit = headerKey(header[i]!).unit;
    const factor = unitFactor(spec, unit) ?? 1;
    put(spec, i, factor, unit, `${describe(spec, header[i]!, factor, unit)} (column map)`);
  }
  // 2. capplan's own names, exactly (after case and spaces).
  for (const spec of specs) {
    if (columns.has(spec.column)) continue;
    const hits = squashed.flatMap((h, i) => (h === squash(spec.column) && !taken.has(i) ? [i] : []));
    if (hits.length > 1)
      throw new InputError(`column "${spec.column}" appears twice`, { file, row: 1, column: spec.column });
    if (hits.length === 1) put(spec, hits[0]!, 1, null, `${header[hits[0]!]} → ${spec.column}`);
  }
  // 3. Synonyms, header by header in file order: the first column whose words and unit fit.
  header.forEach((h, i) => {
    if (taken.has(i)) return;
    const { key, unit } = headerKey(h);
    for (const spec of specs) {
      if (columns.has(spec.column)) continue;
      const byKey = spec.keys.includes(key) || (unit !== null && (spec.withUnit ?? []).includes(key));
      if (!byKey) continue;
      if (unit !== null && spec.family === null) continue;
      const factor = unitFactor(spec, unit);
      if (factor === undefined) continue;
      put(spec, i, factor, unit);
      return;
    }
  });
  const ignored = header.filter((h, i) => !taken.has(i) && h.trim() !== '');
  return { columns, ignored };
}

/** The summary lines of a match: columns used under another name or unit, and those ignored. */
export function describeMatch(m: ColumnMatch): string[] {
  const renamed = [...m.columns.entries()]
    .filter(([column, c]) => squash(c.header) !== squash(column) || c.how.endsWith('(column map)'))
    .sort((a, b) => a[1].index - b[1].index)
    .map(([, c]) => c.how);
  const lines = renamed.length ? [`columns: ${renamed.join('; ')}`] : [];
  if (m.ignored.length) lines.push(`ignored columns: ${m.ignored.join(', ')}`);
  return lines;
}
