// Columns of an Aria Operations (vRealize Operations, vROps) CSV export, by metric label as the
// views write them (`CPU|Demand (MHz)`, the unit in parentheses) or by metric key as the API
// and vrops-export write them (`cpu|demandmhz`). Keys and labels: the vSphere metric
// definitions of Aria Operations ("Metrics for vCenter Server components", virtual machines).

/** What a vROps column means to capplan. */
export type VropsRole =
  | 'cpuDemandMhz'
  | 'cpuUsageMhz'
  | 'cpuPct'
  | 'cpuCapacityMhz'
  | 'vcpus'
  | 'memoryUsed'
  | 'memoryPct'
  | 'memoryProvisioned'
  | 'diskUsed'
  | 'network'
  | 'iops'
  | 'os';

/** Label (lower case, unit removed) or key → role. The first listed of a role that a file has wins. */
const COLUMNS: readonly [VropsRole, readonly string[]][] = [
  ['cpuDemandMhz', ['cpu|demand', 'cpu|demandmhz']],
  ['cpuUsageMhz', ['cpu|usage (mhz)', 'cpu|usagemhz_average']],
  ['cpuPct', ['cpu|usage', 'cpu|usage_average', 'cpu|demand (%)', 'cpu|demandpct']],
  [
    'cpuCapacityMhz',
    ['cpu|provisioned capacity', 'cpu|vm_capacity_provisioned', 'cpu|total capacity', 'cpu|capacity_provisioned'],
  ],
  [
    'vcpus',
    [
      'cpu|provisioned vcpu(s)',
      'cpu|corecount_provisioned',
      'configuration|hardware|number of cpus',
      'config|hardware|num_cpu',
    ],
  ],
  [
    'memoryUsed',
    [
      'memory|guest|needed memory',
      'mem|guest_demand',
      'memory|guest usage',
      'mem|guest_usage',
      'memory|consumed',
      'mem|consumed_average',
    ],
  ],
  ['memoryPct', ['memory|usage', 'mem|usage_average']],
  [
    'memoryProvisioned',
    ['memory|provisioned memory', 'mem|guest_provisioned', 'configuration|hardware|memory', 'config|hardware|memorykb'],
  ],
  ['diskUsed', ['disk space|virtual machine used', 'diskspace|used']],
  ['network', ['network|usage rate', 'net|usage_average']],
  [
    'iops',
    [
      'virtual disk|aggregate of all instances|total iops',
      'disk|commands per second',
      'disk|commandsaveraged_average',
      'virtualdisk|commandsaveraged_average',
    ],
  ],
  ['os', ['summary|guest operating system|guest os full name', 'config|guestfullname']],
];

const OBJECT_COLUMNS = ['name', 'object name', 'object', 'resname', 'resource name', 'virtual machine'];
const TIME_COLUMNS = ['time', 'timestamp', 'date', 'date time', 'datetime'];

/** `CPU|Demand (MHz)` → { name: 'cpu|demand', unit: 'mhz' }; a key has no unit. */
function splitHeader(header: string): { name: string; unit: string | null } {
  const h = header.trim().toLowerCase();
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(h);
  // "Provisioned vCPU(s)" ends in a parenthesis that is not a unit.
  if (m && m[2] !== 's') return { name: m[1]!, unit: m[2]!.replace(/\s+/g, '') };
  return { name: h, unit: null };
}

export interface VropsColumn {
  index: number;
  header: string;
  role: VropsRole;
  /** Unit from the header, lower case without spaces (`mhz`, `kb`, `kbps`, `%`), null for a key. */
  unit: string | null;
}

export interface VropsLayout {
  object: number;
  time: number;
  columns: VropsColumn[];
  /** Headers capplan does not use (listed in the ingest summary). */
  ignored: string[];
}

function roleOf(header: string): { role: VropsRole; unit: string | null; rank: number } | null {
  const { name, unit } = splitHeader(header);
  const full = header.trim().toLowerCase();
  for (const [role, names] of COLUMNS) {
    // "CPU|Usage (MHz)" and "CPU|Demand (%)" are told from their %/MHz siblings by the unit.
    const rank = names.findIndex((n) => n === full || n === name);
    if (rank >= 0) {
      if (role === 'cpuPct' && name === 'cpu|usage' && unit === 'mhz') continue;
      if (role === 'cpuDemandMhz' && name === 'cpu|demand' && unit === '%') continue;
      return { role, unit, rank };
    }
  }
  return null;
}

/** The layout of a header row, or null when it is not a vROps export (no object, time or vROps metric column). */
export function vropsLayout(cells: readonly string[]): VropsLayout | null {
  const norm = cells.map((c) => c.trim().toLowerCase());
  const object = norm.findIndex((c) => OBJECT_COLUMNS.includes(c));
  const time = norm.findIndex((c) => TIME_COLUMNS.includes(c));
  if (object < 0 || time < 0) return null;
  const best = new Map<VropsRole, VropsColumn & { rank: number }>();
  const ignored: string[] = [];
  cells.forEach((header, index) => {
    if (index === object || index === time) return;
    const r = roleOf(header);
    if (!r) {
      ignored.push(header.trim());
      return;
    }
    const prev = best.get(r.role);
    if (prev && prev.rank <= r.rank) ignored.push(header.trim());
    else {
      if (prev) ignored.push(prev.header);
      best.set(r.role, { index, header: header.trim(), role: r.role, unit: r.unit, rank: r.rank });
    }
  });
  if (!cells.some((c) => c.includes('|')) || best.size === 0) return null;
  const columns = [...best.values()].map(({ rank: _, ...c }) => c).sort((a, b) => a.index - b.index);
  return { object, time, columns, ignored };
}

/** Factor from the header's unit to capplan's (MHz, MB, GB, MB/s); null when the unit is not one capplan knows. */
export function unitFactor(role: VropsRole, unit: string | null): number | null {
  const u = unit ?? DEFAULT_UNIT[role];
  const table = FACTORS[role];
  return table[u] ?? null;
}

/** Units of the metric keys (no unit in the header): vROps stores memory in KB, rates in KBps. */
const DEFAULT_UNIT: Record<VropsRole, string> = {
  cpuDemandMhz: 'mhz',
  cpuUsageMhz: 'mhz',
  cpuPct: '%',
  cpuCapacityMhz: 'mhz',
  vcpus: '',
  memoryUsed: 'kb',
  memoryPct: '%',
  memoryProvisioned: 'kb',
  diskUsed: 'gb',
  network: 'kbps',
  iops: '',
  os: '',
};

const MHZ = { mhz: 1, ghz: 1000, khz: 0.001 };
const MEMORY_MB = { kb: 1 / 1024, mb: 1, gb: 1024 };
const FACTORS: Record<VropsRole, Record<string, number>> = {
  cpuDemandMhz: MHZ,
  cpuUsageMhz: MHZ,
  cpuPct: { '%': 1 },
  cpuCapacityMhz: MHZ,
  vcpus: { '': 1 },
  memoryUsed: MEMORY_MB,
  memoryPct: { '%': 1 },
  memoryProvisioned: MEMORY_MB,
  diskUsed: { gb: 1, mb: 1 / 1024, tb: 1024 },
  // KBps in vROps are kilobytes per second (1 KB = 1024 bytes, as its memory).
  network: { kbps: 1 / 1024, 'kb/s': 1 / 1024, mbps: 1, 'mb/s': 1 },
  iops: { '': 1, 'ops/s': 1, iops: 1 },
  os: { '': 1 },
};
