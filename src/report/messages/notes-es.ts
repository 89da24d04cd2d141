// The placement notes in Spanish, by step code, from each step's params (domain/plan.ts
// placement.noteSteps; the notes of placement/solve.ts, placement/failover.ts and
// placement/host-groups.ts, method §6). A code not here, or a plan without steps, keeps the
// English note.
import type { NoteStep } from '../../domain/plan.ts';
import type { NoteTexts } from './notes-en.ts';

type Params = NoteStep['params'];

const s = (v: Params[string] | undefined) => (v === undefined || v === null ? '' : String(v));
const n = (count: Params[string] | undefined, one: string, many: string) => `${s(count)} ${count === 1 ? one : many}`;
const list = (v: Params[string] | undefined) => (Array.isArray(v) ? v.map(s) : []);

/** The solver's phases (placement/deadline.ts callers) as the time-limit note names them. */
const PHASE: Record<string, string> = {
  'exact mode': 'modo exacto',
  'host models': 'modelos de nodo',
  'arc-flow graph': 'grafo de flujo en arcos',
  'arc-flow MILP': 'MILP de flujo en arcos',
  'exact MILP': 'MILP exacto',
  'assignment MILP': 'MILP de asignación',
  'balance MILP': 'MILP de equilibrio',
  'host emptying': 'vaciado de nodos',
  construction: 'construcción',
  'N+k host search': 'búsqueda de nodos N+k',
  'min-cost host selection': 'selección de nodos de costo mínimo',
  LNS: 'LNS',
  'tabu repair': 'reparación tabú',
};

export const notesEs: NoteTexts = {
  'host-count-unavailable': (p) => `ningún modelo de nodo tiene ${n(p.hosts, 'nodo disponible', 'nodos disponibles')}`,
  'time-limit': (p) =>
    `detenido en el tiempo límite (${list(p.phases)
      .map((x) => PHASE[x] ?? x)
      .join(', ')}): el mejor plan encontrado hasta entonces`,
  'failure-scenarios-capped': (p) =>
    `N+${s(p.k)}: ${s(p.scenarios)} escenarios de falla superan ${s(p.max)}; solo se simuló cada subconjunto de ` +
    `${s(p.k)} de los nodos más cargados`,
  'redundancy-unsatisfied': (p) => `N+${s(p.k)} no se cumple con ${n(p.hosts, 'nodo', 'nodos')}`,
  'lower-bound': (p) => {
    const bound = p.unit === 'cost' ? `de costo ${s(p.bound)}` : `de ${n(p.bound, 'nodo', 'nodos')}`;
    const gap = p.gap === null || p.gap === undefined ? '' : ` — brecha ${s(p.gap)} (${s(p.gapPct)} %)`;
    return `cota inferior ${bound} (recurso limitante: ${s(p.binding)})${gap}`;
  },
  'dedicated-hosts': (p) => {
    const groups = list(p.groups);
    const which = groups.length > 1 ? 'los grupos de nodos' : 'el grupo de nodos';
    return `nodos dedicados para ${which} ${groups.join(', ')}`;
  },
  'host-group': (p, inner) => `${s(p.group)}: ${inner}`,
  'fixed-count-one-cluster': () => 'un número fijo de nodos mantiene un solo clúster: no se probaron nodos dedicados',
  'affinity-not-dedicated': (p) =>
    `el grupo de nodos ${s(p.group)} comparte un grupo de afinidad con otras VM: sin nodos dedicados`,
};
