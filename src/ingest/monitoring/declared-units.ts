// inputs.units: what a capplan-shaped monitoring column (long or wide CSV) holds when it is not
// capplan's unit — e.g. network in Mbit/s. Every statistic of a metric (avg, min, max,
// percentiles, hour-of-week profile) is linear in the samples, so the summary is scaled as a whole.
import type { MetricName, MetricStats, ServerUsage } from '../../domain/server.ts';
import { MEMORY_UNITS, NETWORK_UNITS } from '../../domain/input-units.ts';

export interface DeclaredUnits {
  network: keyof typeof NETWORK_UNITS;
  memory: keyof typeof MEMORY_UNITS;
}

function scaleStats(m: MetricStats, k: number): MetricStats {
  const percentiles = Object.fromEntries(Object.entries(m.percentiles).map(([p, v]) => [p, v * k]));
  return { ...m, avg: m.avg * k, min: m.min * k, max: m.max * k, percentiles };
}

function scaleUsage(u: ServerUsage, factors: [MetricName, number][]): ServerUsage {
  const metrics = { ...u.metrics };
  const hours = u.profile ? { ...u.profile.hours } : undefined;
  for (const [metric, k] of factors) {
    const m = metrics[metric];
    if (m) metrics[metric] = scaleStats(m, k);
    const h = hours?.[metric];
    if (hours && h) hours[metric] = h.map((v) => (v === null ? null : v * k));
  }
  return { ...u, metrics, ...(u.profile && hours ? { profile: { ...u.profile, hours } } : {}) };
}

/** The usage of the servers read from capplan-shaped files, converted to MB/s and MB. */
export function applyDeclaredUnits(usage: ServerUsage[], servers: ReadonlySet<string>, units: DeclaredUnits) {
  const factors: [MetricName, number][] = [
    ['networkMBps', NETWORK_UNITS[units.network]],
    ['memoryUsedMb', MEMORY_UNITS[units.memory]],
  ];
  const active = factors.filter(([, k]) => k !== 1);
  if (active.length === 0) return usage;
  return usage.map((u) => (servers.has(u.server) ? scaleUsage(u, active) : u));
}
