// The findings' text in Spanish, by code, from each finding's params (domain/finding.ts). The
// producers write their message in English; a code not here, or a finding without params,
// keeps that message.
import type { FindingTexts } from './findings-en.ts';

const RESOURCE: Record<string, string> = { cpu: 'CPU', memory: 'memoria', network: 'red', iops: 'IOPS' };
const UNIT: Record<string, string> = { cpu: 'GHz', memory: 'GB', network: 'MB/s', iops: 'IOPS' };
const WINDOW: Record<string, string> = {
  planning: 'la ventana de planificación',
  backtest: 'la ventana de contraste',
};
const s = (v: string | number | undefined) => String(v ?? '');
const failed = (scenario: string) => {
  const m = /^(.*) fails$/.exec(scenario);
  return m ? `Falla ${m[1]}` : scenario;
};

/** What an RVTools export falls back on without a tab (ingest/rvtools/rvtools.ts). */
const TAB_FALLBACK: Record<string, string> = {
  vCPU: 'sockets = CPUs de vInfo, 1 núcleo por socket',
  vMemory: 'memoria tomada de Memory de vInfo',
  vDisk: 'tamaño del disco tomado de Provisioned/Total disk capacity de vInfo',
  vPartition: 'disco usado tomado de In Use de vInfo',
  vHost: 'sin modelo ni reloj de CPU de los hosts',
};
/** The sources that fill a blank inventory (ingest/monitoring-inventory.ts). */
const FILLED_FROM: Record<string, string> = {
  'Bitbrains trace': 'la traza de Bitbrains',
  'Aria Operations capacity metrics': 'las métricas de capacidad de Aria Operations',
  'nmon AAA/MEM': 'nmon AAA/MEM',
};
/** The busy period a window should cover (quality.peak). */
const PEAK: Record<string, string> = { 'month-end': 'un cierre de mes', 'quarter-end': 'un cierre de trimestre' };
const rows = (p: Record<string, string | number>) => (Number(p.rows) > 1 ? `; ${s(p.rows)} filas` : '');
const TIMEZONE: Record<string, (p: Record<string, string | number>) => string> = {
  nmon: () =>
    'las marcas de tiempo de nmon son hora local sin zona; se leen como UTC (indique el desfase para corregirlo)',
  perfmon: (p) =>
    `el encabezado de perfmon no indica el desfase horario (${s(p.header)}); las marcas de tiempo se leen como ` +
    'UTC (indique el desfase para corregirlo)',
  sysstat: (p) =>
    `la zona horaria "${s(p.zone)}" es ambigua o falta; se lee como ${s(p.offset)} (exporte con sadf -d sin ` +
    '-t/-T para obtener UTC)',
  vrops: () =>
    'Aria Operations exporta las horas en la zona horaria del usuario que exporta: se leen como UTC; configure ' +
    'inputs.timezone o --utc-offset',
};

export const findingsEs: FindingTexts = {
  'missing-performance-data': () =>
    'sin muestras de monitoreo: no puede dimensionarse a partir de mediciones (MAP: no ubicado – faltan datos de ' +
    'rendimiento)',
  'too-few-samples': (p) =>
    `${s(p.samples)} muestras, menos que el mínimo de ${s(p.minSamples)}: se señala y no se dimensiona`,
  'short-window': (p) => `el monitoreo cubre ${s(p.days)} días, menos de ${s(p.minDays)}`,
  'low-coverage': (p) =>
    `hay ${s(p.pct)} % de las muestras esperadas (cada ${s(p.intervalS)} s a lo largo de la ventana)`,
  'long-gap': (p) => `el hueco más largo sin muestras es de ${s(p.hours)} h (más de ${s(p.maxHours)} h)`,
  'peak-not-covered': (p) =>
    `la ventana ${s(p.from)} – ${s(p.to)} no incluye ${PEAK[s(p.peak)] ?? s(p.peak)} (los días de más carga): ` +
    'la demanda dimensionada puede no llegar al pico',
  'missing-metric': (p) => `sin muestras de ${s(p.metric)}`,
  'unknown-server': (p) =>
    `datos de monitoreo de "${s(p.server)}", que no está en el inventario (¿nombre mal escrito?)` +
    (p.ignored === 'yes' ? '; se ignoran' : ''),
  'skipped-file': (p) => `omitido: formato desconocido (${s(p.detail)}); con --strict es un error`,
  'inventory-filled-from-monitoring': (p) =>
    `inventario en blanco completado con ${FILLED_FROM[s(p.from)] ?? s(p.from)} (${s(p.file)}): ${s(p.fields)}`,
  'memory-zero-samples': (p) => `${s(p.samples)} muestras indican 0 KB de memoria usada; se tratan como faltantes`,
  'timezone-unknown': (p) => TIMEZONE[s(p.format)]?.(p) ?? '',
  'cpu-mhz-without-capacity': () =>
    'la demanda de CPU viene en MHz pero falta la capacidad aprovisionada de la VM (CPU|Provisioned Capacity ' +
    '(MHz)) y CPU|Usage (%): la CPU se dimensiona con los MHz sobre el reloj de un núcleo, sin CPU %; exporte la ' +
    'columna de capacidad con la demanda para tener el % y el reloj de la VM',
  'cpu-above-100': (p) => `CPU % por encima de 100 (el primero, ${s(p.first)}); se recorta a 100${rows(p)}`,
  'duplicate-timestamps': (p) =>
    `${s(p.samples)} muestras repiten una marca de tiempo anterior (¿exportaciones superpuestas?)`,
  'percentile-whole-window': (p) =>
    `${s(p.source)}: los percentiles leen ${s(p.samples)} muestras por serie en una sola consulta (no se suman)`,
  'duplicate-series': (p) =>
    `las series "${s(p.first)}" y "${s(p.second)}" nombran ambas a este servidor: se usa "${s(p.kept)}" (más muestras)`,
  'rvtools-tab-unusable': (p) =>
    `${s(p.tab)} no tiene columna "VM" ni "VM ID" (¿encabezado dañado?); se ignora la pestaña`,
  'rvtools-tab-missing': (p) => `sin pestaña ${s(p.tab)}: ${TAB_FALLBACK[s(p.tab)] ?? ''}`,
  'rvtools-duplicate-vm': (p) =>
    `el nombre de VM "${s(p.name)}" también está en la fila ${s(p.firstRow)} (¿otro vCenter?); se ignora esta fila`,
  'rvtools-powered-off': (p) => `se incluyen ${s(p.vms)} VM apagadas (no tienen datos de rendimiento recientes)`,
  'replay-overload': (p) =>
    `${s(p.host)}: al reproducir ${WINDOW[s(p.window)] ?? s(p.window)}, la demanda medida de ` +
    `${RESOURCE[s(p.resource)] ?? s(p.resource)} excede los ${s(p.capacity)} ${UNIT[s(p.resource)] ?? ''} del nodo ` +
    `en ${s(p.over100Pct)} % de los intervalos (se admite ${s(p.allowedPct)} %); máximo ${s(p.worstPct)} % ` +
    `(${s(p.peak)} ${UNIT[s(p.resource)] ?? ''}) el ${s(p.worstAt)}`,
  'replay-failover-overload': (p) =>
    `${failed(s(p.scenario))}: al reproducir ${WINDOW[s(p.window)] ?? s(p.window)}, la demanda medida de ` +
    `${RESOURCE[s(p.resource)] ?? s(p.resource)} de los nodos sobrevivientes llega a ${s(p.worstPct)} % de la ` +
    `capacidad de ${s(p.host)}`,
  'cpu-above-capacity': (p) =>
    `CPU máxima de ${s(p.maxPct)} %, por encima de la capacidad nominal del servidor: trabajó por encima de su ` +
    'frecuencia (turbo) o con más capacidad de la que indica el inventario; se dimensiona con lo medido',
  'implausible-cpu': (p) =>
    `CPU máxima de ${s(p.maxPct)} %, por encima del 100 % del servidor; los valores parecen una suma por núcleo ` +
    '(100 % por núcleo) y no un % del servidor completo',
  'implausible-memory': (p) =>
    `memoria usada máxima de ${s(p.maxMb)} MB, por encima de los ${s(p.installedMb)} MB instalados; ` +
    (p.hint === 'kb' ? 'los valores parecen KB: configure inputs.units.memory: KB' : '¿memoria comprometida o swap?'),
  'implausible-network': (p) =>
    `red promedio de ${s(p.avgMBps)} MB/s, por encima de la velocidad de línea de sus tarjetas de red, ` +
    `${s(p.nics)} × ${s(p.nicGbps)} Gbps = ${s(p.lineRateMBps)} MB/s; ` +
    (p.hint === 'mbps'
      ? 'los valores parecen Mbit/s: configure inputs.units.network: Mbps'
      : 'los valores parecen KB/s o bytes contados dos veces: configure inputs.units.network (KB/s, Mbps …) con ' +
        'la unidad en que están'),
  'implausible-disk': (p) =>
    `disco usado máximo de ${s(p.maxGb)} GB, por encima de los ${s(p.installedGb)} GB instalados; ` +
    (p.hint === 'mb' ? 'los valores parecen MB; capplan espera GB' : '¿se contaron volúmenes compartidos o de SAN?'),
  'implausible-iops': (p) =>
    `IOPS máximas de ${s(p.max)}, más de lo que pueden los discos de un servidor (${s(p.limit)}); los valores ` +
    'parecen bytes o sectores por segundo y no transferencias por segundo',
};
