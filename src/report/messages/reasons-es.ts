// Why a VM is excluded or unplaced, in Spanish, by step code, from each reason's params
// (domain/plan.ts reason step; the rules of sizing/exclusion-rules.ts and sizing/workload-rules.ts,
// method §3.5, §3.6 and §4). A code not here, or a plan without steps, keeps the English message.
import type { TextStep } from '../../domain/text-step.ts';
import type { ReasonTexts } from './reasons-en.ts';
import { statisticEs } from './statistic-es.ts';

type Params = TextStep['params'];

const s = (v: Params[string] | undefined) => (v === undefined || v === null ? '' : String(v));
const list = (v: Params[string] | undefined) => (Array.isArray(v) ? v.map(s).join(' ni de ') : s(v));
const host = (p: Params) =>
  p.model === null || p.model === undefined
    ? `el nodo estándar más grande (${s(p.hostCores)} núcleos, ${s(p.hostMemoryGb)} GB)`
    : s(p.model);
const monopolise = 'acapararía un nodo';

export const reasonsEs: ReasonTexts = {
  'vcpu-limit': (p) => `necesita ${s(p.vcpu)} vCPU; ${s(p.hypervisor)} admite ${s(p.limit)} por VM`,
  'memory-limit': (p) =>
    `necesita ${s(p.memoryGb)} GB de memoria; ${s(p.hypervisor)} admite ${s(p.limitGb)} GB por VM de 64 bits`,
  'guest-32bit-memory': (p) =>
    `huésped de 32 bits que necesita ${s(p.memoryGb)} GB de memoria; ${s(p.hypervisor)} admite ` +
    `${s(p.limitGb)} GB por VM de 32 bits`,
  'nic-limit': (p) => `necesita ${s(p.nics)} vNIC; ${s(p.hypervisor)} admite ${s(p.limit)} por VM`,
  'cpu-above-threshold': (p) =>
    `CPU (${statisticEs(s(p.statistic))}) de ${s(p.measuredPct)} % de su propio hardware, por encima del umbral ` +
    `de ${s(p.thresholdPct)} %; ${monopolise}`,
  'memory-above-threshold': (p) =>
    `memoria (${statisticEs(s(p.statistic))}) de ${s(p.measuredMb)} MB de ${s(p.installedMb)} MB instalados = ` +
    `${s(p.usedPct)} %, por encima del umbral de ${s(p.thresholdPct)} %; ${monopolise}`,
  'cpu-host-share': (p) =>
    `CPU de ${s(p.busyCores)} núcleos ocupados, por encima del ${s(p.thresholdPct)} % de ${host(p)} ` +
    `(${s(p.limitCores)} de ${s(p.hostCores)} núcleos); ${monopolise}`,
  'memory-host-share': (p) =>
    `memoria de ${s(p.memoryMb)} MB, por encima del ${s(p.thresholdPct)} % de ${host(p)} ` +
    `(${s(p.limitMb)} de ${Number(p.hostMemoryGb) * 1024} MB); ${monopolise}`,
  'special-hardware': (p) =>
    `necesita hardware especial (${s(p.hardware)}); el USB puede pasar por IP con un producto adicional, las ` +
    'tarjetas serie, de módem o de fax no pueden virtualizarse tal como están',
  template: () => 'una plantilla de VMware, no un servidor en ejecución: nada que migrar',
  'srm-placeholder': () =>
    'un marcador de posición de SRM (la VM protegida se ejecuta en el otro sitio): nada que migrar',
  vcls: () => 'una VM agente de vSphere Cluster Services (vCLS): vSphere la ejecuta para sí mismo',
  'eam-agent': () => 'una VM agente de vSphere (ESX Agent Manager): vSphere la vuelve a crear, no se migra',
  'vmware-appliance': (p) => `un appliance o VM agente de VMware (${s(p.source)}): parte del propio vSphere`,
  architecture: (p) => `se ejecuta en otra arquitectura (${s(p.source)}): KVM x86_64 no puede ejecutarlo`,
  'missing-inventory': (p) => `al inventario le falta ${s(p.fields)} (${s(p.file)}, fila ${s(p.row)})`,
  'no-monitoring': () => 'no hay datos de monitoreo de este servidor',
  'too-few-samples': (p) => `solo ${s(p.samples)} muestras de monitoreo; se necesitan al menos ${s(p.minSamples)}`,
  'too-thin': (p) =>
    `datos de monitoreo demasiado escasos para dimensionar (calidad ${s(p.score)}/100: ${s(p.issues)})`,
  'missing-metrics': (p) => `los datos de monitoreo no tienen muestras de ${list(p.metrics)}`,
  'powered-off': () => 'apagada en la exportación y allocation.poweredOff = exclude',
  'no-room': (p) =>
    `no queda espacio en ${where(p)}: necesita ${amounts(p.needs)}; lo más libre es ${amounts(p.free)} ` +
    '(con antiafinidad y umbrales aplicados)',
};

/** The hosts a VM found no room on: its pinned host, or all of them. */
function where(p: Params): string {
  if (p.pinned) return `${s(p.pinned)} (fijada)`;
  return p.hosts === 1 ? 'el único nodo' : `ninguno de los ${s(p.hosts)} nodos`;
}

/** Resource amounts of the placement (vcpu, memoryGb, …) in words: "4 vCPU, 8 GB de memoria". */
function amounts(v: Params[string] | undefined): string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return s(v as Params[string]);
  return Object.entries(v)
    .map(([r, x]) => {
      const unit = RESOURCE_ES[r];
      return unit ? `${s(x)} ${unit}` : `${r} ${s(x)}`;
    })
    .join(', ');
}

const RESOURCE_ES: Readonly<Record<string, string>> = {
  vcpu: 'vCPU',
  memoryGb: 'GB de memoria',
  diskGb: 'GB de disco',
  networkMBps: 'MB/s de red',
  iops: 'IOPS',
  cpuGhz: 'GHz',
};
