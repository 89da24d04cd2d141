// Builders with defaults for the sizing tests: override only what a test is about.
import type { InventoryServer, MetricName, MetricStats, ServerUsage } from '../../src/domain/server.ts';
import type { Demand } from '../../src/sizing/demand.ts';

export function server(overrides: Partial<InventoryServer> = {}): InventoryServer {
  return {
    name: 'Servidor Prueba',
    vmName: 'prueba',
    os: 'Red Hat Enterprise Linux 5.4',
    osBits: 64,
    sockets: 1,
    coresPerSocket: 4,
    cpuModel: 'Intel Xeon E5405',
    cpuGhz: 2,
    memoryMb: 4096,
    diskGb: 80,
    nics: 1,
    nicGbps: 1,
    application: null,
    specialHardware: [],
    haPriority: 'medium',
    source: { file: 'inventory.csv', row: 2 },
    ...overrides,
  };
}

/** Stats whose avg is `avg`; max and percentiles default to distinct values so a test can tell them apart. */
export function stats(avg: number, overrides: Partial<MetricStats> = {}, samples = 4032): MetricStats {
  return {
    samples,
    avg,
    min: avg / 2,
    max: avg * 2,
    percentiles: { p50: avg, p95: avg * 1.5, p99: avg * 1.8 },
    ...overrides,
  };
}

/** Usage with the given metric averages (missing metrics are absent, as when not measured). */
export function usage(
  avgs: Partial<Record<MetricName, number>>,
  samples = 4032,
  name = 'Servidor Prueba',
): ServerUsage {
  const metrics: ServerUsage['metrics'] = {};
  for (const [metric, avg] of Object.entries(avgs) as [MetricName, number][]) metrics[metric] = stats(avg, {}, samples);
  return {
    server: name,
    samples,
    firstTimestamp: '2010-03-22T00:00:00Z',
    lastTimestamp: '2010-04-04T23:55:00Z',
    metrics,
  };
}

/** A demand of `measured` (avg) with its peak factor and growth applied (method §3.2). */
export function demand(measured: number, growth = 0, peakFactor = 1): Demand {
  return { statistic: 'avg', measured, peakFactor, growth, demand: measured * peakFactor * (1 + growth) };
}
