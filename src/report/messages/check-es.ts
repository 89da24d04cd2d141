// The report of `capplan check` in Spanish (domain/check-words.ts): its words, and each violation
// and note said from its step (check/evaluate.ts, check/failover.ts, check/vm-checks.ts). A code not
// here keeps the English message.
import type { CheckWords, Said } from '../../domain/check-words.ts';
import { isTextStep, type TextStep } from '../../domain/text-step.ts';
import { findingsEs } from './findings-es.ts';
import { notesEs } from './notes-es.ts';
import { reasonsEs } from './reasons-es.ts';

type Params = TextStep['params'];
const s = (v: Params[string] | undefined) => (v === undefined || v === null ? '' : String(v));
const RESOURCE: Record<string, string> = {
  vcpu: 'CPU',
  memoryGb: 'memoria',
  diskGb: 'disco',
  networkMBps: 'red',
  nics: 'vNIC',
};
const KIND: Record<string, string> = {
  'host-capacity': 'capacidad del nodo',
  failover: 'tolerancia a fallos',
  'vm-limit': 'límite por VM',
  excluded: 'excluida',
  unplaced: 'sin ubicar',
  'replay-overload': 'sobrecarga en la reproducción',
};
const resource = (r: Params[string] | undefined) => RESOURCE[s(r)] ?? s(r);

/** "rhevh1 fails", "host1+host2 fail" → "falla rhevh1", "fallan host1+host2". */
function scenario(id: string): string {
  const m = /^(.*) (fails|fail)$/.exec(id);
  if (!m) return id;
  return `${m[2] === 'fails' ? 'falla' : 'fallan'} ${m[1]}`;
}

const LIMIT: Record<string, (p: Params) => string> = {
  'vcpu-per-vm': (p) => `vCPU por VM (${s(p.hypervisor)})`,
  'host-threads': (p) => `hilos de hardware de un nodo ${s(p.model)}`,
  'memory-32bit': (p) => `GB por huésped de 32 bits (${s(p.hypervisor)})`,
  'memory-64bit': (p) => `GB por huésped de 64 bits (${s(p.hypervisor)})`,
  'nics-per-vm': (p) => `vNIC por VM (${s(p.hypervisor)})`,
};

const reason = (why: Params[string] | undefined, english: string) => {
  const text = isTextStep(why) ? reasonsEs[why.code] : undefined;
  return text && isTextStep(why) ? text(why.params) : english;
};

const STEPS: Record<string, (p: Params) => string | undefined> = {
  'host-capacity': (p) =>
    `${s(p.host)} lleva ${s(p.required)} ${s(p.unit)} de ${resource(p.resource)}, por encima de sus ` +
    `${s(p.available)} ${s(p.unit)} (${s(p.capacity)} × techo de ${s(p.ceilingPct)} %): faltan ${s(p.shortfall)} ` +
    s(p.unit),
  'too-few-hosts': (p) => `N+${s(p.k)} necesita al menos ${s(p.needed)} nodos; la propuesta tiene ${s(p.hosts)}`,
  stranded: (p) => `si ${scenario(s(p.scenario))}, ${s(p.stranded)} no puede reiniciarse en ningún nodo restante`,
  'survivor-short': (p) =>
    `si ${scenario(s(p.scenario))}, ${s(p.host)} debe llevar ${s(p.required)} ${s(p.unit)} de ` +
    `${resource(p.resource)} pero tiene ${s(p.available)} ${s(p.unit)}: faltan ${s(p.shortfall)} ${s(p.unit)}; ` +
    `no puede reiniciar ${s(p.stranded)}`,
  unplaced: (p) =>
    `${s(p.vm)} no cabe en ningún nodo: incluso ${p.host === null ? 'el nodo más libre' : s(p.host)} llevaría ` +
    `${s(p.required)} ${s(p.unit)} de ${resource(p.resource)} frente a ${s(p.available)} ${s(p.unit)}`,
  'vm-limit': (p) =>
    `${s(p.vm)} necesita ${s(p.required)} pero el límite es ${s(p.available)} ` +
    `${LIMIT[s(p.limit)]?.(p) ?? s(p.limit)}`,
  'now-excluded': (p) =>
    `${s(p.vm)} se ejecuta en ${s(p.host)} en la propuesta pero ahora queda excluida: ${reason(p.why, s(p.reason))}`,
  'placed-by-check': (p) =>
    `${s(p.vm)} ${p.inProposal === 'yes' ? 'no tiene nodo en la propuesta' : 'es nueva desde la propuesta'}: ` +
    `la comprobación la ubicó en ${s(p.host)}`,
  gone: (p) => `${s(p.vm)} está en la propuesta pero ya no en el inventario`,
  'now-candidate': (p) =>
    `${s(p.vm)} quedó fuera de la propuesta (${s(p.excluded)}) pero los datos actuales la hacen candidata`,
  'replay-overload': (p) => findingsEs['replay-overload']?.(p as Record<string, string | number>),
  'failure-scenarios-capped': (p) => notesEs['failure-scenarios-capped']?.(p, ''),
};

function say(x: Said): string {
  return (x.step ? STEPS[x.step.code]?.(x.step.params) : undefined) ?? x.message;
}

const load = 'carga / disponible';

export const checkEs: CheckWords = {
  holds: (hosts, policy) =>
    `La propuesta se sostiene: ${hosts} nodos, ${policy}, todas las VM dentro de la capacidad y los límites.`,
  fails: (n) => `La propuesta no se sostiene: ${n} ${n === 1 ? 'violación' : 'violaciones'}.`,
  resource: (r) => RESOURCE[r] ?? r,
  kind: (k) => KIND[k] ?? k,
  scenario,
  headroom: (l, available, headroom) =>
    `${l} / ${available} (${headroom >= 0 ? `quedan ${headroom}` : `excede en ${-headroom}`})`,
  drift: (r, change, delta, pct) => `${RESOURCE[r] ?? r} ${change}: ${delta}${pct}`,
  yes: 'sí',
  no: 'no',
  say,
  title: {
    violations: 'Violaciones',
    headroom: 'Holgura por nodo',
    scenarios: (policy) => `Escenarios de falla (${policy})`,
    scenariosMd: (policy) => `Holgura por escenario de falla (${policy})`,
    drift: 'Desviación frente a la propuesta',
    notes: 'Notas',
  },
  head: {
    violations: ['tipo', 'dónde', 'necesario', 'disponible', 'faltante'],
    violationsMd: ['tipo', 'escenario', 'nodo', 'VM', 'recurso', 'necesario', 'disponible', 'faltante', 'motivo'],
    hosts: ['nodo', 'VM', `CPU ${load} (vCPU)`, `memoria ${load} (GB)`],
    scenarios: ['escenario', 'se sostiene', 'nodo restante', 'CPU (vCPU)', 'memoria (GB)'],
    scenariosMd: [
      'escenario',
      'se sostiene',
      'nodo restante',
      `CPU ${load} (vCPU)`,
      `memoria ${load} (GB)`,
      'sin reiniciar',
    ],
    drift: ['VM', 'nodo', 'desviación'],
    driftMd: ['VM', 'nodo', 'cambio'],
  },
};
