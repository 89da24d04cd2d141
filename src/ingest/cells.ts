// Parsing one cell of a client's table into a typed value, with the error located at
// file:row:column (row = line number, column = header name, docs/inputs.md). Empty is `null`
// (missing data, a finding for sizing), never an error.
import { InputError, type SourceLocation } from '../domain/errors.ts';
import { unguardFormula } from '../escape/spreadsheet.ts';
import { parseLocaleNumber, type NumberFormat } from './table/locale-number.ts';

export type Loc = Required<Pick<SourceLocation, 'file' | 'row'>> & { column: string };

/** Plain decimal: digits with an optional fraction, optional exponent; no units, no thousands separators. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

export interface NumberRule {
  integer?: boolean;
  /** Smallest accepted value; `min: 0, exclusiveMin: true` means positive. */
  min?: number;
  exclusiveMin?: boolean;
  unit?: string;
  /** Decimal and thousands separators of the file (default: `.` and none). */
  format?: NumberFormat;
}

export function numberCell(value: string | undefined, loc: Loc, rule: NumberRule = {}): number | null {
  if (value === undefined || isBlank(value)) return null;
  const s = value.trim();
  const what = rule.integer ? 'an integer' : `a number${rule.unit ? ` in ${rule.unit}` : ''}`;
  const n = rule.format
    ? parseLocaleNumber(s, rule.format)
    : (rule.integer ? INTEGER : DECIMAL).test(s)
      ? Number(s)
      : null;
  if (n === null || !Number.isFinite(n) || (rule.integer && !Number.isInteger(n)))
    throw new InputError(`expected ${what}, got ${show(value)}`, loc);
  if (rule.min !== undefined && (rule.exclusiveMin ? n <= rule.min : n < rule.min)) {
    const bound = rule.exclusiveMin ? `greater than ${rule.min}` : `at least ${rule.min}`;
    throw new InputError(`expected ${what} ${bound}, got ${show(value)}`, loc);
  }
  return n;
}

export function textCell(value: string | undefined): string | null {
  if (value === undefined) return null;
  const s = unguardFormula(value.trim());
  return s === '' ? null : s;
}

/** One of a fixed set of words, case-insensitive; empty gives `fallback`. */
export function enumCell<T extends string>(value: string | undefined, allowed: readonly T[], loc: Loc, fallback: T): T {
  if (value === undefined || isBlank(value)) return fallback;
  const s = value.trim().toLowerCase();
  const hit = allowed.find((a) => a === s);
  if (hit === undefined) throw new InputError(`expected one of ${allowed.join(', ')}, got ${show(value)}`, loc);
  return hit;
}

/** VM name from a server name: lowercase ASCII, accents dropped, other runs → `-` (docs/inputs.md). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'vm' : slug;
}

/**
 * A name with a NUL or another control character (U+0000–U+001F, U+007F) is refused: reports
 * would show it without the invisible character and match it to nothing, so one server would
 * appear twice. Kept names are exactly the names every output prints.
 */
export function refuseControls(cell: string | undefined, loc: Loc): void {
  const at = cell?.search(/[\u0000-\u001f\u007f]/) ?? -1;
  if (at >= 0)
    throw new InputError(
      `a name holds the control character U+${cell!.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')} ` +
        `at character ${at + 1}: remove it`,
      loc,
    );
}
