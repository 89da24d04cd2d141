// The PromQL capplan sends (docs/inputs.md, "The PromQL each statistic runs"). A metric is an
// expression giving one series per server; every statistic is that expression as a subquery
// over the window, evaluated once at the window's end, so the store reads the samples and
// returns one number per server. `$servers` in an expression becomes a regex of one batch of
// label values, which is how requests are split by label sets without parsing PromQL.
import type { MetricName } from '../../domain/server.ts';

/** The placeholder replaced by a batch's server-label regex. */
export const SERVERS = '$servers';

/** A statistic the store computes over the samples of the window, with its PromQL function. */
export type PromStatistic = 'count' | 'avg' | 'min' | 'max' | 'first' | 'last' | { quantile: number };

/**
 * `stat` of `expr` over the [evalMs − rangeMs, evalMs] subquery at `stepMs`: count_over_time,
 * avg_over_time, min/max_over_time, quantile_over_time(φ, …) and the first/last sample time
 * (min/max_over_time of timestamp()). Example: avg of cpu_pct over 14 days at 5 m →
 * `avg_over_time((cpu_pct)[1209600000ms:300000ms])`.
 */
export function statisticQuery(expr: string, stat: PromStatistic, rangeMs: number, stepMs: number): string {
  const sub = `[${rangeMs}ms:${stepMs}ms]`;
  if (typeof stat === 'object') return `quantile_over_time(${stat.quantile}, (${expr})${sub})`;
  // timestamp() of `expr * 0` is the time of the subquery step (the sample's, on the step grid):
  // Prometheus 2 seeks every step for timestamp() of a bare selector, 20× slower.
  if (stat === 'first') return `min_over_time(timestamp((${expr}) * 0)${sub})`;
  if (stat === 'last') return `max_over_time(timestamp((${expr}) * 0)${sub})`;
  return `${stat}_over_time((${expr})${sub})`;
}

/** `expr` with `$servers` replaced by a regex matching exactly `values`, quoted for a PromQL string. */
export function withServers(expr: string, values: string[]): string {
  const regex = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const quoted = regex.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return expr.split(SERVERS).join(quoted);
}

/**
 * Built-in metrics for node_exporter (Linux) and windows_exporter, as one expression each
 * (`or` of the two), one series per `label`. Rates take `rateWindow` (twice the step, so a
 * rate always has two samples). Units are capplan's: %, MB = 2^20 bytes, GB = 2^30 bytes, MB/s.
 * Neither exporter measures CPU in MHz: `cpuMhz` is named in `prometheus.metrics` (docs/inputs.md).
 */
export function exporterMetrics(label: string, rateWindow: string): Record<Exclude<MetricName, 'cpuMhz'>, string> {
  const m = `${label}=~"${SERVERS}"`;
  const by = `sum by (${label})`;
  const rate = (metric: string, extra = '') => `rate(${metric}{${m}${extra}}[${rateWindow}])`;
  const either = (node: string, windows: string) => `(${node}) or (${windows})`;
  return {
    cpuPct: either(
      `100 * (1 - avg by (${label}) (${rate('node_cpu_seconds_total', ',mode="idle"')}))`,
      `100 * (1 - avg by (${label}) (${rate('windows_cpu_time_total', ',mode="idle"')}))`,
    ),
    memoryUsedMb: either(
      `${by} (node_memory_MemTotal_bytes{${m}} - node_memory_MemAvailable_bytes{${m}}) / 1048576`,
      `${by} (windows_cs_physical_memory_bytes{${m}} - windows_os_physical_memory_free_bytes{${m}}) / 1048576`,
    ),
    diskUsedGb: either(
      `${by} (node_filesystem_size_bytes{${m},fstype!~"tmpfs|overlay|squashfs"} - ` +
        `node_filesystem_avail_bytes{${m},fstype!~"tmpfs|overlay|squashfs"}) / 1073741824`,
      `${by} (windows_logical_disk_size_bytes{${m},volume!~"HarddiskVolume.*"} - ` +
        `windows_logical_disk_free_bytes{${m},volume!~"HarddiskVolume.*"}) / 1073741824`,
    ),
    networkMBps: either(
      `${by} (${rate('node_network_receive_bytes_total', ',device!="lo"')} + ` +
        `${rate('node_network_transmit_bytes_total', ',device!="lo"')}) / 1048576`,
      `${by} (${rate('windows_net_bytes_total', ',nic!~".*isatap.*"')}) / 1048576`,
    ),
    iops: either(
      `${by} (${rate('node_disk_reads_completed_total')} + ${rate('node_disk_writes_completed_total')})`,
      `${by} (${rate('windows_logical_disk_reads_total', ',volume!~"HarddiskVolume.*"')} + ` +
        `${rate('windows_logical_disk_writes_total', ',volume!~"HarddiskVolume.*"')})`,
    ),
  };
}
