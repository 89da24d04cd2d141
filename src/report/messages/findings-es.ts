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

export const findingsEs: FindingTexts = {
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
