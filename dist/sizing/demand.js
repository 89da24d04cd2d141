import { InternalError } from "../domain/errors.js";
/** Monitoring metric behind each sized resource (formats.md: internal metric names). */
export const METRIC_OF = {
    cpu: 'cpuPct',
    memory: 'memoryUsedMb',
    disk: 'diskUsedGb',
    network: 'networkMBps',
};
/**
 * The value of `statistic` (avg, max or pNN) in `stats`. A percentile the readers did not
 * compute is a pipeline bug (they compute every percentile the settings name), not bad input.
 */
export function pickStatistic(stats, statistic) {
    if (statistic === 'avg')
        return stats.avg;
    if (statistic === 'max')
        return stats.max;
    const value = stats.percentiles[statistic];
    if (value === undefined) {
        throw new InternalError(`percentile ${statistic} was not computed (have: ${Object.keys(stats.percentiles).join(', ') || 'none'})`);
    }
    return value;
}
/** measured × peak × (1 + growth): seed §2.7 (peak and growth allowances). */
export function applyPeakAndGrowth(measured, peakFactor, growth) {
    return measured * peakFactor * (1 + growth);
}
/**
 * Demand of `resource` from the server's usage, or null when that metric was not measured
 * (no usage, or no samples of the metric).
 */
export function resourceDemand(usage, resource, sizing) {
    const stats = usage?.metrics[METRIC_OF[resource]];
    if (!stats || stats.samples === 0)
        return null;
    const statistic = sizing.statistic[resource];
    const measured = pickStatistic(stats, statistic);
    const peakFactor = sizing.peakFactor[resource];
    const growth = sizing.growth[resource];
    return { statistic, measured, peakFactor, growth, demand: applyPeakAndGrowth(measured, peakFactor, growth) };
}
