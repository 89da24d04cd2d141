// The monitoring samples themselves (not their summaries), as the ingest's sample store keeps
// them: what the replay puts back on a plan (method §14.1). A plain interface on the ground
// floor so the replay reads the store without depending on the ingest layer.

/**
 * Rows of one server, visited block by block in stored order (several parts — one per file —
 * in file order). A row is `rowWords` words of `values` at `base + i·rowWords` (NaN = no
 * sample): metric METRIC_NAMES[m] at word `metricWords[m]`, −1 for a metric the rows do not
 * hold (not measured: read as NaN). Row i's epoch seconds are `times[timeBase + i·timeStride]`:
 * in capplan's own store word 0 of the row (timeBase = base, timeStride = rowWords); a store of
 * demand series packs only the metrics the server has, so the unmeasured take no room, and
 * keeps the times apart, one run of slot times for every server sampled on the same slots.
 */
export type SampleBlockVisitor = (
  times: Uint32Array,
  values: Float32Array,
  base: number,
  rows: number,
  rowWords: number,
  metricWords: readonly number[],
  timeBase: number,
  timeStride: number,
) => void;

export interface MonitoringSamples {
  /**
   * Fetches the samples when they stay in a store (a Prometheus or DuckDB source's demand
   * series), before anything is visited; absent when they are held already. Called once or
   * many times, it fetches once.
   */
  load?(): Promise<void>;
  /** Visits the rows of `server`; false when the window holds none. */
  visit(server: string, fn: SampleBlockVisitor): boolean;
  /** First and last sample time of `server`, epoch seconds (undefined: no sample). */
  span(server: string): { firstSec: number; lastSec: number } | undefined;
  /** Median sampling interval of `server`, seconds (undefined: fewer than two samples). */
  intervalSeconds(server: string): number | undefined;
}
