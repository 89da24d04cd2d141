// The host derivation in Spanish, by step code, from each step's params (domain/plan.ts
// derivationSteps; the lines of sizing/derive-host.ts and plan/choose-hosts.ts). A code not
// here, or a plan without steps, keeps the English line.
import type { DerivationStep } from '../../domain/plan.ts';
import type { DerivationTexts } from './derivation-en.ts';

type Params = DerivationStep['params'];

const s = (v: Params[string] | undefined) => (v === undefined || v === null ? '' : String(v));
const n = (count: Params[string] | undefined, one: string, many: string) => `${s(count)} ${count === 1 ? one : many}`;

const WHO: Record<string, string> = {
  failover: 'la tolerancia a fallos',
  normal: 'la operación normal',
  largest: 'la VM más grande',
};

/** "⌈16 / 2⌉ = 8", "31 / 2 = 15.5" or "16" when one host carries it all. */
function share(c: Params): string {
  if (c.hosts === 1) return s(c.total);
  const division = `${s(c.total)} / ${s(c.hosts)}`;
  return c.rounded ? `⌈${division}⌉ = ${s(c.share)}` : `${division} = ${s(c.share)}`;
}

function candidate(vcpu: boolean, c: Params): string {
  const who = c.hosts === 1 ? 'un nodo restante lleva' : `cada uno de los ${s(c.hosts)} nodos restantes lleva`;
  const base =
    c.kind === 'failover'
      ? `${who} ${share(c)} ${vcpu ? 'vCPU' : 'GB de VM'}`
      : c.kind === 'normal'
        ? `operación normal ${share(c)} ${vcpu ? 'vCPU' : 'GB'} por nodo`
        : `VM más grande ${s(c.total)} ${vcpu ? 'vCPU' : 'GB'}`;
  if (c.ceilingPct === 100 && c.overcommit === 1) return base;
  const over = c.overcommit === 1 ? '' : ` ÷ ${s(c.overcommit)} de sobrecompromiso`;
  return `${base} a ≤ ${s(c.ceilingPct)} %${over} → ${s(c.value)}`;
}

/** The candidates of a requirement line (method §5.2) and the one that binds. */
function requirement(vcpu: boolean, p: Params): string {
  const list = Array.isArray(p.candidates) ? p.candidates : [];
  const candidates = list.filter((c): c is Params => typeof c === 'object' && c !== null && !Array.isArray(c));
  const binds = `${WHO[s(p.binds)] ?? s(p.binds)}: ${s(p.value)} ${vcpu ? 'vCPU' : 'GB'}`;
  return `${candidates.map((c) => candidate(vcpu, c)).join('; ')} → rige ${binds}`;
}

const stepOf = (v: Params[string] | undefined): DerivationStep | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.code === 'string'
    ? ({ code: v.code, params: (v.params ?? {}) as Params } as DerivationStep)
    : null;

export const derivationEs: DerivationTexts = {
  'nk-vcpu': (p) => `N+${s(p.redundancy)} con ${n(p.hosts, 'nodo', 'nodos')}: ${requirement(true, p)}`,
  memory: (p) =>
    `memoria: ${requirement(false, p)} + ${s(p.reserveGb)} GB (${s(p.reserveMb)} MB) de reserva del hipervisor ` +
    `= ${s(p.needGb)} GB → ${s(p.memoryGb)} GB (tamaño estándar siguiente)`,
  'cores-shape': (p) => {
    const division = `${s(p.vcpu)} vCPU / ${s(p.vcpuPerCore)} vCPU por núcleo`;
    return (
      `${p.rounded ? `⌈${division}⌉` : division} = ${s(p.cores)} núcleos → ${s(p.sockets)} sockets × ` +
      `${s(p.coresPerSocket)} núcleos (la forma estándar más pequeña con ≥ ${s(p.cores)} núcleos; se prefieren ` +
      `${s(p.preferredSockets)} sockets)`
    );
  },
  'vm-overhead': (p) =>
    `la memoria de cada VM incluye la sobrecarga por VM del hipervisor (${s(p.fixedMb)} MB + ${s(p.mbPerVcpu)} MB ` +
    `por vCPU + ${s(p.mbPerGuestGb)} MB por GB del huésped, por VM): ${s(p.overheadGb)} GB para ${s(p.vms)} VM`,
  'clock-setting': (p) => `reloj de ${s(p.ghz)} GHz: cluster.minCpuGhz`,
  'clock-slowest-source': (p) =>
    `reloj de ${s(p.ghz)} GHz: el servidor de origen más lento (los servidores de origen van de ${s(p.ghz)} a ` +
    `${s(p.fastest)} GHz; cluster.minCpuGhz sin definir)`,
  nics: (p) =>
    `NIC: ${s(p.management)} en bonding para administración/almacenamiento + ${s(p.data)} de datos = ` +
    `${s(p.nics)} @ ${s(p.gbps)} Gbps`,
  'cluster-settings': (p) =>
    `${s(p.threads)} hilos por núcleo, disco local de ${s(p.localDiskMb)} MB, precio ${s(p.price)}, ` +
    `${s(p.watts)} W: parámetros del clúster`,
  'storage-shared': () =>
    'almacenamiento compartido: los discos de las VM están en la SAN y no dimensionan el nodo (método §2.4)',
  'storage-local': (p) => localStorage(p),
  'storage-local-too-small': (p) => `${localStorage(p)}: no cabe; aumente cluster.localDiskMb o agregue nodos`,
  'grown-cpu': (p) =>
    `ampliado para acomodar las VM: ${s(p.fromSockets)} × ${s(p.fromCoresPerSocket)} → ${s(p.sockets)} sockets ` +
    `× ${s(p.coresPerSocket)} núcleos (${s(p.cores)} núcleos)`,
  'grown-memory': (p) =>
    `ampliado para acomodar las VM: memoria ${s(p.fromGb)} GB → ${s(p.memoryGb)} GB (tamaño estándar siguiente)`,
  'packing-grown': (p) =>
    `acomodar las VM completas necesitó más ${p.resource === 'cpu' ? 'CPU' : 'memoria'} que la parte ideal: ` +
    `se amplió a ${s(p.sockets)} × ${s(p.coresPerSocket)} núcleos, ${s(p.memoryGb)} GB`,
  'packing-count': (p) =>
    `las VM completas no cupieron en ${n(p.derivedHosts, 'nodo', 'nodos')} de esta especificación dentro del ` +
    `tiempo límite: la colocación eligió ${s(p.hosts)}`,
  'catalog-choice': (p) => `catálogo: el modelo más barato que aloja todas las VM con N+${s(p.redundancy)}`,
  'catalog-model': (p) =>
    p.outcome === 'holds'
      ? `${s(p.model)}: ${n(p.hosts, 'nodo', 'nodos')}, costo ${s(p.cost)}`
      : p.outcome === 'cannot'
        ? `${s(p.model)}: no aloja la carga con N+k`
        : `${s(p.model)}: no se probó, se alcanzó el límite de tiempo`,
  'nk-too-few-hosts': (p) =>
    `N+${s(p.redundancy)} requiere al menos ${s(p.needed)} nodos; el clúster tiene ${s(p.hosts)}`,
  'no-cpu-shape': (p) =>
    `un nodo necesita ${s(p.cores)} núcleos (${s(p.vcpu)} vCPU a ${s(p.vcpuPerCore)} por núcleo); no hay forma de ` +
    `CPU estándar dentro de las ${s(p.maxCpus)} CPU por nodo de ${s(p.hypervisor)}: agregue nodos`,
  'no-memory-size': (p) =>
    `un nodo necesita ${s(p.memoryGb)} GB; no hay tamaño de memoria estándar dentro de los ${s(p.maxGb)} GB por ` +
    `nodo de ${s(p.hypervisor)}: agregue nodos`,
  'no-clock': () => 'ningún servidor de origen tiene reloj de CPU y cluster.minCpuGhz no está definido',
  'no-host-count': (p) => {
    const inner = stepOf(p.why);
    const why = inner ? (derivationEs[inner.code]?.(inner.params) ?? inner.code) : '';
    return (
      `${why.replace(/: agregue nodos$/, '')} — aun con ${s(p.hosts)} nodos, cerca de una VM por nodo restante, ` +
      'así que ningún número de nodos alcanza'
    );
  },
  'no-candidates': (p) =>
    `${p.servers === 0 ? 'el inventario no tiene servidores' : `los ${s(p.servers)} servidores están excluidos`}` +
    ': no se necesita ningún nodo',
  'no-host-shape': () => 'ninguna forma de nodo estándar cabe en los límites del hipervisor',
};

function localStorage(p: Params): string {
  return (
    `almacenamiento local: ${s(p.diskGb)} GB de discos de VM + ${s(p.partitionsMb)} MB de particiones del ` +
    `hipervisor = ${s(p.neededMb)} MB de ${s(p.localDiskMb)} MB`
  );
}
