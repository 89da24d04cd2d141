import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveHost, growHostSpec, type DerivedHost } from '../../src/sizing/derive-host.ts';
import { chooseCpuShape, chooseMemorySizeGb, nextMemorySizeGb } from '../../src/sizing/host-shapes.ts';
import { defaultSettings } from '../helpers/settings.ts';
import type { ProjectInput } from '../../src/domain/project.ts';
import { EXAMPLE } from './worked-example.ts';

const exampleVms = EXAMPLE.map((r) => r.vm);
const exampleGhz = [3.06, 3.06, 2, 2, 2, 3, 3, 2, 2, 2];
const settingsWith = (cluster: ProjectInput['cluster'] = {}, hypervisor: ProjectInput['hypervisor'] = {}) =>
  defaultSettings({ cluster, hypervisor });

function derived(result: ReturnType<typeof deriveHost>): DerivedHost {
  assert.equal(result.reason, null, result.reason?.message);
  return result.host!;
}

test('the worked example derives table 2.8: 2 × 4 cores, 2 GHz, 32 GB, 3 NICs @ 4 Gbps', () => {
  const host = derived(deriveHost(exampleVms, exampleGhz, settingsWith({ hostCount: 2 }), 2));
  const { derivation, derivationSteps, ...model } = host;
  assert.equal(derivationSteps.length, derivation.length);
  assert.deepEqual(model, {
    name: 'derived',
    sockets: 2,
    coresPerSocket: 4,
    threadsPerCore: 2,
    cpuGhz: 2,
    memoryGb: 32,
    nics: 3,
    nicGbps: 4,
    localDiskMb: 149504,
    price: 0,
    watts: 0,
  });
  assert.match(derivation[0]!, /^N\+1 with 2 hosts: one survivor carries 16 vCPU; .* → failover binds: 16 vCPU$/);
  assert.equal(
    derivation[1],
    '16 vCPU / 2 vCPU per core = 8 cores → 2 sockets × 4 cores (smallest standard shape with ≥ 8 cores; 2 sockets ' +
      'preferred)',
  );
  assert.match(
    derivation[2]!,
    /one survivor carries 31 GB of VMs.*\+ 0\.5 GB \(512 MB\) hypervisor reserve = 31\.5 GB → 32 GB/,
  );
  assert.match(derivation[3]!, /^clock 2 GHz: the slowest source server/);
  assert.equal(derivation[4], 'NICs: 2 bonded management/storage + 1 data = 3 @ 4 Gbps');
});

test('derivation does not depend on the order of the VMs or of the source clocks', () => {
  const settings = settingsWith();
  const reference = derived(deriveHost(exampleVms, exampleGhz, settings, 2));
  const reversed = derived(deriveHost([...exampleVms].reverse(), [...exampleGhz].reverse(), settings, 2));
  const rotated = derived(
    deriveHost(
      [...exampleVms.slice(3), ...exampleVms.slice(0, 3)],
      [...exampleGhz.slice(5), ...exampleGhz.slice(0, 5)],
      settings,
      2,
    ),
  );
  assert.deepEqual(reversed, reference);
  assert.deepEqual(rotated, reference);
});

test('shape choice: smallest core count, ties to the preferred socket count', () => {
  const shapes = [
    { sockets: 1, coresPerSocket: 8 },
    { sockets: 4, coresPerSocket: 2 },
    { sockets: 2, coresPerSocket: 4 },
    { sockets: 1, coresPerSocket: 4 },
    { sockets: 2, coresPerSocket: 6 },
  ];
  const hv = defaultSettings().hypervisor;
  const cases: [number, number, [number, number] | null][] = [
    // min cores, preferred sockets, chosen
    [8, 2, [2, 4]],
    [8, 1, [1, 8]],
    [8, 4, [4, 2]],
    [8, 3, [2, 4]], // nearest to 3 sockets: 2 and 4 tie at distance 1 → fewer sockets
    [5, 2, [2, 4]],
    [4, 2, [1, 4]],
    [0, 2, [1, 4]],
    [9, 2, [2, 6]],
    [13, 2, null],
  ];
  for (const [cores, preferredSockets, expected] of cases) {
    const cluster = settingsWith({ cpuShapes: shapes, preferredSockets }).cluster;
    const shape = chooseCpuShape(cores, cluster, hv);
    assert.deepEqual(
      shape ? [shape.sockets, shape.coresPerSocket] : null,
      expected,
      `${cores} cores, prefer ${preferredSockets}`,
    );
    // order of the list does not matter
    const reversed = chooseCpuShape(cores, { ...cluster, cpuShapes: [...shapes].reverse() }, hv);
    assert.deepEqual(reversed, shape);
  }
  // the hypervisor's CPU limit removes larger shapes
  assert.equal(chooseCpuShape(9, settingsWith({ cpuShapes: shapes }).cluster, { ...hv, maxHostCpus: 8 }), null);
});

test('memory size: the next standard size, exact sizes kept, within the hypervisor limit', () => {
  const { cluster, hypervisor } = defaultSettings();
  const cases: [number, number | null][] = [
    [31.5, 32],
    [32, 32],
    [32.000000000001, 32], // float noise
    [32.01, 48],
    [0.5, 4],
    [1024, 1024],
    [1025, null], // 1536 exceeds RHEV-H's 1 TB
  ];
  for (const [gb, expected] of cases) assert.equal(chooseMemorySizeGb(gb, cluster, hypervisor), expected, `${gb} GB`);
  assert.equal(nextMemorySizeGb(32, cluster, hypervisor), 48);
  assert.equal(nextMemorySizeGb(1024, cluster, hypervisor), null);
});

test('N+k requirement: survivors, normal ceiling and largest VM', () => {
  const vms = (vcpus: number[], memoryGb = 4) => vcpus.map((vcpu) => ({ vcpu, memoryGb, diskGb: 10 }));
  const cases: {
    vms: ReturnType<typeof vms>;
    n: number;
    cluster?: ProjectInput['cluster'];
    cores: number;
    memoryGb: number;
  }[] = [
    // 16 vCPU, 3 hosts N+1: ⌈16/2⌉ = 8 → 4 cores → 1 × 4; memory 4 × 8 / 2 = 16 + 0.5 → 24
    { vms: vms([2, 2, 2, 2, 2, 2, 2, 2]), n: 3, cores: 4, memoryGb: 24 },
    // N+0: normal ceiling binds: ⌈16/2⌉ = 8 / 0.75 = 10.67 → 6 cores → 1 × 6
    { vms: vms([2, 2, 2, 2, 2, 2, 2, 2]), n: 2, cluster: { redundancy: 0 }, cores: 6, memoryGb: 24 },
    // N+2 on 4 hosts: 2 survivors carry 8 each → 4 cores
    { vms: vms([2, 2, 2, 2, 2, 2, 2, 2]), n: 4, cluster: { redundancy: 2 }, cores: 4, memoryGb: 24 },
    // largest VM binds: 12 vCPU at 75 % = 16 → 8 cores
    { vms: vms([12, 1, 1]), n: 10, cores: 8, memoryGb: 8 },
    // failover ceiling 80 %: 16 / 0.8 = 20 vCPU → 10 cores → 2 × 6 (12 cores; no 10-core shape)
    { vms: vms([8, 8]), n: 2, cluster: { failoverCeilingPct: 80 }, cores: 12, memoryGb: 12 },
    // memory overcommit 2: 8 × 4 GB / 1 survivor / 2 = 16 + 0.5 → 24 (largest VM 4 GB)
    { vms: vms([1, 1, 1, 1, 1, 1, 1, 1]), n: 2, cluster: { memoryOvercommit: 2 }, cores: 4, memoryGb: 24 },
  ];
  for (const c of cases) {
    const host = derived(deriveHost(c.vms, [2], settingsWith(c.cluster), c.n));
    assert.deepEqual(
      [host.sockets * host.coresPerSocket, host.memoryGb],
      [c.cores, c.memoryGb],
      `${JSON.stringify(c.cluster ?? {})} n=${c.n}`,
    );
  }
});

test('clock: minCpuGhz wins over the slowest source; no clock at all is a reason', () => {
  assert.equal(derived(deriveHost(exampleVms, exampleGhz, settingsWith({ minCpuGhz: 2.66 }), 2)).cpuGhz, 2.66);
  assert.equal(derived(deriveHost(exampleVms, [null, 3, 2.5], settingsWith(), 2)).cpuGhz, 2.5);
  assert.match(deriveHost(exampleVms, [null], settingsWith(), 2).reason!.message, /minCpuGhz/);
});

test('settings flow into the model: NICs, threads, disk, name, price, watts, family', () => {
  const host = derived(
    deriveHost(
      exampleVms,
      exampleGhz,
      settingsWith({
        managementNics: 4,
        dataNics: 2,
        nicGbps: 10,
        threadsPerCore: 1,
        modelName: 'R710',
        price: 5200,
        watts: 270,
        cpuFamily: 'westmere',
      }),
      2,
    ),
  );
  assert.deepEqual(
    [host.nics, host.nicGbps, host.threadsPerCore, host.name, host.price, host.watts, host.cpuFamily],
    [6, 10, 1, 'R710', 5200, 270, 'westmere'],
  );
});

test('infeasible: too few hosts for N+k, no shape or memory within the hypervisor limits', () => {
  const one = deriveHost(exampleVms, exampleGhz, settingsWith(), 1);
  assert.deepEqual(
    [one.host, one.reason?.code, one.reason?.message],
    [null, 'exceeds-host-capacity', 'N+1 needs at least 2 hosts; the cluster has 1'],
  );
  const big = Array.from({ length: 20 }, () => ({ vcpu: 16, memoryGb: 64, diskGb: 10 }));
  const cpu = deriveHost(big, [2], settingsWith(), 2);
  assert.match(cpu.reason!.message, /needs 160 cores .* RHEV-H 2\.2's 64 CPUs per node/);
  const memoryHeavy = big.map((vm) => ({ ...vm, vcpu: 1 }));
  const mem = deriveHost(memoryHeavy, [2], settingsWith(), 2);
  assert.equal(
    mem.reason?.message,
    "a host needs 1280.5 GB; no standard memory size within RHEV-H 2.2's 1024 GB per node: add hosts",
  );
});

test('local storage: VM disks and partitions must fit the local disk', () => {
  const ok = deriveHost(exampleVms, exampleGhz, settingsWith({ storage: 'local', localDiskMb: 1_000_000 }), 2);
  assert.match(
    ok.host!.derivation.at(-1)!,
    /^storage local: 675 GB of VM disks \+ 76343 MB hypervisor partitions = 767543 MB of 1000000 MB$/,
  );
  const tooSmall = deriveHost(exampleVms, exampleGhz, settingsWith({ storage: 'local' }), 2);
  assert.match(tooSmall.reason!.message, /does not fit/);
});

test('growHostSpec: the next larger standard spec in one resource', () => {
  const settings = settingsWith();
  const host = derived(deriveHost(exampleVms, exampleGhz, settings, 2));
  const cpu = growHostSpec(host, 'cpu', settings)!;
  assert.deepEqual([cpu.sockets, cpu.coresPerSocket, cpu.memoryGb], [2, 6, 32]);
  assert.match(cpu.derivation.at(-1)!, /2 × 4 → 2 sockets × 6 cores/);
  const mem = growHostSpec(host, 'memory', settings)!;
  assert.deepEqual([mem.sockets, mem.coresPerSocket, mem.memoryGb], [2, 4, 48]);
  assert.equal(host.derivation.length + 1, mem.derivation.length); // the original is untouched
  assert.equal(
    growHostSpec({ ...host, sockets: 4, coresPerSocket: 32 }, 'cpu', settingsWith({}, { maxHostCpus: 128 })),
    null,
  );
  assert.equal(growHostSpec({ ...host, memoryGb: 1024 }, 'memory', settings), null);
});
