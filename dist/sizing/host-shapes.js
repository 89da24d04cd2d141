import { TOLERANCE } from "../util/tolerance.js";
export const coresOf = (shape) => shape.sockets * shape.coresPerSocket;
/**
 * Order of preference among shapes: fewest cores first; among equal core counts the
 * preferred socket count (seed table 2.8: 2 × 4 over 1 × 8), then the nearest to it, then
 * fewer sockets — a total order, so the choice never depends on the list's order.
 */
export function compareShapes(a, b, preferredSockets) {
    return (coresOf(a) - coresOf(b) ||
        Math.abs(a.sockets - preferredSockets) - Math.abs(b.sockets - preferredSockets) ||
        a.sockets - b.sockets ||
        a.coresPerSocket - b.coresPerSocket);
}
/**
 * The smallest standard shape with at least `minCores` cores, within the hypervisor's
 * physical-CPU limit per node (spec §3: 64); null when none fits.
 */
export function chooseCpuShape(minCores, cluster, hv) {
    const fitting = cluster.cpuShapes
        .filter((shape) => coresOf(shape) >= minCores && coresOf(shape) <= hv.maxHostCpus)
        .sort((a, b) => compareShapes(a, b, cluster.preferredSockets));
    const best = fitting[0];
    return best ? { sockets: best.sockets, coresPerSocket: best.coresPerSocket } : null;
}
/** The next standard shape with more cores than `current`, or null (issue 2 §4 growth). */
export function nextCpuShape(current, cluster, hv) {
    return chooseCpuShape(coresOf(current) + 1, cluster, hv);
}
/**
 * The smallest standard memory size ≥ `minGb` (float noise tolerated) within the
 * hypervisor's RAM limit per node (spec §3: 1 TB); null when none fits.
 */
export function chooseMemorySizeGb(minGb, cluster, hv) {
    const fitting = cluster.memorySizesGb.filter((gb) => gb >= minGb - TOLERANCE && gb <= hv.maxHostMemoryGb);
    return fitting.length > 0 ? Math.min(...fitting) : null;
}
/** The next standard memory size above `currentGb`, or null. */
export function nextMemorySizeGb(currentGb, cluster, hv) {
    const larger = cluster.memorySizesGb.filter((gb) => gb > currentGb + TOLERANCE && gb <= hv.maxHostMemoryGb);
    return larger.length > 0 ? Math.min(...larger) : null;
}
