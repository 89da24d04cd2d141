// The deliverable's English text (British spelling throughout: utilisation, virtualisation).
// Every sheet, section, chart and message of plan.md and plan.xlsx reads its words from here
// or from es.ts, which has the same shape (messages/index.ts checks it).
import { costEn } from './cost-en.ts';
import { derivationEn } from './derivation-en.ts';
import { findingsEn } from './findings-en.ts';
import { reasonsEn } from './reasons-en.ts';
import { terminalEn } from './terminal-en.ts';
import { rulesEn } from './rules-en.ts';
import { formulaEn } from './formula-en.ts';
import { notesEn } from './notes-en.ts';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const en = {
  sheet: {
    cover: 'Cover',
    summary: 'Summary',
    assumptions: 'Assumptions',
    inventory: 'Inventory',
    utilisation: 'Utilisation',
    sizing: 'Sizing',
    hosts: 'Hosts',
    placement: 'Placement',
    failover: 'Failover',
    exclusions: 'Exclusions',
    findings: 'Findings',
    cost: 'Cost',
    method: 'Method',
    comparison: 'Comparison',
  },
  group: {
    total: 'Total',
    candidate: 'Virtualisation candidate',
    'missing-inventory': 'Not placed: missing inventory data',
    'missing-performance': 'Not placed: missing performance data',
    'special-hardware': 'Not placed: special hardware',
    'hypervisor-limits': 'Not placed: exceeds hypervisor limits',
    'not-migratable': 'Excluded: not migratable to KVM',
    'host-thresholds': 'Not placed: load above the host thresholds after virtualisation',
    'powered-off': 'Excluded: powered off',
    unknown: 'Not placed: unknown error',
  },
  status: { placed: 'placed', excluded: 'excluded', unplaced: 'not placed' },
  ha: { high: 'high', medium: 'medium', low: 'low' },
  severity: { error: 'error', warning: 'warning', info: 'information' },
  yes: 'yes',
  no: 'no',
  holds: 'holds',
  fails: 'FAILS',
  nowhere: 'nowhere',
  pageOf: 'Page &P of &N',
  notPriced: 'not priced',
  asComputed:
    'These figures are the plan as computed: editing Assumptions does not change them. Run capplan plan again ' +
    'for a new plan.',
  /** The host model's name when the project leaves cluster.modelName at its default. */
  derivedModel: 'derived',
  doc: {
    subject: (project: string) => `Server consolidation plan: ${project}`,
    keywords: 'capacity planning, server consolidation, virtualisation',
    description: 'Server consolidation plan prepared with capplan',
  },
  cover: {
    title: 'Server consolidation plan',
    preparedFor: 'Prepared for',
    preparedBy: 'Prepared by',
    date: 'Date',
    version: 'Version',
    notStated: 'not stated',
    recommendation: 'Recommendation',
    buy: (count: number, model: string) => `Buy ${n(count, 'host', 'hosts')}: ${model}`,
    spec: (sockets: number, cores: number, ghz: string, memoryGb: string, nics: string) =>
      `${sockets} × ${cores}-core CPUs at ${ghz} GHz, ${memoryGb} GB memory, ${nics}`,
    storageShared: 'VM disks on the existing shared storage (SAN)',
    storageLocal: (gb: string) => `VM disks on the hosts' local storage: ${gb} GB in all`,
    consolidation: 'Consolidation',
    beforeAfter: (servers: number, hosts: number) =>
      `${n(servers, 'physical server', 'physical servers')} → ${n(hosts, 'host', 'hosts')}`,
    placedOf: (placed: number, servers: number) => `${placed} of ${servers} servers become VMs and are placed`,
    resilience: 'Resilience',
    survives: (policy: string) => `${policy}: the cluster survives the failure of any host`,
    survivesK: (policy: string, k: number) => `${policy}: the cluster survives the failure of any ${k} hosts`,
    doesNotSurvive: (policy: string) => `${policy} NOT met: some VMs would have no host after a failure`,
    noFailover: 'No host failure is planned for (N+0)',
    nothingPlaced: (servers: number, why: string) =>
      `Nothing to plan: 0 of ${servers} servers could be placed (${why}); no host is needed and no failure is assessed`,
    loadNormal: 'Highest load, normal operation',
    loadAfter: 'Highest load after the worst failure',
    load: (cpu: string, mem: string) => `CPU ${cpu} · memory ${mem}`,
    cost: 'Cost',
    hardware: 'Host hardware',
    topFindings: 'Points to note',
    noFindings: 'None: the data is complete for every server and every server was placed.',
    disclaimer:
      'This plan is an estimate from the measured demand of the monitoring window and the stated ' +
      'assumptions; validate it against current vendor prices, support terms and a pilot before purchase.',
    chartNote: 'Charts: host load in normal operation and after the worst failure; machines before and after.',
  },
  summary: {
    title: (title: string) => `${title} — consolidation summary`,
    client: (client: string) => `Client: ${client}`,
    group: 'Group',
    servers: 'Servers',
    avgCpu: 'Average CPU %',
    avgCpuMhz: 'Average CPU MHz',
    avgMemory: 'Average memory GB',
    avgIops: 'Average IOPS',
    avgNetwork: 'Average network MB/s',
    hostsAfter: 'Hosts after consolidation',
    ratio: 'Consolidation ratio (VMs per host)',
    saved: 'Machines saved',
    vcpu: 'VM vCPU',
    memory: 'VM memory GB',
    disk: 'VM disk GB',
    redundancy: (policy: string) => `Redundancy ${policy}`,
    satisfied: 'satisfied',
    notSatisfied: 'NOT satisfied',
    dataQuality: 'Data quality',
    host: 'Host',
    vms: 'VMs',
    cpuPct: 'CPU %',
    memoryGb: 'Memory GB',
    memoryPct: 'Memory %',
    iops: 'IOPS',
    networkMBps: 'Network MB/s',
    quality: (monitored: number, servers: number, first: string, last: string, days: string, min: number) =>
      `${monitored} of ${servers} servers monitored, ${first} to ${last} (${days} days), at least ${min} samples each`,
    incomplete: (count: number) => `${count} with a metric missing`,
    noMonitoring: (servers: number) => `no monitoring data for any of ${servers} servers`,
  },
  col: {
    number: '#',
    server: 'Server',
    vm: 'VM',
    basis: 'Basis',
    os: 'Operating system',
    bits: 'Bits',
    sockets: 'Sockets',
    coresPerSocket: 'Cores per socket',
    threadsPerCore: 'Threads per core',
    cpuModel: 'CPU model',
    cpuGhz: 'CPU GHz',
    memoryMb: 'Memory MB',
    memoryGb: 'Memory GB',
    diskGb: 'Disk GB',
    nics: 'NICs',
    nicGbps: 'NIC Gbps',
    application: 'Application',
    specialHardware: 'Special hardware',
    haPriority: 'HA priority',
    status: 'Status',
    host: 'Host',
    model: 'Model',
    vcpu: 'vCPU',
    vnics: 'vNICs',
    networkMBps: 'Network MB/s',
    localDiskMb: 'Local disk MB',
    bootMb: 'boot MB',
    efiMb: '/boot/efi MB',
    rootMb: 'root MB',
    configMb: 'config MB',
    loggingMb: 'logging MB',
    swapMb: 'swap MB',
    dataMb: 'data MB',
    totalMb: 'total MB',
    fits: 'Fits',
    group: 'Group',
    reason: 'Reason',
    detail: 'Detail',
    sourceServer: 'Source server',
    setting: 'Setting',
    key: 'Key',
    value: 'Value',
    unit: 'Unit',
    source: 'Source',
    item: 'Item',
    how: 'How',
    severity: 'Severity',
    finding: 'Finding',
    where: 'Where',
  },
  inventory: { title: 'Inventory (as the client supplied it)' },
  hosts: {
    title: 'Hosts: specification and hypervisor disk layout',
    derivation: 'How the host specification was derived',
  },
  exclusions: {
    title: 'Exclusions: servers not placed, with the rule and its numbers',
    none: (servers: number) => `None: all ${servers} servers were placed.`,
  },
  findings: {
    title: 'Findings: data problems found in the inputs',
    none: 'None: the data is complete for every server.',
  },
  utilisation: {
    title: 'Utilisation: measured demand per server, with data quality',
    note: 'Statistics of the monitoring window, in the units of the headers.',
    samples: 'Samples',
    first: 'First sample (UTC)',
    last: 'Last sample (UTC)',
    days: 'Window days',
    missing: 'Missing metrics',
    score: 'Quality score',
    quality: 'Quality',
    issues: 'Quality issues',
    noData: 'no monitoring data',
    missingVerdict: 'missing',
    verdicts: { good: 'good', fair: 'fair', poor: 'poor', missing: 'missing' },
    metric: {
      cpuPct: 'CPU %',
      memoryUsedMb: 'Memory MB',
      diskUsedGb: 'Disk GB',
      networkMBps: 'Network MB/s',
      iops: 'IOPS',
      cpuMhz: 'CPU MHz',
    },
  },
  sizing: {
    title: "Sizing: formulas over Assumptions, Inventory and Utilisation, the plan's figure beside each",
    note:
      'Change growth, peak, statistic or rounding on Assumptions and these formulas recalculate as the plan was ' +
      'computed; FALSE in the last column means the edited workbook and the plan now differ.',
    cores: 'Cores',
    cpuMeasured: 'CPU % measured',
    clock: 'Clock factor',
    cpuDemand: 'CPU % demand',
    vcpuPlan: 'vCPU (plan)',
    memMeasured: 'Memory MB measured',
    memDemand: 'Memory MB demand',
    memPlan: 'Memory GB (plan)',
    diskMeasured: 'Disk GB measured',
    diskDemand: 'Disk GB demand',
    diskPlan: 'Disk GB (plan)',
    netMeasured: 'Network MB/s measured',
    netDemand: 'Network MB/s demand',
    check: 'Formula = plan',
  },
  placement: {
    title: 'Placement: VM → host',
    note: (hosts: number) => `${n(hosts, 'host', 'hosts')} in use; how the placement was found: see the Method sheet.`,
    loadTitle: 'Load per host against capacity (normal operation)',
    vcpuCapacity: 'vCPU capacity',
    memCapacity: 'Memory GB capacity',
    asComputed:
      'These loads are the plan as computed: editing Assumptions does not move VMs. Run capplan plan again for a ' +
      'new placement.',
  },
  failover: {
    title: (policy: string, ok: boolean) => `Failover (${policy}): ${ok ? 'satisfied' : 'NOT satisfied'}`,
    note: "Each failed host's VMs restart on the surviving hosts in HA-priority order (high, medium, low).",
    scenario: 'Scenario',
    failedHosts: 'Failed hosts',
    verdict: 'Verdict',
    order: 'Order',
    from: 'From',
    restartsOn: 'Restarts on',
    survivorsTitle: 'Surviving hosts after each failure',
    survivor: 'Surviving host',
    shortfalls: 'Shortfalls',
    none: 'No failure scenario: the plan does not ask to survive a host failure.',
  },
  cost: costEn,
  findingText: findingsEn,
  reasonText: reasonsEn,
  terminal: terminalEn,
  rules: rulesEn,
  derivationText: derivationEn,
  formulaText: formulaEn,
  noteText: notesEn,
  assumptions: {
    title: 'Assumptions: every setting that shaped the plan (edit the yellow cells)',
    note:
      'Sizing and Cost formulas read these cells: changing one recalculates them. Host loads, placement and ' +
      'failover are the plan as computed (see the Placement sheet).',
    statistic: (r: string) => `Demand statistic, ${r}`,
    peak: (r: string) => `Peak factor, ${r}`,
    growth: (r: string) => `Growth, ${r}`,
    resource: { cpu: 'CPU', memory: 'memory', disk: 'disk', network: 'network' },
    label: {
      cpuNormalisation: 'CPU clock normalisation',
      hostGhz: 'Target host clock',
      memoryStepGb: 'VM memory step',
      diskStepGb: 'VM disk step',
      minVcpu: 'Smallest VM',
      minMemoryGb: 'Smallest VM memory',
      utilisationThresholdPct: 'Source utilisation threshold',
      maxVcpuPerVm: 'vCPU per VM limit',
      reserveMb: 'Hypervisor memory reserve',
      redundancy: 'Host failures to survive (k of N+k)',
      vcpuPerCore: 'vCPU per physical core',
      cpuCeilingPct: 'CPU ceiling per host',
      memoryCeilingPct: 'Memory ceiling per host',
      failoverCeilingPct: 'Ceiling after a failure',
      swapOvercommit: 'Swap overcommit',
      dataFactor: 'Data partition factor',
    },
    unit: {
      statistic: 'avg | max | pNN',
      factor: '×',
      growth: 'fraction of demand',
      normalisation: 'none | clock',
      ghz: 'GHz',
      gb: 'GB',
      vcpu: 'vCPU',
      pct: '%',
      mbPerHost: 'MB per host',
      hosts: 'hosts',
      perRam: '× RAM',
    },
    method: (section: string) => `method §${section}`,
    fromPlan: 'host specification of the plan',
  },
  method: {
    title: 'Method: how this plan was made',
    intro:
      'Each rule below is described with its number in docs/method.md of capplan, where the formulas, sources and ' +
      'worked example are written out.',
    rules: [
      [
        '§3',
        'Each server becomes a VM sized from its measured demand (the chosen statistic × peak factor × ' +
          'growth), rounded up to whole vCPU, GB and disk steps.',
      ],
      [
        '§4',
        'Servers that cannot be virtualised as they are (missing data, special hardware, above the ' +
          'hypervisor limits or too busy) are listed with the rule and its numbers.',
      ],
      [
        '§5',
        'The host specification is the smallest standard one that holds the VMs within the ceilings, or ' +
          'the model chosen from the catalogue.',
      ],
      [
        '§6',
        'VMs are placed on the hosts by an optimiser that keeps every host under its CPU and memory ' +
          'ceilings and checks that the VMs of any failed host restart on the others (N+k).',
      ],
      ['§7', "The hypervisor's disk layout follows the vendor's partition rules."],
      ['§9', 'The monitoring data is scored for length, gaps and busy periods before it is trusted.'],
    ] as [string, string][],
    placement: 'Placement search',
    placementText: (hosts: number, bound: number, optimal: boolean) =>
      `${n(hosts, 'host', 'hosts')} used; no placement can use fewer than ${bound}` +
      (optimal ? ' (the placement is proven optimal).' : ' (the placement is not proven optimal).'),
    inputs: 'Input files (SHA-256)',
    engine: 'Prepared with capplan; plan format',
  },
  md: {
    client: 'Client',
    summaryTitle: 'Consolidation summary',
    hostsTitle: 'Hosts after consolidation',
    assessed: (servers: number, placed: number, not: number) =>
      `**${servers}** servers assessed, **${placed}** virtualisation candidates placed, **${not}** not placed`,
    hostsLine: (hosts: number, ratio: string, saved: number) =>
      `**${hosts}** hosts after consolidation; consolidation ratio **${ratio}**; ${saved} machines saved`,
    needs: (vcpu: number, mem: number, disk: number) =>
      `VMs need **${vcpu} vCPU**, **${mem} GB** memory, **${disk} GB** disk`,
    redundancyLine: (policy: string, ok: boolean) =>
      `Redundancy **${policy}**: ${ok ? 'satisfied' : '**NOT satisfied**'}`,
    sourceHostsNote: (before: number, after: number) => `(${before} source hosts in vHost → ${after})`,
    basisMonitoring: 'monitoring',
    /** A sizing basis other than monitoring (method §3.6): the label the sizing wrote. */
    basis: (b: { label: string; recorded?: boolean | undefined }) => b.label,
    /** A demand statistic as the sizing names it (avg, p95, recorded …). */
    statisticName: (name: string) => name,
    qualityLine: 'Data quality',
    chartsTitle: 'Charts',
    sizingTitle: 'Sizing',
    total: (vcpu: number, mem: number, disk: number) =>
      `Total: **${vcpu} vCPU**, **${mem} GB** memory, **${disk} GB** disk.`,
    inputsTitle: 'The inputs behind every figure',
    resource: 'Resource',
    statistic: 'Statistic',
    measured: 'Measured',
    peak: 'Peak ×',
    growth: 'Growth',
    demand: 'Demand',
    result: 'Result',
    formula: 'Calculation',
    ha: 'HA',
    resourceUnit: { cpu: 'CPU %', memory: 'memory MB', disk: 'disk GB', network: 'network MB/s' },
    hostSpecTitle: 'Host specification',
    resourceCol: 'Resource',
    valueCol: 'Value',
    cpu: 'CPU',
    cpuClock: 'CPU clock',
    cpus: 'CPUs (sockets)',
    coresPerCpu: 'Cores per CPU',
    threads: 'Threads per core',
    memory: 'Memory',
    nics: 'NICs',
    localDisk: 'Local disk',
    price: 'Price',
    power: 'Power',
    derivedHow: 'How it was derived:',
    catalogModel: 'catalogue model; no derivation',
    placementTitle: 'Placement',
    hostsUsed: (hosts: number) => `Hosts used: **${hosts}**`,
    failoverTitle: (policy: string) => `Failover (${policy})`,
    failoverIntro: (ok: boolean, count: number) =>
      `Redundancy ${ok ? 'satisfied' : '**NOT satisfied**'}: ${n(count, 'failure', 'failures')} simulated, ` +
      "each failed host's VMs restarting on the surviving hosts in HA-priority order (high, medium, low).",
    fails: (hosts: string, ok: boolean) => `${hosts} fails: ${ok ? 'holds' : '**fails**'}`,
    layoutTitle: 'Hypervisor disk layout',
    swapWhy: (x: string) =>
      `swap = recommended swap for the host's RAM (≤ 4 GB → 2 GB, 4–16 → 4, 16–64 → 8, 64–256 → 16, ` +
      `256–512 → 32) + RAM × ${x} (method §7)`,
    dataWhy: (x: string) => `data = RAM × ${x} (core files, kernel dumps, ISO staging; method §7)`,
    exclusionsTitle: 'Exclusions',
    qualityTitle: 'Data quality',
    score: 'Score',
    verdict: 'Verdict',
    days: 'Days',
    busyCovered: 'Busy period covered',
    issues: 'Issues',
    findingsTitle: 'Findings',
    assumptionsTitle: 'Assumptions',
    methodTitle: 'Method',
    demandStatistic: 'Demand statistic',
    peakFactor: 'Peak factor',
    cpuNormalisation: 'CPU clock normalisation',
    rounding: 'Rounding',
    roundingText: (mem: string, disk: string, vcpu: number, minMem: string) =>
      `memory to ${mem} GB, disk to ${disk} GB; minimum ${vcpu} vCPU, ${minMem} GB`,
    threshold: 'Utilisation threshold',
    hypervisor: 'Hypervisor',
    hypervisorText: (name: string, vcpu: number, mem: string, reserve: string) =>
      `${name}: ≤ ${vcpu} vCPU and ≤ ${mem} GB per VM, reserve ${reserve} MB per host`,
    cluster: 'Cluster',
    clusterText: (k: number, perCore: string, cpu: string, mem: string, fo: string) =>
      `N+${k}, ${perCore} vCPU per core, CPU ceiling ${cpu}, memory ceiling ${mem}, failover ceiling ${fo}`,
    storage: 'Storage',
    storageShared: 'shared (SAN): VM disks do not size the hosts',
    storageLocal: 'local: VM disks use host disk',
  },
  comparison: {
    title: 'Comparison of scenarios',
    intro: (n: number) =>
      `The project's plan (the baseline) beside ${n === 1 ? 'its scenario' : `its ${n} scenarios`}, each planned on ` +
      'the same data; Δ is the difference to the baseline.',
    baseline: 'Baseline',
    figure: 'Figure',
    delta: 'Δ',
    hosts: 'Hosts',
    hostModel: 'Host model',
    hostSpec: 'Each host',
    spec: (sockets: number, cores: number, gb: string) => `${sockets} × ${cores} cores, ${gb} GB`,
    sockets: 'Sockets (all hosts)',
    cores: 'Cores (all hosts)',
    memoryGb: 'Memory, GB (all hosts)',
    redundancy: 'Failures survived',
    survives: (policy: string) => `${policy}: holds`,
    fails: (policy: string) => `${policy}: does not hold`,
    unplaced: 'Servers not placed',
    cpuAfter: 'CPU after the worst failure, %',
    memoryAfter: 'Memory after the worst failure, %',
    replayOverCeiling: 'Replay: CPU above the ceiling, % of host-intervals',
    replayOver100: 'Replay: CPU or memory above 100 %, % of host-intervals',
    notReplayed: 'not replayed',
    licencesPerGroup: 'Licences per group',
    licenceGroup: (group: string, hosts: number, cores: number, per: 'host' | 'core') =>
      per === 'core'
        ? `${group}: ${n(hosts, 'host', 'hosts')}, ${cores} cores`
        : `${group}: ${n(hosts, 'host', 'hosts')}`,
    licenceSaving: 'Saved by the host groups',
    none: 'none',
    costFromTco: (currency: string | null, years: number) =>
      `Costs ${currency ? `in ${currency}` : '(currency not stated)'} over ${n(years, 'year', 'years')}, ` +
      "each plan's total cost of ownership (method §15) " +
      'line by line, as on its Cost sheet. "not priced": an input the line needs is missing; ' +
      'the totals add the priced lines only.',
    costTerms: (name: string, currency: string, years: number) => `${name}: ${currency}, ${n(years, 'year', 'years')}`,
    costMixed: (terms: string) =>
      `Costs from each plan's total cost of ownership (method §15), in different currencies or horizons (${terms}): ` +
      'no cost difference is shown. "not priced": an input the line needs is missing.',
    scenarioLine: (name: string, description: string) => `${name}: ${description}`,
    /** Short names of the cost lines for the chart's one-row legend. */
    chartLine: {
      hardware: 'Hardware',
      hostGroupLicences: 'Licences',
      subscriptions: 'Subscriptions',
      support: 'Support',
      power: 'Power',
      rack: 'Rack',
    },
    chartCostTitle: 'Cost over the horizon per scenario',
    chartHostsTitle: 'Hosts per scenario',
    chartHostsAxis: 'hosts',
    alt: 'The scenarios compared',
  },
  replay: {
    title: 'Replay of the measured demand',
    intro: (smt: string | null) =>
      "Every interval's measured demand of every VM put back on its host, in physical units: CPU GHz " +
      '(source cores × clock × CPU %) against sockets × cores × clock' +
      (smt !== null ? ` × SMT factor ${smt}` : '') +
      ', memory against usable memory (RAM − hypervisor reserve), network against the NICs’ line rate. ',
    ceilings: (cpu: number, memory: number, failover: number, allowed: number) =>
      `Ceilings: CPU ${cpu} %, memory ${memory} % in normal operation; ${failover} % after a failure. ` +
      `Allowed overload: ${allowed} % of the intervals.`,
    chartAlt: (host: string) => `${host}: load over time`,
    heatmapAlt: 'Every host: load over time',
    heatmapTitle: (hosts: number, span: string) => `Load of all ${hosts} hosts, ${span} (busiest at the top)`,
    heatmapRows: (first: number, last: number) => (first === last ? `busiest ${first}` : `busiest ${first}–${last}`),
    heatmapLegend: 'Highest of CPU, memory and network, % of the host (CPU ceiling and 100 % marked):',
    heatmapNoData: 'no data',
    /** The chart of one host's load over time (charts/replay-chart.ts). */
    hostChart: {
      title: (host: string, role: string, span: string) => `${host}: measured load, ${role} window ${span}`,
      alt: (host: string, role: string) => `${host}: load over time (${role})`,
      role: (role: string) => role,
      axis: '% of capacity',
      ceiling: (pct: number) => `CPU ceiling ${pct} %`,
      points: (n: number, bucket: string, minutes: number) =>
        `${n} points, each the highest ${bucket} of ${minutes}-minute intervals`,
      cpuPct: 'CPU % of GHz',
      memoryPct: 'Memory % of usable',
      networkPct: 'Network % of NIC line rate',
    },
    busiestCharts: (shown: number, hosts: number) =>
      `The ${shown} hosts with the highest load of the ${hosts}, one chart each:`,
    planningWindow: 'Planning window',
    backtestWindow: 'Backtest window',
    /** replay.md of `capplan replay`: its title and the lines above the windows. */
    report: {
      title: (plan: string) => `Backtest of ${plan}`,
      plan: (file: string, sha: string, hosts: number, placed: number) =>
        `Plan: ${file} (sha256 ${sha}), ${hosts} hosts, ${placed} VMs placed`,
      window: (files: number, names: string) => `Window: ${files} file(s): ${names}`,
      allowed: (pct: number) => `Allowed overload: ${pct} % of the intervals (replay.maxOverloadPct).`,
      findings: 'Findings',
    },
    summary: (
      vms: number,
      minutes: string,
      hostIntervals: number,
      overCeil: string,
      over100: string,
      mem: string,
      net: string,
    ) =>
      `${vms} VMs replayed at ${minutes}-minute intervals, ${hostIntervals} host-intervals in normal operation: ` +
      `CPU over the ceiling in **${overCeil}**, over 100 % in **${over100}**; memory over 100 % in **${mem}**; ` +
      `network over the line rate in **${net}**.`,
    noSample: (vms: string) => `No sample in this window for: ${vms}.`,
    network:
      "The network demand exceeds the NICs' line rate: that takes more or faster NICs (cluster.dataNics, " +
      'cluster.nicGbps), not a larger sizing.',
    worstFailure: (scenario: string, resource: string, host: string, worst: string) =>
      `Worst failure: ${scenario}, ${resource} of ${host} at ${worst} of its capacity.`,
    held: '**The plan held** on this window in normal operation.',
    notHeld: '**The plan did not hold**',
    heldWithin: 'The plan held within the allowed overload',
    growth: (
      verdict: string,
      cpu: string,
      cpuFrom: string,
      cpuTo: string,
      mem: string,
      memFrom: string,
      memTo: string,
    ) =>
      `${verdict}: it would have held with CPU demand × ${cpu} (sizing growth ${cpuFrom} → ${cpuTo}) and ` +
      `memory demand × ${mem} (growth ${memFrom} → ${memTo}), the capacity growing with the sizing (method §14.3).`,
    resource: { cpu: 'cpu', memory: 'memory', network: 'network', iops: 'iops' } as Record<string, string>,
    col: {
      scenario: 'Scenario',
      host: 'Host',
      vms: 'VMs',
      cpuGhz: 'CPU GHz avg / peak / capacity',
      cpuP99: 'CPU p99',
      cpuOverCeiling: 'CPU > ceiling',
      cpuOver100: 'CPU > 100 %',
      worstCpuAt: 'Worst CPU at',
      memoryGb: 'Memory GB peak / usable',
      networkMbs: 'Network MB/s avg / peak / line rate',
      networkOver100: 'Network > 100 %',
    },
    sheet: {
      name: 'Replay',
      title: 'Replay of the measured demand',
      note:
        "Every interval's measured demand of every VM on its host (method §14): CPU GHz = source cores × clock × " +
        'CPU %; memory against RAM − reserve; network against the NIC line rate.',
      window: 'Window',
      from: 'From (UTC)',
      to: 'To (UTC)',
      scenario: 'Scenario',
      host: 'Host',
      vms: 'VMs',
      intervals: 'Intervals',
      cpu: 'CPU',
      memory: 'Memory',
      network: 'Network',
      capacity: (r: string, unit: string) => `${r} capacity ${unit}`,
      avg: (r: string, unit: string) => `${r} avg ${unit}`,
      peak: (r: string, unit: string) => `${r} peak ${unit}`,
      worstPct: (r: string) => `${r} worst %`,
      p99Pct: (r: string) => `${r} p99 %`,
      overCeiling: (r: string) => `${r} % of intervals over ceiling`,
      over100: (r: string) => `${r} % of intervals over 100 %`,
      worstAt: (r: string) => `${r} worst at (UTC)`,
      role: { planning: 'planning', backtest: 'backtest' } as Record<string, string>,
    },
    normal: 'normal',
    fails: (hosts: string) => `${hosts} fails`,
    tradeOff: {
      title: 'Trade-off: what each sizing needs and risks',
      intro: (model: string) =>
        `The same VMs on ${model} hosts, fewest hosts each: every VM at its average, p95, p99 or maximum measured ` +
        'GHz and GB over the window, or on its demand series (slot length, statistic and period as labelled; ' +
        'method §14.5); the vCPU and ' +
        'memory allocations bound every row as in the plan. Shares are of host-intervals in normal operation.',
      stoppedNote:
        'A row marked “stopped early” used up its share of the time limit: its best plan so far (method §14.5).',
      stopped: (sizing: string) => `${sizing} (stopped early)`,
      /** A row's sizing as the plan names it (avg, p95, series (30 min, max, day)). */
      sizingName: (r: { sizing: string; series?: { slotMinutes: number; statistic: string; period: string } }) =>
        r.sizing,
      omitted: (sizings: string) =>
        `Left out, the time limit having run out before their turn: ${sizings} (method §14.5; a longer ` +
        'placement.timeLimitSeconds computes them).',
      sizing: 'Sizing',
      hosts: 'Hosts',
      lowerBound: 'Lower bound',
      unplaced: 'Unplaced',
      role: { planning: 'planning window', backtest: 'backtest window' } as Record<string, string>,
      cpuOverCeiling: (role: string) => `CPU > ceiling, ${role}`,
      cpuOver100: (role: string) => `CPU > 100 %, ${role}`,
      memoryOver100: (role: string) => `Memory > 100 %, ${role}`,
      sheetTitle: (model: string) => `Trade-off: hosts needed and replayed overload per sizing (${model})`,
    },
  },
  chart: {
    utilisationTitle: 'Host load: normal operation and after the worst failure',
    cpuNormal: 'CPU % normal',
    memNormal: 'Memory % normal',
    cpuAfter: 'CPU % after failure',
    memAfter: 'Memory % after failure',
    pctCapacity: '% of capacity',
    cpuCeiling: (v: string) => `CPU ceiling ${v}`,
    failoverCeiling: (v: string) => `failover ceiling ${v}`,
    consolidationTitle: 'Physical machines before and after consolidation',
    assessed: 'Servers assessed',
    virtualised: 'Servers virtualised',
    hostsAfter: 'Hosts after',
    machines: 'Machines',
    machinesAxis: 'machines',
    headroomTitle: 'Headroom per host to its ceiling (normal and after the worst failure)',
    busiestHosts: (shown: number, hosts: number) => `The ${shown} busiest of ${hosts} hosts (the tables list all)`,
    used: 'Used %',
    free: 'Free to the ceiling %',
    afterFailure: 'after failure',
    cpu: 'CPU',
    memory: 'memory',
    altUtilisation: 'Host load, normal and after the worst failure',
    altConsolidation: 'Servers before, hosts after consolidation',
    altHeadroom: 'Headroom per host',
  },
};

export type Messages = typeof en;
