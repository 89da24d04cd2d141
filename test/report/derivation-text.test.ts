// The host derivation in the report's language (report.language): the Spanish catalogue says
// each line from its step's figures; English, and any plan without steps, keeps the sizing's line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derivationText } from '../../src/report/derivation-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { deriveHost, growHostSpec, type DerivedHost } from '../../src/sizing/derive-host.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { EXAMPLE } from '../sizing/worked-example.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

const vms = EXAMPLE.map((r) => r.vm);
const ghz = [3.06, 3.06, 2, 2, 2, 3, 3, 2, 2, 2];

const workedExample: [string, string][] = [
  [
    'N+1 with 2 hosts: one survivor carries 16 vCPU; normal operation ⌈16 / 2⌉ = 8 vCPU per host at ≤ 75 % → ' +
      '10.67; largest VM 2 vCPU at ≤ 75 % → 2.67 → failover binds: 16 vCPU',
    'N+1 con 2 nodos: un nodo restante lleva 16 vCPU; operación normal ⌈16 / 2⌉ = 8 vCPU por nodo a ≤ 75 % → ' +
      '10.67; VM más grande 2 vCPU a ≤ 75 % → 2.67 → rige la tolerancia a fallos: 16 vCPU',
  ],
  [
    '16 vCPU / 2 vCPU per core = 8 cores → 2 sockets × 4 cores (smallest standard shape with ≥ 8 cores; 2 sockets ' +
      'preferred)',
    '16 vCPU / 2 vCPU por núcleo = 8 núcleos → 2 sockets × 4 núcleos (la forma estándar más pequeña con ≥ 8 ' +
      'núcleos; se prefieren 2 sockets)',
  ],
  [
    'memory: one survivor carries 31 GB of VMs; normal operation 31 / 2 = 15.5 GB per host; largest VM 4 GB → ' +
      'failover binds: 31 GB + 0.5 GB (512 MB) hypervisor reserve = 31.5 GB → 32 GB (next standard size)',
    'memoria: un nodo restante lleva 31 GB de VM; operación normal 31 / 2 = 15.5 GB por nodo; VM más grande 4 GB ' +
      '→ rige la tolerancia a fallos: 31 GB + 0.5 GB (512 MB) de reserva del hipervisor = 31.5 GB → 32 GB ' +
      '(tamaño estándar siguiente)',
  ],
  [
    'clock 2 GHz: the slowest source server (sources run 2–3.06 GHz; cluster.minCpuGhz not set)',
    'reloj de 2 GHz: el servidor de origen más lento (los servidores de origen van de 2 a 3.06 GHz; ' +
      'cluster.minCpuGhz sin definir)',
  ],
  [
    'NICs: 2 bonded management/storage + 1 data = 3 @ 4 Gbps',
    'NIC: 2 en bonding para administración/almacenamiento + 1 de datos = 3 @ 4 Gbps',
  ],
  [
    '2 threads per core, local disk 149504 MB, price 0, 0 W: cluster settings',
    '2 hilos por núcleo, disco local de 149504 MB, precio 0, 0 W: parámetros del clúster',
  ],
  [
    'storage shared: VM disks live on the SAN and do not size the host (method §2.4)',
    'almacenamiento compartido: los discos de las VM están en la SAN y no dimensionan el nodo (método §2.4)',
  ],
];

test("the worked example's derivation: English as the sizing wrote it, Spanish with the same figures", () => {
  const model = realAseguradoraPlan().hostModel;
  assert.equal(model.derivation.length, workedExample.length);
  assert.equal(model.derivationSteps?.length, workedExample.length);
  workedExample.forEach(([english, spanish], i) => {
    assert.equal(model.derivation[i], english);
    assert.equal(derivationText(model, i, en), english);
    assert.equal(derivationText(model, i, es), spanish);
  });
});

const derived = (hostCount: number, cluster = {}, hypervisor = {}) =>
  deriveHost(vms, ghz, defaultSettings({ cluster, hypervisor }), hostCount);

const overhead = { vmOverheadFixedMb: 64, vmOverheadMbPerVcpu: 8, vmOverheadMbPerGuestGb: 2 };
const other = derived(4, { redundancy: 2, memoryOvercommit: 1.5, storage: 'local', localDiskMb: 1e6 }, overhead);
const settings = defaultSettings();
const grown = growHostSpec(growHostSpec(asHost(derived(2)), 'cpu', settings)!, 'memory', settings)!;

function asHost(r: ReturnType<typeof deriveHost>): DerivedHost {
  assert.ok(r.host, r.reason?.message);
  return r.host;
}

const lines: [string, DerivedHost, string, string][] = [
  [
    'N+2, two survivors',
    asHost(other),
    'nk-vcpu',
    'N+2 con 4 nodos: cada uno de los 2 nodos restantes lleva ⌈16 / 2⌉ = 8 vCPU; operación normal ⌈16 / 4⌉ = 4 ' +
      'vCPU por nodo a ≤ 75 % → 5.33; VM más grande 2 vCPU a ≤ 75 % → 2.67 → rige la tolerancia a fallos: 8 vCPU',
  ],
  [
    'per-VM overhead',
    asHost(other),
    'vm-overhead',
    'la memoria de cada VM incluye la sobrecarga por VM del hipervisor (64 MB + 8 MB por vCPU + 2 MB por GB del ' +
      'huésped, por VM): 0.81 GB para 10 VM',
  ],
  [
    'memory overcommit',
    asHost(other),
    'memory',
    'memoria: cada uno de los 2 nodos restantes lleva 31.81 / 2 = 15.91 GB de VM a ≤ 100 % ÷ 1.5 de ' +
      'sobrecompromiso → 10.6; operación normal 31.81 / 4 = 7.95 GB por nodo a ≤ 100 % ÷ 1.5 de sobrecompromiso ' +
      '→ 5.3; VM más grande 4.09 GB → rige la tolerancia a fallos: 10.6 GB + 0.5 GB (512 MB) de reserva del ' +
      'hipervisor = 11.1 GB → 12 GB (tamaño estándar siguiente)',
  ],
  [
    'local storage',
    asHost(other),
    'storage-local',
    'almacenamiento local: 337.5 GB de discos de VM + 31287 MB de particiones del hipervisor = 376887 MB de ' +
      '1000000 MB',
  ],
  ['grown CPU', grown, 'grown-cpu', 'ampliado para acomodar las VM: 2 × 4 → 2 sockets × 6 núcleos (12 núcleos)'],
  [
    'grown memory',
    grown,
    'grown-memory',
    'ampliado para acomodar las VM: memoria 32 GB → 48 GB (tamaño estándar siguiente)',
  ],
];

for (const [name, host, code, spanish] of lines) {
  test(`derivation line in Spanish: ${name}`, () => {
    const i = host.derivationSteps!.findIndex((s) => s.code === code);
    assert.ok(i >= 0, `no ${code} step`);
    assert.equal(derivationText(host, i, en), host.derivation[i]);
    assert.equal(derivationText(host, i, es), spanish);
  });
}

test('every line a derivation writes has its step and a Spanish text', () => {
  for (const host of [asHost(derived(2)), asHost(other), grown]) {
    assert.equal(host.derivationSteps.length, host.derivation.length);
    for (const step of host.derivationSteps) assert.ok(es.derivationText[step.code], step.code);
  }
});

const failures: [string, ReturnType<typeof deriveHost>, string][] = [
  ['too few hosts for N+k', derived(1), 'N+1 requiere al menos 2 nodos; el clúster tiene 1'],
  [
    'VM disks beyond the local disk',
    derived(2, { storage: 'local' }),
    'almacenamiento local: 675 GB de discos de VM + 76343 MB de particiones del hipervisor = 767543 MB de ' +
      '149504 MB: no cabe; aumente cluster.localDiskMb o agregue nodos',
  ],
];

for (const [name, result, spanish] of failures) {
  test(`a failed derivation in Spanish: ${name}`, () => {
    assert.ok(!result.host);
    const model = { derivation: [result.reason.message], derivationSteps: [result.step] };
    assert.equal(derivationText(model, 0, en), result.reason.message);
    assert.equal(derivationText(model, 0, es), spanish);
  });
}

test('catalogue lines in Spanish', () => {
  const model: Parameters<typeof derivationText>[0] = {
    derivation: ['catalog: cheapest model holding every VM with N+1', 'small: 4 hosts, cost 12000', 'big: …'],
    derivationSteps: [
      { code: 'catalog-choice', params: { redundancy: 1 } },
      { code: 'catalog-model', params: { model: 'small', outcome: 'holds', hosts: 4, cost: 12000 } },
      { code: 'catalog-model', params: { model: 'big', outcome: 'cannot' } },
    ],
  };
  assert.deepEqual(
    [0, 1, 2].map((i) => derivationText(model, i, es)),
    [
      'catálogo: el modelo más barato que aloja todas las VM con N+1',
      'small: 4 nodos, costo 12000',
      'big: no aloja la carga con N+k',
    ],
  );
});

test('a plan written before the steps, or a step the catalogue lacks, keeps the English line', () => {
  const { derivationSteps: _steps, ...before } = realAseguradoraPlan().hostModel;
  assert.equal(derivationText(before, 0, es), workedExample[0]![0]);
  const unknown = { derivation: ['a new line'], derivationSteps: [{ code: 'not-yet', params: {} }] };
  assert.equal(derivationText(unknown, 0, es), 'a new line');
});
