// The sizing formula in Spanish, by step code, from each step's params (domain/plan.ts
// formulaStep; the formulas of sizing/size-vm.ts, sizing/size-vcpu-mhz.ts and sizing/size-from-allocation.ts,
// method §3.3, §3.4, §3.6 and §3.7). A code not here, or a plan without steps, keeps the English formula.
import type { FormulaStep } from '../../domain/plan.ts';
import type { FormulaTexts } from './formula-en.ts';

type Params = FormulaStep['params'];

const s = (v: Params[string] | undefined) => (v === undefined || v === null ? '' : String(v));
const given = (v: Params[string] | undefined) => v !== undefined && v !== null;

/** "526.07 MB × (1 + 0.5) = 789.11 MB; " — empty when peak is 1 and growth 0. */
function demand(p: Params, unit: string): string {
  if (p.peakFactor === 1 && p.growth === 0) return '';
  const peak = p.peakFactor === 1 ? '' : ` × ${s(p.peakFactor)} de pico`;
  const growth = p.growth === 0 ? '' : ` × (1 + ${s(p.growth)})`;
  return `${s(p.measured)} ${unit}${peak}${growth} = ${s(p.demand)} ${unit}; `;
}

const ALLOCATED_CPU: Record<string, string> = {
  allocated: 'asignado',
  'powered-off': 'asignado (apagada: nada registrado)',
  'not-recorded': 'asignado (sin uso de CPU registrado)',
};

const MEMORY_MODE: Record<string, string> = { consumed: 'consumida', active: 'activa' };

export const formulaEs: FormulaTexts = {
  vcpu: (p) => {
    const clock = given(p.sourceGhz) ? ` × ${s(p.sourceGhz)} GHz / ${s(p.targetGhz)} GHz` : '';
    const min = given(p.minVcpu) ? ` → mínimo ${s(p.minVcpu)}` : '';
    const division = `${s(p.cores)} núcleos × ${s(p.demand)} % / 100${clock}`;
    return `${demand(p, '%')}⌈${division}⌉ = ⌈${s(p.exact)}⌉ = ${s(p.rounded)}${min}`;
  },
  'vcpu-mhz': (p) => {
    const whose = s(p.clockFrom) === 'target' ? 'nodo destino' : 'servidor de origen';
    const min = given(p.minVcpu) ? ` → mínimo ${s(p.minVcpu)}` : '';
    const division = `${s(p.demand)} MHz / ${s(p.coreMhz)} MHz por núcleo (${whose})`;
    return `${demand(p, 'MHz')}⌈${division}⌉ = ⌈${s(p.exact)}⌉ = ${s(p.rounded)}${min}`;
  },
  memory: (p) => {
    const step = given(p.stepGb) ? ` → múltiplo de ${s(p.stepGb)} GB = ${s(p.steppedGb)} GB` : '';
    const min = given(p.minGb) ? ` → mínimo ${s(p.minGb)} GB` : '';
    return `${demand(p, 'MB')}⌈${s(p.demand)} MB / 1024⌉ = ⌈${s(p.exactGb)}⌉ = ${s(p.wholeGb)} GB${step}${min}`;
  },
  disk: (p) =>
    `${demand(p, 'GB')}⌈${s(p.demand)} GB / ${s(p.stepGb)}⌉ × ${s(p.stepGb)} = ${s(p.steps)} × ${s(p.stepGb)} ` +
    `= ${s(p.result)} GB`,
  network: (p) => `${demand(p, 'MB/s')}${s(p.demand)} MB/s (sin redondear)`,
  'installed-disk': (p, inner) =>
    `disco sin monitoreo, se toman como usados los ${s(p.installedGb)} GB instalados: ${inner}`,
  'recorded-cpu': (p, inner) => `${s(p.usedMhz)} de ${s(p.maxMhz)} MHz registrados = ${s(p.pct)} %; ${inner}`,
  'allocated-cpu': (p) => `${ALLOCATED_CPU[s(p.why)] ?? s(p.why)}: ${s(p.vcpu)} vCPU`,
  'recorded-memory': (p, inner) => {
    const capped = given(p.configuredMb) ? ` (limitada a los ${s(p.configuredMb)} MB configurados)` : '';
    return `${s(p.recordedMb)} MB de memoria ${MEMORY_MODE[s(p.mode)] ?? s(p.mode)} registrados${capped}; ${inner}`;
  },
  'allocated-memory': (p) => `asignado: ⌈${s(p.memoryMb)} MB / 1024⌉ = ${s(p.memoryGb)} GB`,
  'recorded-disk': (p, inner) => `${s(p.usedGb)} GB en uso registrados; ${inner}`,
  'provisioned-disk': (p, inner) => `${s(p.diskGb)} GB aprovisionados: ${inner}`,
};
