// Number and text formatting shared by the renderers. Fixed decimals (never locale-dependent
// formatting) so output is byte-identical on every machine.
import { mdText } from "../escape/markdown.js";
/** A number with `digits` decimals, trailing zeros kept; "—" for null/undefined/NaN. */
export function num(value, digits = 2) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return '—';
    const s = value.toFixed(digits);
    return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}
/** An integer when it is one, else `digits` decimals (for figures like 31.5 GB). */
export function qty(value, digits = 2) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return '—';
    return Number.isInteger(value) ? String(value) : num(value, digits);
}
export function pct(value, digits = 1) {
    const s = num(value, digits);
    return s === '—' ? s : `${s} %`;
}
export function ratio(value) {
    return value === null ? '—' : `${qty(value, 1)}:1`;
}
/** Client text for a Markdown cell or paragraph (escape/markdown.ts); "—" when there is none. */
export function md(text) {
    return text === null || text === undefined || text === '' ? '—' : mdText(text);
}
