// The sections of capplan.yaml (and of proposal.yaml, which records the same sections), as
// written: every setting with its default and a description that docs/capplan.schema.json
// carries. Strict objects: a typo is an error with its path, never a silently ignored setting.
import { z } from 'zod';

export { allocationSchema } from './allocation-settings.ts';

const statistic = z
  .string()
  .regex(/^(avg|max|p(100|[1-9]?[0-9](\.[0-9]+)?))$/, 'expected avg, max or pNN (e.g. p95)')
  .describe('Demand statistic: avg, max or a percentile pNN (e.g. p95).');

const perResource = <T extends z.ZodTypeAny>(
  value: T,
  dflt: { cpu: z.input<T>; memory: z.input<T>; disk: z.input<T>; network: z.input<T> },
) =>
  z
    .strictObject({
      cpu: value.default(dflt.cpu as never),
      memory: value.default(dflt.memory as never),
      disk: value.default(dflt.disk as never),
      network: value.default(dflt.network as never),
    })
    .prefault({});

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const pct = z.number().positive().max(100);

const cpuShapeSchema = z.strictObject({
  sockets: z.number().int().positive(),
  coresPerSocket: z.number().int().positive(),
});

/** Standard CPU shapes a derived host may take (sockets × cores per socket). */
const DEFAULT_CPU_SHAPES = [
  [1, 2],
  [1, 4],
  [1, 6],
  [1, 8],
  [2, 2],
  [2, 4],
  [2, 6],
  [2, 8],
  [2, 10],
  [2, 12],
  [2, 14],
  [2, 16],
  [2, 18],
  [2, 20],
  [2, 22],
  [2, 24],
  [2, 28],
  [2, 32],
  [4, 8],
  [4, 12],
  [4, 16],
  [4, 24],
  [4, 32],
].map(([sockets, coresPerSocket]) => ({ sockets: sockets!, coresPerSocket: coresPerSocket! }));

/** Standard memory sizes (GB) a derived host may take: usual DIMM population totals. */
const DEFAULT_MEMORY_SIZES_GB = [4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048];

export const sizingSchema = z
  .strictObject({
    statistic: perResource(statistic, { cpu: 'avg', memory: 'avg', disk: 'avg', network: 'avg' }).describe(
      'Which statistic of the monitoring data is the demand, per resource (method §3.1: the worked example uses ' +
        'averages).',
    ),
    peakFactor: perResource(positive, { cpu: 1, memory: 1, disk: 1, network: 1 }).describe(
      'Multiplier for busy days / closing dates applied to the demand (method §3.2: 1.0, the client data already ' +
        'held the peak).',
    ),
    growth: perResource(nonNegative, { cpu: 0, memory: 0.5, disk: 0.5, network: 0 }).describe(
      'Growth allowance as a fraction: demand × (1 + growth) (method §3.2: +50 % memory and storage only).',
    ),
    cpuNormalisation: z
      .enum(['none', 'clock'])
      .default('none')
      .describe(
        'none: vCPU from source cores × CPU % (as in the source document); clock: scale demand by source GHz / ' +
          'target host GHz (method §3.4).',
      ),
    memoryStepGb: positive
      .default(1)
      .describe('VM memory is rounded up to a multiple of this many GB (method §3.3: 1).'),
    diskStepGb: positive.default(5).describe('VM disk is rounded up to a multiple of this many GB (method §3.3: 5).'),
    minVcpu: z.number().int().positive().default(1).describe('Smallest VM, in vCPU.'),
    minMemoryGb: positive.default(1).describe('Smallest VM memory, in GB.'),
    utilisationThresholdPct: pct
      .default(85)
      .describe(
        'A server whose measured CPU or memory utilisation exceeds this would monopolise a node: excluded (method §4).',
      ),
    minSamples: z
      .number()
      .int()
      .nonnegative()
      .default(1)
      .describe('Fewer monitoring samples than this is treated as missing performance data.'),
  })
  .prefault({});

export const hypervisorSchema = z
  .strictObject({
    name: z.string().default('RHEV-H 2.2').describe('Hypervisor the limits below belong to.'),
    maxVcpuPerVm: z.number().int().positive().default(16).describe('vCPU per VM (RHEV 2.2: 16; method §3.5).'),
    maxMemoryGb64: positive.default(256).describe('Memory per 64-bit guest, GB (method §3.5).'),
    maxMemoryGb32: positive.default(4).describe('Memory per 32-bit guest, GB (method §3.5).'),
    maxNicsPerVm: z.number().int().positive().default(8).describe('vNICs per VM (method §3.5).'),
    maxDisksPerVm: z.number().int().positive().default(8).describe('Virtual disks per VM (method §3.5).'),
    maxHostCpus: z.number().int().positive().default(64).describe('Physical CPUs (cores) per node (method §5.4).'),
    maxHostMemoryGb: positive.default(1024).describe('RAM per node, GB (method §5.4).'),
    reserveMb: nonNegative
      .default(512)
      .describe('RAM the hypervisor keeps for itself on each node, MB (method §5.1: 512).'),
  })
  .prefault({});

export const clusterSchema = z
  .strictObject({
    mode: z
      .enum(['derive', 'catalog'])
      .default('derive')
      .describe('derive: compute the smallest host spec; catalog: choose models from `inputs.catalog`.'),
    hostCount: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe('Number of hosts (derive mode). null: the fewest that work. The worked example fixes 2.'),
    redundancy: z
      .number()
      .int()
      .nonnegative()
      .default(1)
      .describe('k of N+k: host failures the cluster must survive (method §6.4: N+1).'),
    vcpuPerCore: positive.default(2).describe('vCPU per physical core (method §5.1: 16 vCPU on 8 cores, 2:1).'),
    cpuCeilingPct: pct
      .default(75)
      .describe('Highest CPU load per host in normal operation (method §6.1: even distribution at 75 %).'),
    memoryCeilingPct: pct
      .default(100)
      .describe('Highest memory load per host (after the reserve) in normal operation.'),
    failoverCeilingPct: pct
      .default(100)
      .describe('Highest load per surviving host after a failure, % of each resource it is placed by.'),
    memoryOvercommit: z
      .number()
      .min(1)
      .default(1)
      .describe('VM memory may exceed host memory by this factor (KSM; 1 = none).'),
    cpuShapes: z
      .array(cpuShapeSchema)
      .min(1)
      .default(DEFAULT_CPU_SHAPES)
      .describe('Standard CPU shapes a derived host may take.'),
    preferredSockets: z
      .number()
      .int()
      .positive()
      .default(2)
      .describe('Among equal core counts, prefer this many sockets (method §5.2: 2).'),
    threadsPerCore: z
      .number()
      .int()
      .positive()
      .default(2)
      .describe('Hardware threads per core of a derived host (method §2.4: hyper-threading).'),
    memorySizesGb: z
      .array(positive)
      .min(1)
      .default(DEFAULT_MEMORY_SIZES_GB)
      .describe('Standard memory sizes a derived host may take, GB.'),
    minCpuGhz: positive
      .nullable()
      .default(null)
      .describe('Clock of a derived host, GHz. null: the slowest source server (method §5.2: 2 GHz).'),
    managementNics: z
      .number()
      .int()
      .nonnegative()
      .default(2)
      .describe('NICs bonded for management + storage (method §2.4: bond0 = 2).'),
    dataNics: z.number().int().nonnegative().default(1).describe('NICs for the data network (method §2.4: 1).'),
    nicGbps: positive.default(4).describe('Speed of each host NIC, Gbps (method §2.4: 4).'),
    localDiskMb: positive
      .default(149504)
      .describe('Internal disk of a derived host as the installer sees it, MB (method §2.5: 146 GB = 149504 MB).'),
    storage: z
      .enum(['shared', 'local'])
      .default('shared')
      .describe('shared: VM disks live on a SAN (method §2.4) and do not size hosts; local: they use host disk.'),
    cpuFamily: z
      .string()
      .nullable()
      .default(null)
      .describe('CPU family all hosts share (one family per cluster, method §5.3).'),
    modelName: z.string().default('derived').describe('Model name written for derived hosts.'),
    hostNamePrefix: z.string().default('host').describe('Hosts are named <prefix>1, <prefix>2, …'),
    price: nonNegative.default(0).describe('Price of one derived host (for cost reports).'),
    watts: nonNegative.default(0).describe('Power draw of one derived host, W.'),
  })
  .prefault({});

export const partitionsSchema = z
  .strictObject({
    bootMb: nonNegative.default(50).describe('Hypervisor /boot, MB (method §7).'),
    rootMb: nonNegative.default(512).describe('Hypervisor installation (root), MB (method §7: 256 × 2).'),
    configMb: nonNegative.default(5).describe('Hypervisor /config, MB (method §7).'),
    loggingMb: nonNegative.default(2048).describe('Hypervisor /var/log, MB (method §7).'),
    swapOvercommit: nonNegative
      .default(0.5)
      .describe('swap = recommended_swap(RAM) + RAM × this (method §7: 0.5, RHEL default).'),
    dataFactor: nonNegative.default(1.5).describe('data partition = RAM × this (method §7: 1.5).'),
  })
  .prefault({});

export const placementSchema = z
  .strictObject({
    objective: z
      .enum(['min-hosts', 'min-cost', 'balance', 'pack'])
      .default('balance')
      .describe('What the optimiser minimises (method §6.2: even distribution).'),
    timeLimitSeconds: positive.default(10).describe('Time limit of the placement optimiser.'),
    seed: z.number().int().nonnegative().default(1).describe('Seed of any randomised search (recorded in the plan).'),
  })
  .prefault({});

const libvirtName = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');

const provisionNetworkSchema = z.strictObject({
  name: libvirtName.describe('Logical network name as libvirt and the VMs see it (method §8: rhevm, datos).'),
  bridge: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/, 'a Linux interface name: up to 15 letters, digits, ".", "_", "-"')
    .describe('Host bridge the network is attached to (method §8: rhevm on bond0, datos on NIC3).'),
});

export const provisionSchema = z
  .strictObject({
    networks: z
      .array(provisionNetworkSchema)
      .min(1)
      .default([
        { name: 'rhevm', bridge: 'rhevm' },
        { name: 'datos', bridge: 'datos' },
      ])
      .describe('Logical networks defined on every host, each a bridge (method §8: management rhevm, data datos).'),
    nicNetworks: z
      .array(libvirtName)
      .min(1)
      .default(['datos', 'rhevm'])
      .describe('Network of each VM NIC in order; NICs past the list use its last entry.'),
    pool: z
      .strictObject({
        name: libvirtName.default('capplan'),
        path: z
          .string()
          .regex(/^\/[^\0\n]*$/, 'an absolute path')
          .default('/var/lib/libvirt/images/capplan'),
      })
      .prefault({})
      .describe('Storage pool (type dir) holding the VM disks, e.g. the SAN storage domain mounted on every host.'),
    diskFormat: z
      .enum(['raw', 'qcow2'])
      .default('raw')
      .describe('raw: pre-allocated, recommended for server VMs; qcow2: thin (method §8).'),
    templateVms: z
      .array(z.string())
      .default([])
      .describe('VMs that will become templates: their disks are qcow2 (method §8: required).'),
    diskBus: z
      .enum(['auto', 'virtio', 'ide'])
      .default('auto')
      .describe('auto: chosen by the guest OS policy (method §8).'),
    nicModel: z
      .enum(['auto', 'virtio', 'e1000', 'rtl8139'])
      .default('auto')
      .describe('auto: chosen by the guest OS policy (method §8).'),
    graphics: z.enum(['vnc', 'spice']).default('vnc').describe('Console protocol (method §8: VNC).'),
    installIso: z
      .string()
      .nullable()
      .default(null)
      .describe('ISO attached as CD-ROM to every VM (boot: disk, then CD-ROM). null: none.'),
    autostartPriorities: z
      .array(z.enum(['high', 'medium', 'low']))
      .default(['high', 'medium', 'low'])
      .describe('HA priorities whose VMs are highly available, i.e. autostarted (method §8: every VM was HA).'),
    startVms: z.boolean().default(true).describe('Start each VM after defining it.'),
    vcpuSockets: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Most virtual sockets per VM; the rest are cores (guest licences count sockets).'),
    kickstartFsType: z
      .string()
      .regex(/^[a-z0-9]+$/)
      .default('ext3')
      .describe('File system of the hypervisor partitions in the kickstart (RHEV-H 2.2 is RHEL 5: ext3).'),
  })
  .prefault({});

/** The quality settings as an object (capplan.yaml's `quality` section omits minSamples: it is sizing.minSamples). */
const qualityObjectSchema = z.strictObject({
  minSamples: z
    .number()
    .int()
    .nonnegative()
    .default(1)
    .describe(
      'Fewer samples than this: not sizable (missing performance data). Same meaning and default as ' +
        'sizing.minSamples; pass that setting.',
    ),
  minDays: z
    .number()
    .nonnegative()
    .default(7)
    .describe(
      'A window shorter than this many days lowers the score (the worked example monitored two weeks, ' +
        'method §2.2).',
    ),
  maxGapHours: z.number().positive().default(24).describe('A gap longer than this many hours lowers the score.'),
  minCoverage: z.number().min(0).max(1).default(0.9).describe('Share of expected samples below which the score drops.'),
  peak: z
    .enum(['month-end', 'quarter-end', 'none'])
    .default('month-end')
    .describe('Busy period the window should include (method §9: month/quarter close).'),
  requiredMetrics: z
    .array(z.enum(['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps', 'iops']))
    .default(['cpuPct', 'memoryUsedMb'])
    .describe('Metrics whose absence costs 20 points each.'),
});
const qualitySettingsSchema = qualityObjectSchema.prefault({});
export type QualitySettings = z.output<typeof qualitySettingsSchema>;
export const defaultQualitySettings = (): QualitySettings => qualitySettingsSchema.parse({});

export const qualitySchema = qualityObjectSchema
  .omit({ minSamples: true })
  .prefault({})
  .describe('Data-quality verdict per server (method §9); its minimum sample count is sizing.minSamples.');
