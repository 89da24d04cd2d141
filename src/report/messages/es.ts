// The deliverable's Spanish text (Mexican usage: costo, cómputo), the same shape as en.ts.
import type { Messages } from './en.ts';
import { costEs } from './cost-es.ts';
import { derivationEs } from './derivation-es.ts';
import { findingsEs } from './findings-es.ts';
import { reasonsEs } from './reasons-es.ts';
import { terminalEs } from './terminal-es.ts';
import { rulesEs } from './rules-es.ts';
import { statisticEs } from './statistic-es.ts';
import { formulaEs } from './formula-es.ts';
import { notesEs } from './notes-es.ts';

/** The period a demand series is folded onto (placement.series.period). */
const SERIES_PERIOD: Record<string, string> = { day: 'día', week: 'semana', window: 'ventana' };

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const es: Messages = {
  sheet: {
    cover: 'Portada',
    summary: 'Resumen',
    assumptions: 'Supuestos',
    inventory: 'Inventario',
    utilisation: 'Utilización',
    sizing: 'Dimensionamiento',
    hosts: 'Nodos',
    placement: 'Ubicación',
    failover: 'Tolerancia a fallos',
    exclusions: 'Exclusiones',
    findings: 'Hallazgos',
    cost: 'Costos',
    method: 'Método',
    comparison: 'Comparación',
  },
  group: {
    total: 'Total',
    candidate: 'Candidato a virtualización',
    'missing-inventory': 'No ubicado: faltan datos de inventario',
    'missing-performance': 'No ubicado: faltan datos de rendimiento',
    'special-hardware': 'No ubicado: hardware especial',
    'hypervisor-limits': 'No ubicado: excede los límites del hipervisor',
    'not-migratable': 'Excluido: no migrable a KVM',
    'host-thresholds': 'No ubicado: carga por encima de los umbrales del nodo tras virtualizar',
    'powered-off': 'Excluido: apagado',
    unknown: 'No ubicado: error desconocido',
  },
  status: { placed: 'ubicado', excluded: 'excluido', unplaced: 'no ubicado' },
  ha: { high: 'alta', medium: 'media', low: 'baja' },
  severity: { error: 'error', warning: 'advertencia', info: 'información' },
  yes: 'sí',
  no: 'no',
  holds: 'se sostiene',
  fails: 'FALLA',
  nowhere: 'ningún nodo',
  pageOf: 'Página &P de &N',
  notPriced: 'sin precio',
  asComputed:
    'Estas cifras son las del plan calculado: editar Supuestos no las cambia. Ejecute capplan plan de nuevo ' +
    'para obtener otro plan.',
  derivedModel: 'derivado',
  doc: {
    subject: (project: string) => `Plan de consolidación de servidores: ${project}`,
    keywords: 'planificación de capacidad, consolidación de servidores, virtualización',
    description: 'Plan de consolidación de servidores preparado con capplan',
  },
  cover: {
    title: 'Plan de consolidación de servidores',
    preparedFor: 'Preparado para',
    preparedBy: 'Preparado por',
    date: 'Fecha',
    version: 'Versión',
    notStated: 'no indicado',
    recommendation: 'Recomendación',
    buy: (count: number, model: string) => `Adquirir ${n(count, 'nodo', 'nodos')}: ${model}`,
    spec: (sockets: number, cores: number, ghz: string, memoryGb: string, nics: string) =>
      `${sockets} CPU de ${cores} núcleos a ${ghz} GHz, ${memoryGb} GB de memoria, ${nics}`,
    storageShared: 'Discos de las VM en el almacenamiento compartido existente (SAN)',
    storageLocal: (gb: string) => `Discos de las VM en el almacenamiento local de los nodos: ${gb} GB en total`,
    consolidation: 'Consolidación',
    beforeAfter: (servers: number, hosts: number) =>
      `${n(servers, 'servidor físico', 'servidores físicos')} → ${n(hosts, 'nodo', 'nodos')}`,
    placedOf: (placed: number, servers: number) => `${placed} de ${servers} servidores se convierten en VM y se ubican`,
    resilience: 'Resiliencia',
    survives: (policy: string) => `${policy}: el clúster sobrevive a la falla de cualquier nodo`,
    survivesK: (policy: string, k: number) => `${policy}: el clúster sobrevive a la falla de ${k} nodos cualesquiera`,
    doesNotSurvive: (policy: string) => `${policy} NO se cumple: algunas VM quedarían sin nodo tras una falla`,
    noFailover: 'No se planifica la falla de ningún nodo (N+0)',
    nothingPlaced: (servers: number, why: string) =>
      `Nada que planificar: 0 de ${servers} servidores se pudieron ubicar (${why}); no hace falta ningún nodo ni se ` +
      'evalúa ninguna falla',
    loadNormal: 'Carga máxima, operación normal',
    loadAfter: 'Carga máxima tras la peor falla',
    load: (cpu: string, mem: string) => `CPU ${cpu} · memoria ${mem}`,
    cost: 'Costo',
    hardware: 'Hardware de los nodos',
    topFindings: 'Puntos a considerar',
    noFindings: 'Ninguno: los datos están completos para cada servidor y todos los servidores se ubicaron.',
    disclaimer:
      'Este plan es una estimación a partir de la demanda medida en la ventana de monitoreo y de los supuestos ' +
      'indicados; valídelo con precios vigentes del fabricante, condiciones de soporte y una prueba piloto antes de ' +
      'comprar.',
    chartNote: 'Gráficas: carga de los nodos en operación normal y tras la peor falla; equipos antes y después.',
  },
  summary: {
    title: (title: string) => `${title} — resumen de la consolidación`,
    client: (client: string) => `Cliente: ${client}`,
    group: 'Grupo',
    servers: 'Servidores',
    avgCpu: 'CPU % promedio',
    avgCpuMhz: 'CPU MHz promedio',
    avgMemory: 'Memoria GB promedio',
    avgIops: 'IOPS promedio',
    avgNetwork: 'Red MB/s promedio',
    hostsAfter: 'Nodos tras la consolidación',
    ratio: 'Tasa de consolidación (VM por nodo)',
    saved: 'Equipos ahorrados',
    vcpu: 'vCPU de las VM',
    memory: 'Memoria de las VM GB',
    disk: 'Disco de las VM GB',
    redundancy: (policy: string) => `Redundancia ${policy}`,
    satisfied: 'se cumple',
    notSatisfied: 'NO se cumple',
    dataQuality: 'Calidad de los datos',
    host: 'Nodo',
    vms: 'VM',
    cpuPct: 'CPU %',
    memoryGb: 'Memoria GB',
    memoryPct: 'Memoria %',
    iops: 'IOPS',
    networkMBps: 'Red MB/s',
    quality: (monitored: number, servers: number, first: string, last: string, days: string, min: number) =>
      `${monitored} de ${servers} servidores monitoreados, del ${first} al ${last} (${days} días), al menos ` +
      `${min} muestras cada uno`,
    incomplete: (count: number) => `${count} con alguna métrica faltante`,
    noMonitoring: (servers: number) => `sin datos de monitoreo para ninguno de los ${servers} servidores`,
  },
  col: {
    number: 'N.º',
    server: 'Servidor',
    vm: 'VM',
    basis: 'Base',
    os: 'Sistema operativo',
    bits: 'Bits',
    sockets: 'Sockets',
    coresPerSocket: 'Núcleos por socket',
    threadsPerCore: 'Hilos por núcleo',
    cpuModel: 'Modelo de CPU',
    cpuGhz: 'CPU GHz',
    memoryMb: 'Memoria MB',
    memoryGb: 'Memoria GB',
    diskGb: 'Disco GB',
    nics: 'NIC',
    nicGbps: 'NIC Gbps',
    application: 'Aplicación',
    specialHardware: 'Hardware especial',
    haPriority: 'Prioridad HA',
    status: 'Estado',
    host: 'Nodo',
    model: 'Modelo',
    vcpu: 'vCPU',
    vnics: 'vNIC',
    networkMBps: 'Red MB/s',
    localDiskMb: 'Disco local MB',
    bootMb: 'boot MB',
    efiMb: '/boot/efi MB',
    rootMb: 'root MB',
    configMb: 'config MB',
    loggingMb: 'logging MB',
    swapMb: 'swap MB',
    dataMb: 'data MB',
    totalMb: 'total MB',
    fits: 'Cabe',
    group: 'Grupo',
    reason: 'Motivo',
    detail: 'Detalle',
    sourceServer: 'Servidor de origen',
    setting: 'Parámetro',
    key: 'Clave',
    value: 'Valor',
    unit: 'Unidad',
    source: 'Fuente',
    item: 'Concepto',
    how: 'Cálculo',
    severity: 'Gravedad',
    finding: 'Hallazgo',
    where: 'Dónde',
  },
  inventory: { title: 'Inventario (tal como lo entregó el cliente)' },
  hosts: {
    title: 'Nodos: especificación y particionado del disco del hipervisor',
    derivation: 'Cómo se obtuvo la especificación del nodo',
  },
  exclusions: {
    title: 'Exclusiones: servidores no ubicados, con la regla y sus cifras',
    none: (servers: number) => `Ninguna: los ${servers} servidores se ubicaron.`,
  },
  findings: {
    title: 'Hallazgos: problemas encontrados en los datos de entrada',
    none: 'Ninguno: los datos están completos para cada servidor.',
  },
  utilisation: {
    title: 'Utilización: demanda medida por servidor, con la calidad de los datos',
    note: 'Estadísticas de la ventana de monitoreo, en las unidades de los encabezados.',
    samples: 'Muestras',
    first: 'Primera muestra (UTC)',
    last: 'Última muestra (UTC)',
    days: 'Días de la ventana',
    missing: 'Métricas faltantes',
    score: 'Puntaje de calidad',
    quality: 'Calidad',
    issues: 'Problemas de calidad',
    noData: 'sin datos de monitoreo',
    missingVerdict: 'faltante',
    verdicts: { good: 'buena', fair: 'regular', poor: 'deficiente', missing: 'faltante' },
    metric: {
      cpuPct: 'CPU %',
      memoryUsedMb: 'Memoria MB',
      diskUsedGb: 'Disco GB',
      networkMBps: 'Red MB/s',
      iops: 'IOPS',
      cpuMhz: 'CPU MHz',
    },
  },
  sizing: {
    title: 'Dimensionamiento: fórmulas sobre Supuestos, Inventario y Utilización, con la cifra del plan al lado',
    note:
      'Cambie crecimiento, pico, estadístico o redondeo en Supuestos y estas fórmulas se recalculan como se calculó ' +
      'el plan; FALSO en la última columna indica que el libro editado y el plan ya difieren.',
    cores: 'Núcleos',
    cpuMeasured: 'CPU % medido',
    clock: 'Factor de reloj',
    cpuDemand: 'CPU % demanda',
    vcpuPlan: 'vCPU (plan)',
    memMeasured: 'Memoria MB medida',
    memDemand: 'Memoria MB demanda',
    memPlan: 'Memoria GB (plan)',
    diskMeasured: 'Disco GB medido',
    diskDemand: 'Disco GB demanda',
    diskPlan: 'Disco GB (plan)',
    netMeasured: 'Red MB/s medida',
    netDemand: 'Red MB/s demanda',
    check: 'Fórmula = plan',
  },
  placement: {
    title: 'Ubicación: VM → nodo',
    note: (hosts: number) => `${n(hosts, 'nodo', 'nodos')} en uso; cómo se encontró la ubicación: vea la hoja Método.`,
    loadTitle: 'Carga por nodo frente a su capacidad (operación normal)',
    vcpuCapacity: 'Capacidad vCPU',
    memCapacity: 'Capacidad memoria GB',
    asComputed:
      'Estas cargas son las del plan calculado: editar Supuestos no mueve las VM. Ejecute capplan plan de nuevo para ' +
      'obtener otra ubicación.',
  },
  failover: {
    title: (policy: string, ok: boolean) => `Tolerancia a fallos (${policy}): ${ok ? 'se cumple' : 'NO se cumple'}`,
    note: 'Las VM de cada nodo caído se reinician en los nodos restantes por prioridad HA (alta, media, baja).',
    scenario: 'Escenario',
    failedHosts: 'Nodos caídos',
    verdict: 'Veredicto',
    order: 'Orden',
    from: 'Desde',
    restartsOn: 'Se reinicia en',
    survivorsTitle: 'Nodos restantes tras cada falla',
    survivor: 'Nodo restante',
    shortfalls: 'Faltantes',
    none: 'Sin escenarios de falla: el plan no pide sobrevivir a la falla de un nodo.',
  },
  cost: costEs,
  findingText: findingsEs,
  reasonText: reasonsEs,
  terminal: terminalEs,
  rules: rulesEs,
  derivationText: derivationEs,
  formulaText: formulaEs,
  noteText: notesEs,
  assumptions: {
    title: 'Supuestos: cada parámetro que dio forma al plan (edite las celdas amarillas)',
    note:
      'Las fórmulas de Dimensionamiento y Costos leen estas celdas: al cambiar una se recalculan. Las cargas de los ' +
      'nodos, la ubicación y la tolerancia a fallos son las del plan calculado (vea la hoja Ubicación).',
    statistic: (r: string) => `Estadístico de demanda, ${r}`,
    peak: (r: string) => `Factor de pico, ${r}`,
    growth: (r: string) => `Crecimiento, ${r}`,
    resource: { cpu: 'CPU', memory: 'memoria', disk: 'disco', network: 'red' },
    label: {
      cpuNormalisation: 'Normalización por reloj de CPU',
      hostGhz: 'Reloj del nodo destino',
      memoryStepGb: 'Escalón de memoria de VM',
      diskStepGb: 'Escalón de disco de VM',
      minVcpu: 'VM mínima',
      minMemoryGb: 'Memoria mínima de VM',
      utilisationThresholdPct: 'Umbral de utilización del origen',
      maxVcpuPerVm: 'Límite de vCPU por VM',
      reserveMb: 'Memoria reservada por el hipervisor',
      redundancy: 'Fallas de nodo a sobrevivir (k de N+k)',
      vcpuPerCore: 'vCPU por núcleo físico',
      cpuCeilingPct: 'Techo de CPU por nodo',
      memoryCeilingPct: 'Techo de memoria por nodo',
      failoverCeilingPct: 'Techo tras una falla',
      swapOvercommit: 'Sobrecompromiso de swap',
      dataFactor: 'Factor de la partición de datos',
    },
    unit: {
      statistic: 'avg | max | pNN',
      factor: '×',
      growth: 'fracción de la demanda',
      normalisation: 'none | clock',
      ghz: 'GHz',
      gb: 'GB',
      vcpu: 'vCPU',
      pct: '%',
      mbPerHost: 'MB por nodo',
      hosts: 'nodos',
      perRam: '× RAM',
    },
    method: (section: string) => `método §${section}`,
    fromPlan: 'especificación del nodo del plan',
  },
  method: {
    title: 'Método: cómo se elaboró este plan',
    intro:
      'Cada regla se describe con su número en docs/method.md de capplan, donde están las fórmulas, las fuentes y el ' +
      'ejemplo resuelto.',
    rules: [
      [
        '§3',
        'Cada servidor se convierte en una VM dimensionada según su demanda medida (el estadístico ' +
          'elegido × factor de pico × crecimiento), redondeada a vCPU, GB y escalones de disco enteros.',
      ],
      [
        '§4',
        'Los servidores que no pueden virtualizarse tal como están (faltan datos, hardware especial, por ' +
          'encima de los límites del hipervisor o demasiado cargados) se listan con la regla y sus cifras.',
      ],
      [
        '§5',
        'La especificación del nodo es la estándar más pequeña que aloja las VM dentro de los techos, o ' +
          'el modelo elegido del catálogo.',
      ],
      [
        '§6',
        'Las VM se ubican en los nodos con un optimizador que mantiene cada nodo bajo sus techos de CPU ' +
          'y memoria y comprueba que las VM de cualquier nodo caído se reinician en los demás (N+k).',
      ],
      ['§7', 'El particionado del disco del hipervisor sigue las reglas del fabricante.'],
      ['§9', 'Los datos de monitoreo se califican por duración, huecos y periodos de carga antes de confiar en ellos.'],
    ] as [string, string][],
    placement: 'Búsqueda de la ubicación',
    placementText: (hosts: number, bound: number, optimal: boolean) =>
      `${n(hosts, 'nodo', 'nodos')} en uso; ninguna ubicación puede usar menos de ${bound}` +
      (optimal ? ' (la ubicación está demostrada óptima).' : ' (no está demostrado que la ubicación sea óptima).'),
    inputs: 'Archivos de entrada (SHA-256)',
    engine: 'Preparado con capplan; formato del plan',
  },
  md: {
    client: 'Cliente',
    summaryTitle: 'Resumen de la consolidación',
    hostsTitle: 'Nodos tras la consolidación',
    assessed: (servers: number, placed: number, not: number) =>
      `**${servers}** servidores evaluados, **${placed}** candidatos a virtualización ubicados, **${not}** no ubicados`,
    hostsLine: (hosts: number, ratio: string, saved: number) =>
      `**${hosts}** nodos tras la consolidación; tasa de consolidación **${ratio}**; ${saved} equipos ahorrados`,
    needs: (vcpu: number, mem: number, disk: number) =>
      `Las VM necesitan **${vcpu} vCPU**, **${mem} GB** de memoria, **${disk} GB** de disco`,
    redundancyLine: (policy: string, ok: boolean) =>
      `Redundancia **${policy}**: ${ok ? 'se cumple' : '**NO se cumple**'}`,
    sourceHostsNote: (before: number, after: number) => `(${before} hosts de origen en vHost → ${after})`,
    basisMonitoring: 'monitorización',
    basis: (b: { label: string; recorded?: boolean | undefined }) =>
      b.recorded === undefined ? b.label : `asignación — sin monitoreo${b.recorded ? ' (utilización registrada)' : ''}`,
    statisticName: statisticEs,
    qualityLine: 'Calidad de los datos',
    chartsTitle: 'Gráficas',
    sizingTitle: 'Dimensionamiento',
    total: (vcpu: number, mem: number, disk: number) =>
      `Total: **${vcpu} vCPU**, **${mem} GB** de memoria, **${disk} GB** de disco.`,
    inputsTitle: 'Los datos detrás de cada cifra',
    resource: 'Recurso',
    statistic: 'Estadístico',
    measured: 'Medido',
    peak: 'Pico ×',
    growth: 'Crecimiento',
    demand: 'Demanda',
    result: 'Resultado',
    formula: 'Cálculo',
    ha: 'HA',
    resourceUnit: { cpu: 'CPU %', memory: 'memoria MB', disk: 'disco GB', network: 'red MB/s' },
    hostSpecTitle: 'Especificación del nodo',
    resourceCol: 'Recurso',
    valueCol: 'Valor',
    cpu: 'CPU',
    cpuClock: 'Reloj de CPU',
    cpus: 'CPU (sockets)',
    coresPerCpu: 'Núcleos por CPU',
    threads: 'Hilos por núcleo',
    memory: 'Memoria',
    nics: 'NIC',
    localDisk: 'Disco local',
    price: 'Precio',
    power: 'Potencia',
    derivedHow: 'Cómo se obtuvo:',
    catalogModel: 'modelo del catálogo; sin derivación',
    placementTitle: 'Ubicación',
    hostsUsed: (hosts: number) => `Nodos en uso: **${hosts}**`,
    failoverTitle: (policy: string) => `Tolerancia a fallos (${policy})`,
    failoverIntro: (ok: boolean, count: number) =>
      `Redundancia ${ok ? 'se cumple' : '**NO se cumple**'}: ${n(count, 'falla simulada', 'fallas simuladas')}; ` +
      'las VM de cada nodo caído se reinician en los nodos restantes por prioridad HA (alta, media, baja).',
    fails: (hosts: string, ok: boolean) => `Falla ${hosts}: ${ok ? 'se sostiene' : '**falla**'}`,
    layoutTitle: 'Particionado del disco del hipervisor',
    swapWhy: (x: string) =>
      `swap = swap recomendado para la RAM del nodo (≤ 4 GB → 2 GB, 4–16 → 4, 16–64 → 8, 64–256 → 16, ` +
      `256–512 → 32) + RAM × ${x} (método §7)`,
    dataWhy: (x: string) => `data = RAM × ${x} (volcados de núcleo y de memoria, imágenes ISO; método §7)`,
    exclusionsTitle: 'Exclusiones',
    qualityTitle: 'Calidad de los datos',
    score: 'Puntaje',
    verdict: 'Veredicto',
    days: 'Días',
    busyCovered: 'Periodo de carga cubierto',
    issues: 'Problemas',
    findingsTitle: 'Hallazgos',
    assumptionsTitle: 'Supuestos',
    methodTitle: 'Método',
    demandStatistic: 'Estadístico de demanda',
    peakFactor: 'Factor de pico',
    cpuNormalisation: 'Normalización por reloj de CPU',
    rounding: 'Redondeo',
    roundingText: (mem: string, disk: string, vcpu: number, minMem: string) =>
      `memoria a ${mem} GB, disco a ${disk} GB; mínimo ${vcpu} vCPU, ${minMem} GB`,
    threshold: 'Umbral de utilización',
    hypervisor: 'Hipervisor',
    hypervisorText: (name: string, vcpu: number, mem: string, reserve: string) =>
      `${name}: ≤ ${vcpu} vCPU y ≤ ${mem} GB por VM, reserva de ${reserve} MB por nodo`,
    cluster: 'Clúster',
    clusterText: (k: number, perCore: string, cpu: string, mem: string, fo: string) =>
      `N+${k}, ${perCore} vCPU por núcleo, techo de CPU ${cpu}, techo de memoria ${mem}, techo tras falla ${fo}`,
    storage: 'Almacenamiento',
    storageShared: 'compartido (SAN): los discos de las VM no dimensionan los nodos',
    storageLocal: 'local: los discos de las VM usan el disco del nodo',
  },
  comparison: {
    title: 'Comparación de escenarios',
    intro: (n: number) =>
      `El plan del proyecto (la base) junto a ${n === 1 ? 'su escenario' : `sus ${n} escenarios`}, cada uno ` +
      'planeado sobre los mismos datos; Δ es la diferencia con la base.',
    baseline: 'Base',
    figure: 'Concepto',
    delta: 'Δ',
    hosts: 'Nodos',
    hostModel: 'Modelo de nodo',
    hostSpec: 'Cada nodo',
    spec: (sockets: number, cores: number, gb: string) => `${sockets} × ${cores} núcleos, ${gb} GB`,
    sockets: 'Sockets (todos los nodos)',
    cores: 'Núcleos (todos los nodos)',
    memoryGb: 'Memoria, GB (todos los nodos)',
    redundancy: 'Fallas que soporta',
    survives: (policy: string) => `${policy}: se cumple`,
    fails: (policy: string) => `${policy}: no se cumple`,
    unplaced: 'Servidores sin ubicar',
    cpuAfter: 'CPU tras la peor falla, %',
    memoryAfter: 'Memoria tras la peor falla, %',
    replayOverCeiling: 'Reproducción: CPU sobre el techo, % de intervalos-nodo',
    replayOver100: 'Reproducción: CPU o memoria sobre 100 %, % de intervalos-nodo',
    notReplayed: 'sin reproducción',
    licencesPerGroup: 'Licencias por grupo',
    licenceGroup: (group: string, hosts: number, cores: number, per: 'host' | 'core') =>
      per === 'core'
        ? `${group}: ${n(hosts, 'nodo', 'nodos')}, ${cores} núcleos`
        : `${group}: ${n(hosts, 'nodo', 'nodos')}`,
    licenceSaving: 'Ahorro de los grupos de nodos',
    none: 'ninguno',
    costFromTco: (currency: string | null, years: number) =>
      `Costos ${currency ? `en ${currency}` : '(moneda no indicada)'} a ${n(years, 'año', 'años')}: ` +
      'el costo total de propiedad de cada plan (método §15), ' +
      'línea por línea como en su hoja Costos. «sin precio»: falta un dato para calcular la línea; ' +
      'los totales suman solo las líneas con precio.',
    costTerms: (name: string, currency: string, years: number) => `${name}: ${currency}, ${n(years, 'año', 'años')}`,
    costMixed: (terms: string) =>
      `Costos del costo total de propiedad de cada plan (método §15), en monedas u horizontes distintos (${terms}): ` +
      'no se muestra la diferencia de costos. «sin precio»: falta un dato para calcular la línea.',
    scenarioLine: (name: string, description: string) => `${name}: ${description}`,
    /** Short names of the cost lines for the chart's one-row legend. */
    chartLine: {
      hardware: 'Hardware',
      hostGroupLicences: 'Licencias',
      subscriptions: 'Suscripciones',
      support: 'Soporte',
      power: 'Energía',
      rack: 'Rack',
    },
    chartCostTitle: 'Costo en el horizonte por escenario',
    chartHostsTitle: 'Nodos por escenario',
    chartHostsAxis: 'nodos',
    alt: 'Los escenarios comparados',
  },
  replay: {
    title: 'Reproducción de la demanda medida',
    intro: (smt: string | null) =>
      'La demanda medida de cada VM en cada intervalo, puesta de nuevo en su nodo, en unidades físicas: GHz de CPU ' +
      '(núcleos de origen × frecuencia × % de CPU) frente a CPU × núcleos × frecuencia' +
      (smt !== null ? ` × factor SMT ${smt}` : '') +
      ', memoria frente a la memoria utilizable (RAM − reserva del hipervisor), red frente a la velocidad de las ' +
      'tarjetas de red. ',
    ceilings: (cpu: number, memory: number, failover: number, allowed: number) =>
      `Umbrales: CPU ${cpu} %, memoria ${memory} % en operación normal; ${failover} % tras una falla. ` +
      `Sobrecarga admitida: ${allowed} % de los intervalos.`,
    chartAlt: (host: string) => `${host}: carga en el tiempo`,
    heatmapAlt: 'Todos los hosts: carga en el tiempo',
    heatmapTitle: (hosts: number, span: string) => `Carga de los ${hosts} hosts, ${span} (los más cargados arriba)`,
    heatmapRows: (first: number, last: number) => (first === last ? `puesto ${first}` : `puestos ${first}–${last}`),
    heatmapLegend: 'Mayor de CPU, memoria y red, % del host (umbral de CPU y 100 % marcados):',
    heatmapNoData: 'sin datos',
    hostChart: {
      title: (host: string, role: string, span: string) => `${host}: carga medida, ventana de ${role} ${span}`,
      alt: (host: string, role: string) => `${host}: carga en el tiempo (${role})`,
      role: (role: string) => ({ planning: 'planificación', backtest: 'contraste' })[role] ?? role,
      axis: '% de la capacidad',
      ceiling: (pct: number) => `Umbral de CPU ${pct} %`,
      points: (n: number, bucket: string, minutes: number) =>
        `${n} puntos, cada uno el más alto de ${bucket} de intervalos de ${minutes} minutos`,
      cpuPct: 'CPU % de los GHz',
      memoryPct: 'Memoria % de la utilizable',
      networkPct: 'Red % de la velocidad de las tarjetas',
    },
    busiestCharts: (shown: number, hosts: number) =>
      `Los ${shown} hosts más cargados de los ${hosts}, un gráfico cada uno:`,
    planningWindow: 'Ventana de planificación',
    backtestWindow: 'Ventana de contraste',
    report: {
      title: (plan: string) => `Contraste de ${plan}`,
      plan: (file: string, sha: string, hosts: number, placed: number) =>
        `Plan: ${file} (sha256 ${sha}), ${hosts} ${hosts === 1 ? 'nodo' : 'nodos'}, ${placed} VM ubicadas`,
      window: (files: number, names: string) => `Ventana: ${files} ${files === 1 ? 'archivo' : 'archivos'}: ${names}`,
      allowed: (pct: number) => `Sobrecarga admitida: ${pct} % de los intervalos (replay.maxOverloadPct).`,
      findings: 'Hallazgos',
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
      `${vms} VM reproducidas en intervalos de ${minutes} minutos, ${hostIntervals} intervalos-nodo en operación ` +
      `normal: CPU sobre el umbral en **${overCeil}**, sobre el 100 % en **${over100}**; memoria sobre el 100 % ` +
      `en **${mem}**; red sobre la velocidad de las tarjetas en **${net}**.`,
    noSample: (vms: string) => `Sin muestras en esta ventana para: ${vms}.`,
    network:
      'La demanda de red supera la velocidad de las tarjetas de red: eso requiere más tarjetas o tarjetas más ' +
      'rápidas (cluster.dataNics, cluster.nicGbps), no un dimensionamiento mayor.',
    worstFailure: (scenario: string, resource: string, host: string, worst: string) =>
      `Peor falla: ${scenario}, ${resource} de ${host} al ${worst} de su capacidad.`,
    held: '**El plan se sostuvo** en esta ventana en operación normal.',
    notHeld: '**El plan no se sostuvo**',
    heldWithin: 'El plan se sostuvo dentro de la sobrecarga admitida',
    growth: (
      verdict: string,
      cpu: string,
      cpuFrom: string,
      cpuTo: string,
      mem: string,
      memFrom: string,
      memTo: string,
    ) =>
      `${verdict}: se habría sostenido con la demanda de CPU × ${cpu} (crecimiento ${cpuFrom} → ${cpuTo}) y la ` +
      `de memoria × ${mem} (crecimiento ${memFrom} → ${memTo}), con la capacidad creciendo con el ` +
      'dimensionamiento (método §14.3).',
    resource: { cpu: 'CPU', memory: 'memoria', network: 'red', iops: 'IOPS' } as Record<string, string>,
    col: {
      scenario: 'Escenario',
      host: 'Nodo',
      vms: 'VM',
      cpuGhz: 'CPU GHz prom. / pico / capacidad',
      cpuP99: 'CPU p99',
      cpuOverCeiling: 'CPU > umbral',
      cpuOver100: 'CPU > 100 %',
      worstCpuAt: 'Peor CPU en',
      memoryGb: 'Memoria GB pico / utilizable',
      networkMbs: 'Red MB/s prom. / pico / velocidad',
      networkOver100: 'Red > 100 %',
    },
    sheet: {
      name: 'Reproducción',
      title: 'Reproducción de la demanda medida',
      note:
        'La demanda medida de cada VM en cada intervalo, en su nodo (método §14): GHz de CPU = núcleos de origen × ' +
        'frecuencia × % de CPU; memoria frente a RAM − reserva; red frente a la velocidad de las tarjetas de red.',
      window: 'Ventana',
      from: 'Desde (UTC)',
      to: 'Hasta (UTC)',
      scenario: 'Escenario',
      host: 'Nodo',
      vms: 'VM',
      intervals: 'Intervalos',
      cpu: 'CPU',
      memory: 'Memoria',
      network: 'Red',
      capacity: (r: string, unit: string) => `${r}: capacidad ${unit}`,
      avg: (r: string, unit: string) => `${r}: promedio ${unit}`,
      peak: (r: string, unit: string) => `${r}: pico ${unit}`,
      worstPct: (r: string) => `${r}: peor %`,
      p99Pct: (r: string) => `${r}: p99 %`,
      overCeiling: (r: string) => `${r}: % de intervalos sobre el umbral`,
      over100: (r: string) => `${r}: % de intervalos sobre 100 %`,
      worstAt: (r: string) => `${r}: peor momento (UTC)`,
      role: { planning: 'planificación', backtest: 'contraste' } as Record<string, string>,
    },
    normal: 'normal',
    fails: (hosts: string) => `falla ${hosts}`,
    tradeOff: {
      title: 'Alternativas: lo que cada dimensionamiento necesita y arriesga',
      intro: (model: string) =>
        `Las mismas VM en nodos ${model}, con el mínimo de nodos en cada caso: cada VM en su promedio, p95, p99 o ` +
        'máximo de GHz y GB medidos en la ventana, o en su serie de demanda (duración de franja, estadístico y ' +
        'periodo según la etiqueta; método §14.5); ' +
        'las asignaciones de vCPU y memoria acotan cada fila como en el plan. Los porcentajes son de ' +
        'intervalos-nodo en operación normal.',
      stoppedNote:
        'Una fila marcada «detenida antes» agotó su parte del tiempo límite: es su mejor plan hasta entonces ' +
        '(método §14.5).',
      stopped: (sizing: string) => `${sizing} (detenida antes)`,
      sizingName: (r: { sizing: string; series?: { slotMinutes: number; statistic: string; period: string } }) =>
        r.series
          ? `serie (${r.series.slotMinutes} min, ${statisticEs(r.series.statistic)}, ` +
            `${SERIES_PERIOD[r.series.period] ?? r.series.period})`
          : r.sizing === 'series'
            ? 'serie'
            : statisticEs(r.sizing),
      omitted: (sizings: string) =>
        `Se omitieron porque el tiempo límite se agotó antes de su turno: ${sizings} (método §14.5; un ` +
        'placement.timeLimitSeconds mayor las calcula).',
      sizing: 'Dimensionamiento',
      hosts: 'Nodos',
      lowerBound: 'Cota inferior',
      unplaced: 'Sin ubicar',
      role: { planning: 'ventana de planificación', backtest: 'ventana de contraste' } as Record<string, string>,
      cpuOverCeiling: (role: string) => `CPU > umbral, ${role}`,
      cpuOver100: (role: string) => `CPU > 100 %, ${role}`,
      memoryOver100: (role: string) => `Memoria > 100 %, ${role}`,
      sheetTitle: (model: string) => `Alternativas: nodos necesarios y sobrecarga reproducida (${model})`,
    },
  },
  chart: {
    utilisationTitle: 'Carga de los nodos: operación normal y tras la peor falla',
    cpuNormal: 'CPU % normal',
    memNormal: 'Memoria % normal',
    cpuAfter: 'CPU % tras falla',
    memAfter: 'Memoria % tras falla',
    pctCapacity: '% de la capacidad',
    cpuCeiling: (v: string) => `techo de CPU ${v}`,
    failoverCeiling: (v: string) => `techo tras falla ${v}`,
    consolidationTitle: 'Equipos físicos antes y después de la consolidación',
    assessed: 'Servidores evaluados',
    virtualised: 'Servidores virtualizados',
    hostsAfter: 'Nodos después',
    machines: 'Equipos',
    machinesAxis: 'equipos',
    headroomTitle: 'Holgura por nodo hasta su techo (normal y tras la peor falla)',
    busiestHosts: (shown: number, hosts: number) =>
      `Los ${shown} nodos más cargados de ${hosts} (las tablas los listan todos)`,
    used: 'Usado %',
    free: 'Libre hasta el techo %',
    afterFailure: 'tras falla',
    cpu: 'CPU',
    memory: 'memoria',
    altUtilisation: 'Carga de los nodos, normal y tras la peor falla',
    altConsolidation: 'Servidores antes, nodos después de la consolidación',
    altHeadroom: 'Holgura por nodo',
  },
};
