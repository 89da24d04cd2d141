// The profile's supported guest list (method §12): which placed guests fall outside it, and
// migration.md naming them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileId } from '../../src/domain/hypervisor-profiles.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { unsupportedGuests } from '../../src/provision/guest-support.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { aseguradoraPlan, planVm } from './fixtures/aseguradora-plan.ts';
import { build } from './fixtures/provision-fixtures.ts';

function planWith(profile: ProfileId, guests: [string, string | null][]): Plan {
  const plan = aseguradoraPlan();
  if (profile !== 'rhev-2.2') plan.settings = defaultSettings({ project: 'aseguradora', hypervisor: { profile } });
  for (const [name, os] of guests) {
    plan.vms.push(planVm({ name, sourceServer: name, os, host: 'host2', vcpu: 1, memoryGb: 1, diskGb: 10 }));
    plan.hosts[1]!.vms.push(name);
  }
  return plan;
}

// [profile, OS string, outside the list?, osinfo id]
const CASES: [ProfileId, string | null, boolean, string | null][] = [
  ['rhel-9', 'Microsoft Windows Server 2022 (64-bit)', false, 'win2k22'],
  ['rhel-9', 'Red Hat Enterprise Linux 8 (64-bit)', false, 'rhel8'],
  ['rhel-9', 'Microsoft Windows Server 2012 R2 (64-bit)', true, 'win2k12r2'],
  ['rhel-9', 'Microsoft Windows Server 2003 Standard (32-bit)', true, 'win2k3'],
  ['rhel-9', 'Red Hat Enterprise Linux 6 (64-bit)', true, 'rhel6'],
  ['rhel-9', null, true, null],
  ['rhev-2.2', 'Microsoft Windows Server 2008 R2 (64-bit)', false, 'win2k8r2'],
  ['rhev-2.2', 'Microsoft Windows Server 2022 (64-bit)', true, 'win2k22'],
  ['generic', 'Microsoft Windows Server 2003 Standard (32-bit)', false, 'win2k3'],
  ['proxmox-8', 'Microsoft Windows XP Professional (32-bit)', false, 'winxp'],
];

for (const [profile, os, outside, id] of CASES) {
  test(`${profile}: ${os ?? 'no OS'} is ${outside ? 'outside' : 'within'} the supported guests`, () => {
    const found = unsupportedGuests(planWith(profile, [['g', os]])).filter((u) => u.vm === 'g');
    assert.deepEqual(found, outside ? [{ vm: 'g', os, osinfoId: id }] : []);
  });
}

test("the worked example under rhev-2.2: the SLES 10 and Debian 5 guests are outside RHEV 2.2's list", () => {
  const plan = aseguradoraPlan();
  assert.equal(plan.settings.hypervisor.profile, 'rhev-2.2');
  assert.deepEqual(
    unsupportedGuests(plan).map((g) => [g.vm, g.osinfoId]),
    [
      ['archivos', 'sles10'],
      ['vpn', 'debian5'],
    ],
  );
  const md = build(plan).files.find((f) => f.name === 'migration/migration.md')!.data;
  assert.match(md, /## Guests outside rhev-2.2's supported list/);
  assert.match(md, /\| archivos \| SUSE Linux Enterprise Server 10 \| sles10 \|/);
});

test("migration.md names the guests outside rhel-9's list, client text escaped", () => {
  const plan = planWith('rhel-9', [
    ['old-dc', 'Microsoft Windows Server 2003 Standard (32-bit)'],
    ['new-web', 'Microsoft Windows Server 2022 (64-bit)'],
  ]);
  const md = build(plan).files.find((f) => f.name === 'migration/migration.md')!.data;
  assert.match(md, /## Guests outside rhel-9's supported list/);
  assert.match(md, /\| old-dc \| Microsoft Windows Server 2003 Standard \(32-bit\) \| win2k3 \|/);
  assert.doesNotMatch(md, /\| new-web \| Microsoft Windows Server 2022/);
});
