// The per-VM memory overhead (method §5.1, §12): its formula per profile, its override in
// capplan.yaml, and its effect on the derived host, on placement and on the host's load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hostMemoryGb, vmOverheadMb } from '../../src/sizing/vm-overhead.ts';
import { deriveHost } from '../../src/sizing/derive-host.ts';
import { PROFILE_IDS, type ProfileId } from '../../src/domain/hypervisor-profiles.ts';
import { parsePlan } from '../../src/domain/plan.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { cliBin, repoRoot } from '../helpers/env.ts';
import { EXAMPLE } from './worked-example.ts';

// [profile, vCPU, guest GB, overhead MB]: 64 + 8 × vCPU + 2 × GB under the QEMU/KVM profiles
// (oVirt's VmOverheadCalculatorImpl), nothing under rhev-2.2.
const CASES: [ProfileId, number, number, number][] = [
  ['generic', 2, 4, 88],
  ['generic', 1, 1, 74],
  ['generic', 16, 64, 320],
  ['rhel-9', 8, 32, 192],
  ['proxmox-8', 4, 16, 128],
  ['rhev-2.2', 2, 4, 0],
  ['rhev-2.2', 16, 256, 0],
];

for (const [profile, vcpu, memoryGb, mb] of CASES) {
  test(`${profile}: a ${vcpu} vCPU, ${memoryGb} GB VM takes ${mb} MB beyond its guest RAM`, () => {
    const hv = defaultSettings({ hypervisor: { profile } }).hypervisor;
    assert.equal(vmOverheadMb({ vcpu, memoryGb }, hv), mb);
    assert.equal(hostMemoryGb({ vcpu, memoryGb }, hv), memoryGb + mb / 1024);
  });
}

test('every profile sets the three overhead fields; capplan.yaml overrides one field and keeps the others', () => {
  for (const profile of PROFILE_IDS) {
    const hv = defaultSettings({ hypervisor: { profile } }).hypervisor;
    for (const f of ['vmOverheadFixedMb', 'vmOverheadMbPerVcpu', 'vmOverheadMbPerGuestGb'] as const)
      assert.equal(typeof hv[f], 'number', `${profile}.${f}`);
  }
  const hv = defaultSettings({ hypervisor: { profile: 'rhel-9', vmOverheadFixedMb: 100 } }).hypervisor;
  assert.deepEqual([hv.vmOverheadFixedMb, hv.vmOverheadMbPerVcpu, hv.vmOverheadMbPerGuestGb], [100, 8, 2]);
  assert.throws(() => defaultSettings({ hypervisor: { vmOverheadMbPerVcpu: -1 } }), /vmOverheadMbPerVcpu/);
});

const exampleVms = EXAMPLE.map((r) => r.vm);
const exampleGhz = [3.06, 3.06, 2, 2, 2, 3, 3, 2, 2, 2];

test('rhev-2.2 keeps table 2.8: 31 GB + 0.5 GB reserve → 32 GB, and no overhead line', () => {
  const host = deriveHost(exampleVms, exampleGhz, defaultSettings({ cluster: { hostCount: 2 } }), 2).host!;
  assert.equal(host.memoryGb, 32);
  assert.ok(!host.derivation.some((l) => l.includes('overhead')), host.derivation.join('\n'));
});

test('the derived host carries the overhead: 10 VMs × 512 MB fixed move the example from 32 to 48 GB', () => {
  const settings = defaultSettings({ cluster: { hostCount: 2 }, hypervisor: { vmOverheadFixedMb: 512 } });
  const host = deriveHost(exampleVms, exampleGhz, settings, 2).host!;
  // One survivor: 31 GB of guests + 10 × 0.5 GB overhead + 0.5 GB reserve = 36.5 GB → 48 GB.
  assert.equal(host.memoryGb, 48);
  assert.ok(
    host.derivation.includes(
      "memory per VM includes the hypervisor's per-VM overhead (512 MB + 0 MB per vCPU + 0 MB per guest GB " +
        'per VM): 5 GB for 10 VMs',
    ),
    host.derivation.join('\n'),
  );
  assert.ok(
    host.derivation.some((l) => l.includes('36 GB') && l.includes('36.5 GB')),
    host.derivation.join('\n'),
  );
});

test('capplan plan places with the overhead: the hosts carry guest RAM + overhead, set in capplan.yaml', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-overhead-'));
  cpSync(path.join(repoRoot, 'fixtures/aseguradora'), dir, { recursive: true });
  const yamlFile = path.join(dir, 'capplan.yaml');
  const yaml = readFileSync(yamlFile, 'utf8').replace(
    '  reserveMb: 512 ',
    '  vmOverheadFixedMb: 512\n  reserveMb: 512 ',
  );
  writeFileSync(yamlFile, yaml);
  const r = spawnSync('node', [cliBin, 'plan', dir, '--out', path.join(dir, 'out')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const plan = parsePlan(readFileSync(path.join(dir, 'out/plan.json'), 'utf8'), 'plan.json');
  assert.equal(plan.settings.hypervisor.vmOverheadFixedMb, 512);
  assert.deepEqual(
    plan.hosts.map((h) => h.memoryGb),
    [48, 48],
  );
  for (const h of plan.hosts) {
    const guests = plan.vms.filter((v) => v.host === h.name).reduce((a, v) => a + v.memoryGb, 0);
    assert.equal(h.load.memoryGb, guests + h.vms.length * 0.5, h.name);
  }
  // The VMs themselves keep table 2.7: the overhead is the host's, not the guest's.
  assert.equal(plan.vms.find((v) => v.name === 'nomina')!.memoryGb, 4);
});
