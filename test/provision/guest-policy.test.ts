import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guestDevices } from '../../src/provision/guest-policy.ts';
import { fallbackOsInfoDb } from '../../src/provision/osinfo-fallback.ts';

// The RHEV 2.2 policy (profile rhev-2.2): no machine type, firmware or paravirtual extras.
const AUTO = { diskBus: 'auto', nicModel: 'auto', guestPolicy: 'rhev-2.2' } as const;
const RHEV = { machine: null, firmware: null, paravirt: false, osinfo: null };
const db = fallbackOsInfoDb();

// The ten guests of method §2.1 plus edge cases: method §8.
const CASES: [string | null, string, string, string][] = [
  ['Windows Server 2008 Enterprise', 'windows', 'ide', 'rtl8139'],
  ['Windows Server 2008 R2 Standard', 'windows', 'ide', 'rtl8139'],
  ['Red Hat Enterprise Linux 5.4', 'linux-virtio', 'virtio', 'virtio'],
  ['Red Hat Enterprise Linux 5.3', 'linux-virtio', 'virtio', 'virtio'],
  ['Red Hat Enterprise Linux 4.8', 'linux-virtio', 'virtio', 'virtio'],
  ['Red Hat Enterprise Linux 4.7', 'linux', 'ide', 'e1000'],
  ['CentOS 7', 'linux-virtio', 'virtio', 'virtio'],
  ['SUSE Linux Enterprise Server 10', 'linux', 'ide', 'e1000'],
  ['Debian GNU/Linux 5.0', 'linux', 'ide', 'e1000'],
  ['Solaris 10', 'unknown', 'ide', 'rtl8139'],
  [null, 'unknown', 'ide', 'rtl8139'],
];

for (const [os, family, diskBus, nicModel] of CASES) {
  test(`guest policy: ${os ?? '(no OS)'} → ${diskBus} disk, ${nicModel} NIC`, () => {
    assert.deepEqual(guestDevices(os, AUTO, db), { family, diskBus, nicModel, ...RHEV });
  });
}

test('settings override the policy', () => {
  const forced = { diskBus: 'virtio', nicModel: 'e1000', guestPolicy: 'rhev-2.2' } as const;
  assert.deepEqual(guestDevices('Windows Server 2008 Enterprise', forced, db), {
    family: 'windows',
    diskBus: 'virtio',
    nicModel: 'e1000',
    ...RHEV,
  });
});
