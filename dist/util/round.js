// Rounding of figures written to plan.json and reports, so they carry no float noise.
export function round2(x) {
    return Math.round(x * 100) / 100;
}
/** Percentage with two decimals; 0 when the whole is 0. */
export function pct(part, whole) {
    return whole > 0 ? round2((part / whole) * 100) : 0;
}
