// Exclusion reasons in the report's language (report.language): each rule writes its English
// message and a step; the Spanish catalogue says the same figures from the step, English keeps
// the message, and a reason without a step (a plan written before) keeps its message everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reason } from '../../src/domain/plan.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { reasonText } from '../../src/report/reason-text.ts';
import * as rules from '../../src/sizing/exclusion-rules.ts';
import { poweredOffReason, vmHostShareReason } from '../../src/sizing/workload-rules.ts';
import { defaultSettings } from '../helpers/settings.ts';
import type { DataQuality } from '../../src/domain/server.ts';
import { server, usage } from '../sizing/builders.ts';

const settings = defaultSettings();
const hv = settings.hypervisor;
const vm = (over: Parameters<typeof server>[0]) => server(over);
const standard = { cores: 56, memoryGb: 512, label: 'the largest standard host (56 cores, 512 GB)', model: null };
const thin = {
  ...usage({ cpuPct: 10, memoryUsedMb: 100 }, 100),
  quality: { sizable: false, score: 35, issues: ['short-window', 'long-gap'] } as DataQuality,
};
const noMemory = usage({ cpuPct: 10 });

const cases: [string, () => Reason | null, string, string][] = [
  [
    'vcpu-limit',
    () => rules.vcpuLimitReason(20, hv),
    'needs 20 vCPU; RHEV-H 2.2 allows 16 per VM',
    'necesita 20 vCPU; RHEV-H 2.2 admite 16 por VM',
  ],
  [
    'memory-limit',
    () => rules.memoryLimitReason(300, 64, hv),
    'needs 300 GB of memory; RHEV-H 2.2 allows 256 GB per 64-bit VM',
    'necesita 300 GB de memoria; RHEV-H 2.2 admite 256 GB por VM de 64 bits',
  ],
  [
    'guest-32bit-memory',
    () => rules.guest32BitMemoryReason(6, 32, hv),
    '32-bit guest needs 6 GB of memory; RHEV-H 2.2 allows 4 GB per 32-bit VM',
    'huésped de 32 bits que necesita 6 GB de memoria; RHEV-H 2.2 admite 4 GB por VM de 32 bits',
  ],
  [
    'nic-limit',
    () => rules.nicLimitReason(12, hv),
    'needs 12 vNICs; RHEV-H 2.2 allows 8 per VM',
    'necesita 12 vNIC; RHEV-H 2.2 admite 8 por VM',
  ],
  [
    'cpu-above-threshold',
    () => rules.cpuUtilisationReason(91.234, 'p95', 85),
    'CPU p95 91.23 % of its own hardware is above the 85 % threshold; it would monopolise a node',
    'CPU (p95) de 91.23 % de su propio hardware, por encima del umbral de 85 %; acapararía un nodo',
  ],
  [
    'memory-above-threshold',
    () => rules.memoryUtilisationReason(7900, 8192, 'max', 85),
    'memory max 7900 MB of 8192 MB installed = 96.44 %, above the 85 % threshold; it would monopolise a node',
    'memoria (máximo) de 7900 MB de 8192 MB instalados = 96.44 %, por encima del umbral de 85 %; acapararía un nodo',
  ],
  [
    'cpu-host-share',
    () => vmHostShareReason(50, null, standard, 85),
    'CPU 50 busy cores is above 85 % of the largest standard host (56 cores, 512 GB) (47.6 of 56 cores); it ' +
      'would monopolise a node',
    'CPU de 50 núcleos ocupados, por encima del 85 % de el nodo estándar más grande (56 núcleos, 512 GB) ' +
      '(47.6 de 56 núcleos); acapararía un nodo',
  ],
  [
    'memory-host-share',
    () => vmHostShareReason(null, 500_000, { ...standard, label: 'r650', model: 'r650' }, 85),
    'memory 500000 MB is above 85 % of r650 (445644.8 of 524288 MB); it would monopolise a node',
    'memoria de 500000 MB, por encima del 85 % de r650 (445644.8 de 524288 MB); acapararía un nodo',
  ],
  [
    'special-hardware',
    () => rules.specialHardwareReason({ specialHardware: ['usb', 'fax'] }),
    'needs special hardware (usb, fax); USB can go over IP with an extra product, serial/modem/fax boards cannot ' +
      'be virtualised as is',
    'necesita hardware especial (usb, fax); el USB puede pasar por IP con un producto adicional, las tarjetas ' +
      'serie, de módem o de fax no pueden virtualizarse tal como están',
  ],
  [
    'template',
    () => rules.notMigratableReason(vm({ origin: { role: 'template' } as never })),
    'a VMware template, not a running server: nothing to migrate',
    'una plantilla de VMware, no un servidor en ejecución: nada que migrar',
  ],
  [
    'srm-placeholder',
    () => rules.notMigratableReason(vm({ origin: { role: 'srm-placeholder' } as never })),
    'an SRM placeholder (the protected VM runs at the other site): nothing to migrate',
    'un marcador de posición de SRM (la VM protegida se ejecuta en el otro sitio): nada que migrar',
  ],
  [
    'vcls',
    () => rules.notMigratableReason(vm({ name: 'vCLS-1234' })),
    'a vSphere Cluster Services agent VM (vCLS): vSphere runs it for itself',
    'una VM agente de vSphere Cluster Services (vCLS): vSphere la ejecuta para sí mismo',
  ],
  [
    'eam-agent',
    () => rules.notMigratableReason(vm({ origin: { role: 'agent' } as never })),
    'a vSphere agent VM (ESX Agent Manager): vSphere recreates it, it does not migrate',
    'una VM agente de vSphere (ESX Agent Manager): vSphere la vuelve a crear, no se migra',
  ],
  [
    'vmware-appliance',
    () => rules.notMigratableReason(vm({ os: 'VMware Photon OS (64-bit)' })),
    'a VMware appliance or agent VM (VMware Photon OS (64-bit)): part of vSphere itself',
    'un appliance o VM agente de VMware (VMware Photon OS (64-bit)): parte del propio vSphere',
  ],
  [
    'architecture',
    () => rules.notMigratableReason(vm({ os: 'AIX 7.2' })),
    'runs on another architecture (AIX 7.2): x86_64 KVM cannot run it',
    'se ejecuta en otra arquitectura (AIX 7.2): KVM x86_64 no puede ejecutarlo',
  ],
  [
    'missing-inventory',
    () =>
      rules.missingInventoryReason(vm({ osBits: null, memoryMb: null, source: { file: 'inventario.csv', row: 7 } })),
    'inventory has no os_bits, memory_mb (inventario.csv row 7)',
    'al inventario le falta os_bits, memory_mb (inventario.csv, fila 7)',
  ],
  [
    'no-monitoring',
    () => rules.missingPerformanceReason(null, 1),
    'no monitoring data for this server',
    'no hay datos de monitoreo de este servidor',
  ],
  [
    'too-few-samples',
    () => rules.missingPerformanceReason(usage({ cpuPct: 10 }, 5), 24),
    'only 5 monitoring samples; at least 24 are needed',
    'solo 5 muestras de monitoreo; se necesitan al menos 24',
  ],
  [
    'too-thin',
    () => rules.missingPerformanceReason(thin, 1),
    'monitoring data too thin to size from (quality 35/100: short-window, long-gap)',
    'datos de monitoreo demasiado escasos para dimensionar (calidad 35/100: short-window, long-gap)',
  ],
  [
    'missing-metrics',
    () => rules.missingPerformanceReason(noMemory, 1),
    'monitoring data has no memory_used_mb samples',
    'los datos de monitoreo no tienen muestras de memory_used_mb',
  ],
  [
    'powered-off',
    () =>
      poweredOffReason(vm({ origin: { powerState: 'poweredOff' } as never }), {
        ...settings,
        allocation: { ...settings.allocation, poweredOff: 'exclude' },
      }),
    'powered off in the export and allocation.poweredOff = exclude',
    'apagada en la exportación y allocation.poweredOff = exclude',
  ],
];

for (const [code, make, english, spanish] of cases) {
  test(`reason text: ${code}`, () => {
    const r = make();
    assert.ok(r, `${code} applies`);
    assert.equal(r.step?.code, code);
    assert.equal(r.message, english);
    assert.equal(reasonText(r, en), english);
    assert.equal(reasonText(r, es), spanish);
  });
}

test('reason text: a reason without a step, or with a code no catalogue has, keeps its message', () => {
  const r: Reason = { code: 'unknown-error', message: 'as the sizing wrote it' };
  assert.equal(reasonText(r, es), 'as the sizing wrote it');
  assert.equal(reasonText({ ...r, step: { code: 'no-such-code', params: {} } }, es), 'as the sizing wrote it');
});

test('reason text: a reason from the host derivation is said as its derivation line', () => {
  const line = { code: 'nk-too-few-hosts', params: { redundancy: 1, needed: 2, hosts: 1 } };
  const r: Reason = {
    code: 'exceeds-host-capacity',
    message: 'N+1 needs at least 2 hosts; the cluster has 1',
    step: { code: 'host-derivation', params: { line } },
  };
  assert.equal(reasonText(r, en), r.message);
  assert.notEqual(reasonText(r, es), r.message);
  assert.equal(reasonText(r, es), es.derivationText['nk-too-few-hosts']!(line.params));
});
