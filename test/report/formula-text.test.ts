// The sizing formula in the report's language (report.language): the Spanish catalogue says each
// formula from its step's figures; English, and any plan without steps, keeps the sizing's formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceSizing } from '../../src/domain/plan.ts';
import type { InventoryServer } from '../../src/domain/server.ts';
import { formulaText } from '../../src/report/formula-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { applyPeakAndGrowth } from '../../src/sizing/demand.ts';
import { sizeFromAllocation } from '../../src/sizing/size-from-allocation.ts';
import { sizeServer } from '../../src/sizing/size-server.ts';
import { sizeMemoryGb, sizeVcpu } from '../../src/sizing/size-vm.ts';
import { sizeVcpuFromMhz } from '../../src/sizing/size-vcpu-mhz.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { server, usage } from '../sizing/builders.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

const demand = (measured: number, growth = 0, peakFactor = 1) => ({
  statistic: 'avg',
  measured,
  peakFactor,
  growth,
  demand: applyPeakAndGrowth(measured, peakFactor, growth),
});

/** An RVTools VM: what the export recorded, running unless said otherwise. */
function recorded(figures: Record<string, number>, powerState = 'poweredOn'): NonNullable<InventoryServer['origin']> {
  const none = { cpuUsedMhz: null, cpuMaxMhz: null, memoryConsumedMb: null, memoryActiveMb: null, diskUsedGb: null };
  return { kind: 'vm', host: null, powerState, recorded: { tool: 'RVTools', ...none, ...figures } };
}

// app01 of the RVTools-only project: 1300 of 5200 MHz over 2 vCPU, 6144 MB consumed, 30 GB in use.
const app01 = sizeFromAllocation(
  server({
    coresPerSocket: 2,
    memoryMb: 8192,
    origin: recorded({ cpuUsedMhz: 1300, cpuMaxMhz: 5200, memoryConsumedMb: 6144, diskUsedGb: 30 }),
  }),
  defaultSettings(),
  undefined,
).sizing;
// db01: 33100 MB consumed, above its 32768 MB configured; no CPU recorded; disks as provisioned.
const db01 = sizeFromAllocation(
  server({ sockets: 2, memoryMb: 32768, origin: recorded({ memoryConsumedMb: 33100 }) }),
  defaultSettings({ allocation: { disk: 'provisioned' } }),
  undefined,
).sizing;
// old01 is powered off: its recorded zeros say nothing, its allocation stands.
const old01 = sizeFromAllocation(
  server({ sockets: 2, memoryMb: 32768, origin: recorded({ cpuUsedMhz: 0, memoryConsumedMb: 0 }, 'poweredOff') }),
  defaultSettings(),
  undefined,
).sizing;
// Peak 1.2 on CPU, clock normalisation to 2.5 GHz hosts (method §3.4), memory in 2 GB steps, disk not monitored.
const scaled = sizeServer(
  server({ diskGb: 80 }),
  usage({ cpuPct: 5, memoryUsedMb: 100, networkMBps: 12.5 }),
  defaultSettings({ sizing: { peakFactor: { cpu: 1.2 }, memoryStepGb: 2, cpuNormalisation: 'clock' } }),
  2.5,
).vm.sizing;

// Table 2.6 gives memory after growth: the measured MB are those ÷ 1.5.
const cases: [string, ResourceSizing | undefined, string, string][] = [
  [
    'vCPU',
    sizeVcpu(demand(31.69), 4, 1),
    '⌈4 cores × 31.69 % / 100⌉ = ⌈1.27⌉ = 2',
    '⌈4 núcleos × 31.69 % / 100⌉ = ⌈1.27⌉ = 2',
  ],
  [
    'vCPU below the minimum',
    sizeVcpu(demand(23.66), 4, 2),
    '⌈4 cores × 23.66 % / 100⌉ = ⌈0.95⌉ = 1 → minimum 2',
    '⌈4 núcleos × 23.66 % / 100⌉ = ⌈0.95⌉ = 1 → mínimo 2',
  ],
  [
    'vCPU from MHz (method §3.7)',
    sizeVcpuFromMhz(demand(2600, 0, 1.5), { mhz: 2000, from: 'target' }, 1),
    '2600 MHz × 1.5 peak = 3900 MHz; ⌈3900 MHz / 2000 MHz per core (target host)⌉ = ⌈1.95⌉ = 2',
    '2600 MHz × 1.5 de pico = 3900 MHz; ⌈3900 MHz / 2000 MHz por núcleo (nodo destino)⌉ = ⌈1.95⌉ = 2',
  ],
  [
    'vCPU from MHz below the minimum, over the source clock',
    sizeVcpuFromMhz(demand(100), { mhz: 2600, from: 'source' }, 2),
    '⌈100 MHz / 2600 MHz per core (source server)⌉ = ⌈0.04⌉ = 1 → minimum 2',
    '⌈100 MHz / 2600 MHz por núcleo (servidor de origen)⌉ = ⌈0.04⌉ = 1 → mínimo 2',
  ],
  [
    'vCPU with peak and clock',
    scaled.cpu,
    '5 % × 1.2 peak = 6 %; ⌈4 cores × 6 % / 100 × 2 GHz / 2.5 GHz⌉ = ⌈0.19⌉ = 1',
    '5 % × 1.2 de pico = 6 %; ⌈4 núcleos × 6 % / 100 × 2 GHz / 2.5 GHz⌉ = ⌈0.19⌉ = 1',
  ],
  [
    'memory with growth',
    sizeMemoryGb(demand(3528.44 / 1.5, 0.5), 1, 1),
    '2352.29 MB × (1 + 0.5) = 3528.44 MB; ⌈3528.44 MB / 1024⌉ = ⌈3.45⌉ = 4 GB',
    '2352.29 MB × (1 + 0.5) = 3528.44 MB; ⌈3528.44 MB / 1024⌉ = ⌈3.45⌉ = 4 GB',
  ],
  [
    'memory to a step',
    scaled.memory,
    '100 MB × (1 + 0.5) = 150 MB; ⌈150 MB / 1024⌉ = ⌈0.15⌉ = 1 GB → multiple of 2 GB = 2 GB',
    '100 MB × (1 + 0.5) = 150 MB; ⌈150 MB / 1024⌉ = ⌈0.15⌉ = 1 GB → múltiplo de 2 GB = 2 GB',
  ],
  [
    'memory below the minimum',
    sizeMemoryGb(demand(611.93 / 1.5, 0.5), 1, 2),
    '407.95 MB × (1 + 0.5) = 611.93 MB; ⌈611.93 MB / 1024⌉ = ⌈0.6⌉ = 1 GB → minimum 2 GB',
    '407.95 MB × (1 + 0.5) = 611.93 MB; ⌈611.93 MB / 1024⌉ = ⌈0.6⌉ = 1 GB → mínimo 2 GB',
  ],
  [
    'disk not monitored',
    scaled.disk,
    'disk not monitored, installed 80 GB used: 80 GB × (1 + 0.5) = 120 GB; ⌈120 GB / 5⌉ × 5 = 24 × 5 = 120 GB',
    'disco sin monitoreo, se toman como usados los 80 GB instalados: 80 GB × (1 + 0.5) = 120 GB; ⌈120 GB / 5⌉ × 5 ' +
      '= 24 × 5 = 120 GB',
  ],
  ['network', scaled.network, '12.5 MB/s (not rounded)', '12.5 MB/s (sin redondear)'],
  [
    'recorded CPU',
    app01.cpu,
    '1300 of 5200 MHz recorded = 25 %; ⌈2 cores × 25 % / 100⌉ = ⌈0.5⌉ = 1',
    '1300 de 5200 MHz registrados = 25 %; ⌈2 núcleos × 25 % / 100⌉ = ⌈0.5⌉ = 1',
  ],
  [
    'recorded memory',
    app01.memory,
    '6144 MB consumed recorded; 6144 MB × (1 + 0.5) = 9216 MB; ⌈9216 MB / 1024⌉ = ⌈9⌉ = 9 GB',
    '6144 MB de memoria consumida registrados; 6144 MB × (1 + 0.5) = 9216 MB; ⌈9216 MB / 1024⌉ = ⌈9⌉ = 9 GB',
  ],
  [
    'recorded memory above the configured',
    db01.memory,
    '33100 MB consumed recorded (capped at the 32768 MB configured); 32768 MB × (1 + 0.5) = 49152 MB; ' +
      '⌈49152 MB / 1024⌉ = ⌈48⌉ = 48 GB',
    '33100 MB de memoria consumida registrados (limitada a los 32768 MB configurados); 32768 MB × (1 + 0.5) = ' +
      '49152 MB; ⌈49152 MB / 1024⌉ = ⌈48⌉ = 48 GB',
  ],
  [
    'recorded disk',
    app01.disk,
    '30 GB in use recorded; 30 GB × (1 + 0.5) = 45 GB; ⌈45 GB / 5⌉ × 5 = 9 × 5 = 45 GB',
    '30 GB en uso registrados; 30 GB × (1 + 0.5) = 45 GB; ⌈45 GB / 5⌉ × 5 = 9 × 5 = 45 GB',
  ],
  [
    'provisioned disk',
    db01.disk,
    'provisioned 80 GB: ⌈80 GB / 5⌉ × 5 = 16 × 5 = 80 GB',
    '80 GB aprovisionados: ⌈80 GB / 5⌉ × 5 = 16 × 5 = 80 GB',
  ],
  [
    'allocated CPU, none recorded',
    db01.cpu,
    'allocated (no CPU use recorded): 8 vCPU',
    'asignado (sin uso de CPU registrado): 8 vCPU',
  ],
  [
    'allocated CPU, powered off',
    old01.cpu,
    'allocated (powered off: nothing recorded): 8 vCPU',
    'asignado (apagada: nada registrado): 8 vCPU',
  ],
  [
    'allocated CPU by setting',
    sizeFromAllocation(server(), defaultSettings({ allocation: { cpu: 'allocated' } }), undefined).sizing.cpu,
    'allocated: 4 vCPU',
    'asignado: 4 vCPU',
  ],
  ['allocated memory', old01.memory, 'allocated: ⌈32768 MB / 1024⌉ = 32 GB', 'asignado: ⌈32768 MB / 1024⌉ = 32 GB'],
];

for (const [name, sized, english, spanish] of cases) {
  test(`the ${name} formula: English as the sizing wrote it, Spanish with the same figures`, () => {
    assert.ok(sized?.formulaStep, 'the sizing gives the formula its step');
    assert.equal(sized.formula, english);
    assert.equal(formulaText(sized, en), english);
    assert.equal(formulaText(sized, es), spanish);
  });
}

test("the worked example's formulas: English unchanged, Spanish for every VM from plan.json", () => {
  const plan = realAseguradoraPlan();
  const sized = plan.vms.flatMap((v) => Object.values(v.sizing).filter((s): s is ResourceSizing => 'formula' in s));
  assert.equal(sized.length, 40);
  for (const s of sized) {
    assert.ok(s.formulaStep, s.formula);
    assert.equal(formulaText(s, en), s.formula);
    assert.doesNotMatch(formulaText(s, es), /cores|not rounded|peak|minimum|multiple/);
  }
  const archivos = plan.vms.find((v) => v.name === 'archivos')!.sizing;
  assert.deepEqual(
    [archivos.cpu, archivos.memory, archivos.disk, archivos.network].map((s) => formulaText(s!, es)),
    [
      '⌈4 núcleos × 23.66 % / 100⌉ = ⌈0.95⌉ = 1',
      '526.07 MB × (1 + 0.5) = 789.11 MB; ⌈789.11 MB / 1024⌉ = ⌈0.77⌉ = 1 GB',
      '47.87 GB × (1 + 0.5) = 71.81 GB; ⌈71.81 GB / 5⌉ × 5 = 15 × 5 = 75 GB',
      '359.29 MB/s (sin redondear)',
    ],
  );
});

test('a formula without its step, or with a step the catalogue does not know, stays as the sizing wrote it', () => {
  const sized = sizeVcpu(demand(31.69), 4, 1);
  const { formulaStep, ...before } = sized;
  assert.equal(formulaText(before, es), sized.formula);
  assert.equal(formulaText({ ...sized, formulaStep: { code: 'unknown', params: {} } }, es), sized.formula);
  const led = {
    code: 'recorded-cpu',
    params: { usedMhz: 1, maxMhz: 2, pct: 50, leadsTo: { code: 'unknown', params: {} } },
  };
  assert.equal(formulaText({ ...sized, formulaStep: led }, es), sized.formula);
  assert.equal(formulaStep?.code, 'vcpu');
});
