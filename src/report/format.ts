// Number and text formatting shared by the renderers. Fixed decimals (never locale-dependent
// formatting) so output is byte-identical on every machine.
import { mdText } from '../escape/markdown.ts';

/** A number with `digits` decimals, trailing zeros kept; "—" for null/undefined/NaN. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const s = value.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** An integer when it is one, else `digits` decimals (for figures like 31.5 GB). */
export function qty(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : num(value, digits);
}

export function pct(value: number | null | undefined, digits = 1): string {
  const s = num(value, digits);
  return s === '—' ? s : `${s} %`;
}

export function ratio(value: number | null): string {
  return value === null ? '—' : `${qty(value, 1)}:1`;
}

/**
 * Longest client text a report cell shows, in code points: no real name or message is
 * longer, and a padded Markdown table repeats its widest cell's width on every row.
 */
const MD_MAX_CHARS = 500;

/** Client text for a Markdown cell or paragraph (escape/markdown.ts); "—" when there is none. */
export function md(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  // Every code point is at most two UTF-16 units: the head holds more than the limit or all of it.
  const head = Array.from(text.slice(0, MD_MAX_CHARS * 2 + 2));
  return mdText(head.length > MD_MAX_CHARS ? `${head.slice(0, MD_MAX_CHARS - 1).join('')}…` : text);
}
