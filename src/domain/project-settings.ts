// The sections of capplan.yaml (and of proposal.yaml, which records the same sections), as
// written: every setting with its default and a description that docs/capplan.schema.json
// carries. Strict objects: a typo is an error with its path, never a silently ignored setting.
import { z } from 'zod';
import { placementRuleFields } from './placement-rules.ts';
import { PROFILE_IDS, PROFILES } from './hypervisor-profiles.ts';
import { provisionProfileFields } from './provision-settings.ts';

/** Defaults of the fields a hypervisor profile sets: the default profile's (method §12). */
const P = PROFILES.generic.defaults;
const byProfile = ' Default from hypervisor.profile (method §12).';
import { seriesPlacementFields } from './series-settings.ts';

/** The model name of derived hosts unless the project names them; a report says it in its language. */
export const DERIVED_MODEL = 'derived';

export { allocationSchema } from './allocation-settings.ts';
export { costSchema } from './tco-settings.ts';
export { scenariosSchema } from './scenario-settings.ts';

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
    profile: z
      .enum(PROFILE_IDS)
      .default('generic')
      .describe(
        'Hypervisor profile whose limits, ceilings, host layout and guest devices are the defaults (method §12): ' +
          'generic (libvirt/KVM), rhel-9 (RHEL 9 KVM / oVirt), proxmox-8 (Proxmox VE 8), ' +
          'rhev-2.2 (the worked example).',
      ),
    name: z.string().default(P.hypervisor.name).describe(`Hypervisor the limits below belong to.${byProfile}`),
    maxVcpuPerVm: z
      .number()
      .int()
      .positive()
      .default(P.hypervisor.maxVcpuPerVm)
      .describe(`vCPU per VM (method §3.5).${byProfile}`),
    maxMemoryGb64: positive
      .default(P.hypervisor.maxMemoryGb64)
      .describe(`Memory per 64-bit guest, GB (method §3.5).${byProfile}`),
    maxMemoryGb32: positive
      .default(P.hypervisor.maxMemoryGb32)
      .describe(`Memory per 32-bit guest, GB (method §3.5).${byProfile}`),
    maxNicsPerVm: z
      .number()
      .int()
      .positive()
      .default(P.hypervisor.maxNicsPerVm)
      .describe(`vNICs per VM (method §3.5).${byProfile}`),
    maxDisksPerVm: z
      .number()
      .int()
      .positive()
      .default(P.hypervisor.maxDisksPerVm)
      .describe(`Virtual disks per VM (method §3.5).${byProfile}`),
    maxHostCpus: z
      .number()
      .int()
      .positive()
      .default(P.hypervisor.maxHostCpus)
      .describe(`Physical CPUs (cores) per node (method §5.4).${byProfile}`),
    maxHostMemoryGb: positive
      .default(P.hypervisor.maxHostMemoryGb)
      .describe(`RAM per node, GB (method §5.4).${byProfile}`),
    reserveMb: nonNegative
      .default(P.hypervisor.reserveMb)
      .describe(`RAM the hypervisor keeps for itself on each node, MB (method §5.1).${byProfile}`),
    vmOverheadFixedMb: nonNegative
      .default(P.hypervisor.vmOverheadFixedMb)
      .describe(`Host memory each running VM takes beyond its guest RAM, fixed part, MB (method §5.1).${byProfile}`),
    vmOverheadMbPerVcpu: nonNegative
      .default(P.hypervisor.vmOverheadMbPerVcpu)
      .describe(`Per-VM memory overhead per vCPU, MB (method §5.1).${byProfile}`),
    vmOverheadMbPerGuestGb: nonNegative
      .default(P.hypervisor.vmOverheadMbPerGuestGb)
      .describe(`Per-VM memory overhead per GB of guest RAM (page tables), MB (method §5.1).${byProfile}`),
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
      .max(100_000)
      .nullable()
      .default(null)
      .describe('Number of hosts (derive mode). null: the fewest that work. The worked example fixes 2.'),
    redundancy: z
      .number()
      .int()
      .nonnegative()
      .max(1000)
      .default(1)
      .describe('k of N+k: host failures the cluster must survive (method §6.4: N+1).'),
    vcpuPerCore: positive.default(2).describe('vCPU per physical core (method §5.1: 16 vCPU on 8 cores, 2:1).'),
    cpuCeilingPct: pct
      .default(P.cluster.cpuCeilingPct)
      .describe(`Highest CPU load per host in normal operation (method §6.1: the example's 75 %).${byProfile}`),
    memoryCeilingPct: pct
      .default(P.cluster.memoryCeilingPct)
      .describe(`Highest memory load per host (after the reserve) in normal operation.${byProfile}`),
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
    nicGbps: positive
      .default(P.cluster.nicGbps)
      .describe(`Speed of each host NIC, Gbps (method §2.4: the example's 4).${byProfile}`),
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
    modelName: z.string().default(DERIVED_MODEL).describe('Model name written for derived hosts.'),
    hostNamePrefix: z.string().default('host').describe('Hosts are named <prefix>1, <prefix>2, …'),
    price: nonNegative.default(0).describe('Price of one derived host (for cost reports).'),
    watts: nonNegative.default(0).describe('Power draw of one derived host, W.'),
  })
  .prefault({});

export const partitionsSchema = z
  .strictObject({
    bootMb: nonNegative.default(P.partitions.bootMb).describe(`Hypervisor /boot, MB (method §7).${byProfile}`),
    efiMb: nonNegative
      .default(P.partitions.efiMb)
      .describe(`Hypervisor /boot/efi (EFI system partition), MB; 0: none (method §7).${byProfile}`),
    rootMb: nonNegative
      .default(P.partitions.rootMb)
      .describe(`Hypervisor installation (root), MB (method §7).${byProfile}`),
    configMb: nonNegative
      .default(P.partitions.configMb)
      .describe(`Hypervisor /config, MB; 0: none (method §7).${byProfile}`),
    loggingMb: nonNegative.default(P.partitions.loggingMb).describe(`Hypervisor /var/log, MB (method §7).${byProfile}`),
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
    ...placementRuleFields,
    ...seriesPlacementFields,
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
      .enum(['auto', 'virtio', 'sata', 'ide'])
      .default('auto')
      .describe('auto: chosen by the guest OS policy (method §8).'),
    nicModel: z
      .enum(['auto', 'virtio', 'e1000e', 'e1000', 'rtl8139'])
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
      .default(P.provision.kickstartFsType)
      .describe(`File system of the hypervisor partitions in the kickstart (RHEV-H 2.2: ext3).${byProfile}`),
    ...provisionProfileFields,
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
