// Standard hardware shapes a derived host may take: CPU shapes (sockets × cores per socket)
// and memory sizes, both lists from the settings (method §5.2; the example
// picked 2 sockets × 4 cores and 32 GB). Pure choices with explicit tie-breaks.
import type { ClusterSettings, HypervisorSettings } from '../domain/project.ts';
import { TOLERANCE } from '../util/tolerance.ts';

export interface CpuShape {
  sockets: number;
  coresPerSocket: number;
}

export const coresOf = (shape: CpuShape): number => shape.sockets * shape.coresPerSocket;

/**
 * Order of preference among shapes: fewest cores first; among equal core counts the
 * preferred socket count (method §5.2: 2 × 4 over 1 × 8), then the nearest to it, then
 * fewer sockets — a total order, so the choice never depends on the list's order.
 */
function compareShapes(a: CpuShape, b: CpuShape, preferredSockets: number): number {
  return (
    coresOf(a) - coresOf(b) ||
    Math.abs(a.sockets - preferredSockets) - Math.abs(b.sockets - preferredSockets) ||
    a.sockets - b.sockets ||
    a.coresPerSocket - b.coresPerSocket
  );
}

/**
 * The smallest standard shape with at least `minCores` cores, within the hypervisor's
 * physical-CPU limit per node (method §5.4: 64); null when none fits.
 */
export function chooseCpuShape(minCores: number, cluster: ClusterSettings, hv: HypervisorSettings): CpuShape | null {
  const fitting = cluster.cpuShapes
    .filter((shape) => coresOf(shape) >= minCores && coresOf(shape) <= hv.maxHostCpus)
    .sort((a, b) => compareShapes(a, b, cluster.preferredSockets));
  const best = fitting[0];
  return best ? { sockets: best.sockets, coresPerSocket: best.coresPerSocket } : null;
}

/** The next standard shape with more cores than `current`, or null (growth steps, method §5.2). */
export function nextCpuShape(current: CpuShape, cluster: ClusterSettings, hv: HypervisorSettings): CpuShape | null {
  return chooseCpuShape(coresOf(current) + 1, cluster, hv);
}

/**
 * The smallest standard memory size ≥ `minGb` (float noise tolerated) within the
 * hypervisor's RAM limit per node (method §5.4: 1 TB); null when none fits.
 */
export function chooseMemorySizeGb(minGb: number, cluster: ClusterSettings, hv: HypervisorSettings): number | null {
  const fitting = cluster.memorySizesGb.filter((gb) => gb >= minGb - TOLERANCE && gb <= hv.maxHostMemoryGb);
  return fitting.length > 0 ? Math.min(...fitting) : null;
}

/** The next standard memory size above `currentGb`, or null. */
export function nextMemorySizeGb(currentGb: number, cluster: ClusterSettings, hv: HypervisorSettings): number | null {
  const larger = cluster.memorySizesGb.filter((gb) => gb > currentGb + TOLERANCE && gb <= hv.maxHostMemoryGb);
  return larger.length > 0 ? Math.min(...larger) : null;
}
