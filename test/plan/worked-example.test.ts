// The worked example (method §2, tables 2.7, 2.8, 2.13) must be reproduced exactly:
// `capplan plan fixtures/aseguradora`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, cliBin } from '../helpers/env.ts';
import { parsePlan, type Plan } from '../../src/domain/plan.ts';

const bin = cliBin;

function runPlan(out: string) {
  return spawnSync('node', [bin, 'plan', path.join(repoRoot, 'fixtures/aseguradora'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

const out1 = mkdtempSync(path.join(tmpdir(), 'capplan-we-'));
const run1 = runPlan(out1);
const plan: Plan = parsePlan(readFileSync(path.join(out1, 'plan.json'), 'utf8'), 'plan.json');

test('the plan command exits 0 and prints a summary', () => {
  assert.equal(run1.status, 0, run1.stderr);
  assert.match(run1.stdout, /N\+1/);
});

// Table 2.7: the VM each server becomes.
const table27: [string, number, number, number, number][] = [
  ['nomina', 2, 4, 100, 1],
  ['web', 2, 3, 50, 2],
  ['base-datos', 2, 4, 90, 1],
  ['archivos', 1, 1, 75, 1],
  ['vpn', 1, 1, 40, 2],
  ['negocio-1', 2, 4, 120, 1],
  ['negocio-2', 2, 4, 40, 1],
  ['intranet', 2, 4, 45, 1],
  ['propietario-1', 1, 3, 40, 1],
  ['propietario-2', 1, 3, 75, 1],
];

for (const [name, vcpu, memoryGb, diskGb, nics] of table27) {
  test(`table 2.7: ${name} = ${vcpu} vCPU, ${memoryGb} GB, ${diskGb} GB, ${nics} vNIC`, () => {
    const vm = plan.vms.find((v) => v.name === name);
    assert.ok(vm, `${name} missing`);
    assert.deepEqual([vm.vcpu, vm.memoryGb, vm.diskGb, vm.nics, vm.status], [vcpu, memoryGb, diskGb, nics, 'placed']);
    assert.deepEqual(vm.reasons, []);
  });
}

test('totals: 16 vCPU, 31 GB, 675 GB, ten servers all placed', () => {
  assert.equal(plan.formatVersion, 1);
  assert.equal(plan.vms.length, 10);
  assert.deepEqual(plan.totals, {
    vcpu: 16,
    memoryGb: 31,
    diskGb: 675,
    servers: 10,
    placed: 10,
    excluded: 0,
    unplaced: 0,
  });
});

test('table 2.8: two hosts of 2 sockets × 4 cores, 2 GHz, 32 GB, 3 NICs at 4 Gbps', () => {
  assert.equal(plan.hosts.length, 2);
  for (const h of plan.hosts) {
    assert.deepEqual(
      [h.sockets, h.coresPerSocket, h.threadsPerCore, h.cpuGhz, h.memoryGb, h.nics, h.nicGbps, h.localDiskMb],
      [2, 4, 2, 2, 32, 3, 4, 149504],
    );
  }
  const placed = plan.hosts.flatMap((h) => h.vms).sort();
  assert.deepEqual(placed, table27.map((r) => r[0]).sort());
  assert.equal(plan.placement.hostsUsed, 2);
});

test('in normal operation every host stays under the 75 % CPU ceiling', () => {
  for (const h of plan.hosts) {
    assert.ok(h.load.cpuPct <= 75, `${h.name} at ${h.load.cpuPct} %`);
    assert.equal(
      h.load.vcpu,
      plan.vms.filter((v) => v.host === h.name).reduce((a, v) => a + v.vcpu, 0),
    );
  }
});

test('N+1 holds: either host alone carries all ten VMs (16 vCPU, 31 GB)', () => {
  assert.equal(plan.redundancy.policy, 'N+1');
  assert.equal(plan.redundancy.satisfied, true);
  assert.equal(plan.redundancy.scenarios.length, 2);
  for (const s of plan.redundancy.scenarios) {
    assert.equal(s.satisfied, true);
    assert.equal(s.failedHosts.length, 1);
    assert.equal(s.load.length, 1);
    assert.deepEqual([s.load[0]!.vcpu, s.load[0]!.memoryGb], [16, 31]);
    assert.ok(s.restarts.every((r) => r.to === s.load[0]!.host));
    // Restarts go in HA-priority order: high, then medium, then low.
    const order = s.restarts.map((r) => ({ high: 0, medium: 1, low: 2 })[r.haPriority]);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  }
});

test('table 2.13: swap 24576 MB, data 49152 MB, the layout fits 149504 MB', () => {
  for (const h of plan.hosts) {
    assert.deepEqual(h.partitions, {
      bootMb: 50,
      rootMb: 512,
      configMb: 5,
      loggingMb: 2048,
      swapMb: 24576,
      dataMb: 49152,
      totalMb: 50 + 512 + 5 + 2048 + 24576 + 49152,
      fits: true,
    });
  }
});

test('running twice gives byte-identical plan.json, plan.md and plan.xlsx', () => {
  const out2 = mkdtempSync(path.join(tmpdir(), 'capplan-we-'));
  const run2 = runPlan(out2);
  assert.equal(run2.status, 0, run2.stderr);
  for (const f of ['plan.json', 'plan.md', 'plan.xlsx']) {
    assert.ok(readFileSync(path.join(out1, f)).equals(readFileSync(path.join(out2, f))), `${f} differs`);
  }
});

test('the committed example output reports/aseguradora/ is what the README command writes now', () => {
  // Regenerate with the README's first command (npx capplan plan fixtures/aseguradora).
  const committed = path.join(repoRoot, 'reports/aseguradora');
  for (const f of readdirSync(out1).sort()) {
    assert.ok(
      readFileSync(path.join(out1, f)).equals(readFileSync(path.join(committed, f))),
      `reports/aseguradora/${f} is stale`,
    );
  }
  assert.deepEqual(readdirSync(committed).sort(), readdirSync(out1).sort());
});
