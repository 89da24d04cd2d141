// The terminal summary of `capplan plan` in Spanish, the same shape as terminal-en.ts.
import type { TerminalMessages } from './terminal-en.ts';

const STATUS = { placed: 'ubicado', excluded: 'excluido', unplaced: 'no ubicado' } as const;
const ROLE: Record<string, string> = { planning: 'planificación', backtest: 'contraste' };
const RESOURCE = { cpu: 'CPU', memory: 'memoria', network: 'red', iops: 'IOPS' } as const;

export const terminalEs: TerminalMessages = {
  headline: (h, bold) =>
    `${h.servers} servidores → ${bold(`${h.hosts} nodos`)} (tasa ${h.ratio}, cota inferior ${h.lowerBound}); ` +
    `${h.placed} ubicados, ${h.notPlaced} no ubicados; ${h.vcpu} vCPU, ${h.memoryGb} GB, ${h.diskGb} GB de disco`,
  vmHead: ['VM', 'vCPU', 'Memoria GB', 'Disco GB', 'Nodo'],
  hostHead: ['Nodo', 'VM', 'vCPU', 'CPU %', 'Memoria GB', 'Memoria %', 'Red MB/s'],
  notPlacedHead: ['VM', 'Estado', 'Grupo', 'Motivo'],
  vmStatus: (status) => STATUS[status],
  more: (rest, what, max) =>
    `… ${rest} ${{ vms: 'VM', hosts: 'nodos', notPlaced: 'servidores no ubicados' }[what]} más ` +
    `(se muestran ${what === 'hosts' ? 'los' : 'los primeros'} ${max}${what === 'hosts' ? ' más cargados' : ''}; ` +
    'plan.md y plan.xlsx los listan todos)',
  satisfied: (policy, scenarios) =>
    `${policy} se cumple: ${scenarios} escenario(s) de falla simulados, todas las VM se reinician`,
  notSatisfied: (policy, failed, scenarios) =>
    `${policy} NO se cumple: ${failed} de ${scenarios} escenario(s) de falla dejan VM sin nodo`,
  notPlaced: (count) => `${count} servidor(es) no ubicados:`,
  replayHead: (w) =>
    `Reproducción de la ventana de ${w.role} (${w.from} – ${w.to}, ${w.hostIntervals} intervalos-nodo): CPU ` +
    `sobre el umbral ${w.cpuOverCeiling}, sobre el 100 % ${w.cpuOver100}; memoria sobre el 100 % ` +
    `${w.memoryOver100}; red sobre el 100 % ${w.networkOver100}`,
  role: (role) => ROLE[role] ?? role,
  wrote: (count, dir, names) => `Se escribieron ${count} archivos en ${dir}: ${names}`,
  andMore: (count) => `… y ${count} más`,
  moreOverloaded: (count) => `… y ${count} más (plan.md y plan.xlsx listan todos los nodos)`,
  scenario: (name, hosts, model, policy, holds) =>
    `Escenario ${name}: ${hosts} nodos ${model}, ${policy} ${holds ? 'se sostiene' : 'no se sostiene'}`,
  resource: (k) => RESOURCE[k],
  held: (head) => `${head}: se sostuvo`,
  overloaded: (head, maxPct, worst, cpu, memory) =>
    `${head}: sobre el 100 % en más del ${maxPct} % de los intervalos (${worst}); se habría sostenido con ` +
    `CPU × ${cpu}, memoria × ${memory}`,
};
