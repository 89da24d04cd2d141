// Plain internal types the engine works on. Zod schemas (config-schema.ts, the readers)
// validate input *as written*; everything past the boundary sees these.
// Units are in the names (conventions.md §1).

export type HaPriority = 'high' | 'medium' | 'low';
export const HA_PRIORITIES: readonly HaPriority[] = ['high', 'medium', 'low'];

/** Hardware that cannot follow a server into a VM without extra products (seed §2.7.4). */
export type SpecialHardware = 'usb' | 'serial' | 'modem' | 'fax';

/** One physical server as inventoried. `null` means the client's data did not say. */
export interface InventoryServer {
  /** The server's name in the client's inventory (key for monitoring rows). */
  name: string;
  /** Name of the VM it becomes (inventory `vm_name`, else a slug of `name`). */
  vmName: string;
  os: string | null;
  osBits: 32 | 64 | null;
  sockets: number | null;
  coresPerSocket: number | null;
  cpuModel: string | null;
  cpuGhz: number | null;
  memoryMb: number | null;
  diskGb: number | null;
  nics: number | null;
  nicGbps: number | null;
  application: string | null;
  specialHardware: SpecialHardware[];
  haPriority: HaPriority;
  /** Where the row came from, for messages. */
  source: { file: string; row: number };
}

/** Monitoring metrics, internal units. */
export type MetricName = 'cpuPct' | 'memoryUsedMb' | 'diskUsedGb' | 'networkMBps' | 'iops';
export const METRIC_NAMES: readonly MetricName[] = ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps', 'iops'];

/** Summary statistics of one metric of one server over the monitoring window. */
export interface MetricStats {
  samples: number;
  avg: number;
  min: number;
  max: number;
  /** Percentiles keyed `p50`, `p95`, `p99` and any the settings ask for (e.g. `p90`). */
  percentiles: Record<string, number>;
}

/** What the monitoring data says about one server. */
export interface ServerUsage {
  server: string;
  samples: number;
  /** ISO-8601, UTC. */
  firstTimestamp: string;
  lastTimestamp: string;
  metrics: Partial<Record<MetricName, MetricStats>>;
  /** Median interval between consecutive samples, seconds (ingest, issue 4 §3). */
  intervalSeconds?: number;
  /** Longest interval without a sample, seconds. */
  longestGapSeconds?: number;
  /** Intervals longer than twice the median interval. */
  gaps?: number;
  /** Samples sharing a timestamp with an earlier sample of the same server. */
  duplicateTimestamps?: number;
  /** Hour-of-week profile (0 = Monday 00:00 UTC … 167), one statistic per metric; null = no sample in that hour. */
  profile?: { statistic: string; hours: Partial<Record<MetricName, (number | null)[]>> };
  /** Data-quality verdict (src/validate/quality.ts), when assessed. */
  quality?: DataQuality;
}

/** How far the monitoring data of one server can be trusted (issue 4 §4). */
export interface DataQuality {
  /** 0–100; 100 = a full, gap-free window covering the busy period with every metric. */
  score: number;
  /** good ≥ 80, fair ≥ 50, poor < 50; missing = no sample at all. */
  verdict: 'good' | 'fair' | 'poor' | 'missing';
  /** false: too little data to size from; treat as *Unplaced: Missing Performance Data*. */
  sizable: boolean;
  samples: number;
  daysCovered: number;
  /** Samples present / samples expected at the median interval over the window (0–1). */
  coverage: number;
  longestGapHours: number | null;
  /** Does the window include the busy period (month or quarter end)? null when not checked. */
  peakCovered: boolean | null;
  missingMetrics: MetricName[];
  /** Codes of the findings behind the score, e.g. ['short-window', 'long-gap']. */
  issues: string[];
}

/** A host model, from the catalog or derived (catalog YAML, issue "foundation" §2). */
export interface HostModel {
  name: string;
  sockets: number;
  coresPerSocket: number;
  threadsPerCore: number;
  cpuGhz: number;
  cpuModel?: string;
  /** CPU family, for "one CPU family per cluster" (seed §3). */
  cpuFamily?: string;
  memoryGb: number;
  nics: number;
  nicGbps: number;
  localDiskMb: number;
  price: number;
  watts: number;
}

/** Demand statistic: average, maximum or a percentile such as `p95`. */
export type Statistic = 'avg' | 'max' | `p${number}`;
