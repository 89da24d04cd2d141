// Guest devices from libosinfo's osinfo-db (method §8): the OS strings of real RVTools exports
// map to osinfo short ids; Windows Server 2022 gets q35 + virtio + UEFI under the osinfo
// policy and IDE + rtl8139 under rhev-2.2; the bundled fallback gives the same devices for the
// common guests and says it is the fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readInventory } from '../../src/ingest/read-inventory.ts';
import { readOsInfoDb } from '../../src/ingest/osinfo/read-osinfo-db.ts';
import { guestDevices, osinfoDevices } from '../../src/provision/guest-policy.ts';
import { osCandidate, resolveShortId } from '../../src/provision/os-match.ts';
import { fallbackOsInfoDb } from '../../src/provision/osinfo-fallback.ts';
import { inCi, sharedFile, sharedSkip } from '../helpers/env.ts';

const OSINFO = '/usr/share/osinfo';
const dbSkip = existsSync(`${OSINFO}/os`)
  ? false
  : inCi
    ? assert.fail('osinfo-db is required under CI=true (.ci/run installs it)')
    : 'osinfo-db not installed';
const db = dbSkip ? null : readOsInfoDb(OSINFO);

// Every OS string of the two shared RVTools samples, and the osinfo-db 20221203 id it names.
const SAMPLE_OS: [string, string][] = [
  ['Amazon Linux 2 (64-bit)', 'linux2016'],
  ['Red Hat Fedora (32-bit)', 'fedora-unknown'],
  ['Debian GNU/Linux 9 (64-bit)', 'debian9'],
  ['Red Hat Enterprise Linux 9 (64-bit)', 'rhel9-unknown'],
  ['Debian GNU/Linux 7 (64-bit)', 'debian7'],
  ['Red Hat Enterprise Linux 8 (64-bit)', 'rhel8-unknown'],
  ['Microsoft Windows Server 2008 R2 (64-bit)', 'win2k8r2'],
  ['Microsoft Windows Server 2012 (64-bit)', 'win2k12'],
  ['CentOS 4/5/6/7 (64-bit)', 'centos7'],
  ['Microsoft Windows 7 (64-bit)', 'win7'],
  ['Microsoft Windows XP Professional (32-bit)', 'winxp'],
  ['Other 2.6.x Linux (64-bit)', 'linux2016'],
  ['Red Hat Enterprise Linux 6 (64-bit)', 'rhel6-unknown'],
  ['Microsoft Windows Server 2008 (64-bit)', 'win2k8'],
  ['Microsoft Windows Server 2003 Standard (32-bit)', 'win2k3'],
  ['Microsoft Windows Server 2016 (64-bit)', 'win2k16'],
  ['Microsoft Windows Server 2003 (64-bit)', 'win2k3'],
  ['Microsoft Windows Server 2003 Standard (64-bit)', 'win2k3'],
  ['Microsoft Windows Server 2003 (32-bit)', 'win2k3'],
  ['SUSE Linux Enterprise 11 (64-bit)', 'sles11'],
  ['Other 3.x or later Linux (64-bit)', 'linux2016'],
  ['Red Hat Enterprise Linux 5 (64-bit)', 'rhel5.11'],
  ['FreeBSD (64-bit)', 'freebsd13.1'],
];
const SAMPLES = ['kubev2v_example1.xlsx', 'nutanix_workshop_SizingWorkshop-RVTools.xlsx'];

test('the table covers every OS string of the shared RVTools samples', {
  skip: sharedSkip(`samples/rvtools/${SAMPLES[1]}`),
}, async () => {
  const seen = new Set<string>();
  for (const f of SAMPLES) {
    const file = sharedFile(`samples/rvtools/${f}`);
    if (!file) continue;
    for (const s of (await readInventory(file)).servers) if (s.os) seen.add(s.os);
  }
  assert.deepEqual([...seen].sort(), SAMPLE_OS.map(([os]) => os).sort());
});

for (const [os, id] of SAMPLE_OS) {
  test(`osinfo-db: "${os}" → ${id}`, { skip: dbSkip }, () => {
    assert.equal(resolveShortId(osCandidate(os)!, db!)?.id, id);
  });
}

test('a newer minor than the database knows falls back to its newest known minor', { skip: dbSkip }, () => {
  assert.equal(resolveShortId(osCandidate('Red Hat Enterprise Linux 9.9')!, db!)?.id, 'rhel9-unknown');
  assert.equal(resolveShortId(osCandidate('Red Hat Enterprise Linux 9.1')!, db!)?.id, 'rhel9.1');
  assert.equal(osCandidate('Solaris 10 (SPARC)'), null);
});

const OSINFO_POLICY = { diskBus: 'auto', nicModel: 'auto', guestPolicy: 'osinfo' } as const;
const RHEV_POLICY = { diskBus: 'auto', nicModel: 'auto', guestPolicy: 'rhev-2.2' } as const;
const WS2022 = 'Microsoft Windows Server 2022 (64-bit)';

test('Windows Server 2022: q35 + virtio + UEFI under the osinfo policy, IDE + rtl8139 under rhev-2.2', () => {
  for (const source of [db, fallbackOsInfoDb()]) {
    if (!source) continue;
    const modern = guestDevices(WS2022, OSINFO_POLICY, source);
    assert.equal(modern.machine, 'q35', source.source);
    assert.equal(modern.diskBus, 'virtio');
    assert.equal(modern.nicModel, 'virtio');
    assert.equal(modern.firmware, 'efi');
    assert.equal(modern.paravirt, true);
    assert.deepEqual(modern.osinfo, { id: 'win2k22', source: source.source });
    const old = guestDevices(WS2022, RHEV_POLICY, source);
    assert.deepEqual([old.machine, old.diskBus, old.nicModel, old.firmware], [null, 'ide', 'rtl8139', null]);
  }
});

// Common guests the fallback must treat as the database does (devices, not ids).
const COMMON = [
  WS2022,
  'Microsoft Windows Server 2019 (64-bit)',
  'Microsoft Windows Server 2016 (64-bit)',
  'Microsoft Windows Server 2012 R2 (64-bit)',
  'Microsoft Windows Server 2008 R2 (64-bit)',
  'Microsoft Windows Server 2003 Standard (32-bit)',
  'Microsoft Windows 10 (64-bit)',
  'Microsoft Windows 11 (64-bit)',
  'Red Hat Enterprise Linux 9 (64-bit)',
  'Red Hat Enterprise Linux 8 (64-bit)',
  'Red Hat Enterprise Linux 7 (64-bit)',
  'CentOS 7 (64-bit)',
  'Debian GNU/Linux 11 (64-bit)',
  'Ubuntu Linux 22.04 (64-bit)',
  'Other 3.x or later Linux (64-bit)',
  'Red Hat Enterprise Linux 5 (64-bit)',
  'Debian GNU/Linux 7 (64-bit)',
];

test('the fallback gives the same devices as osinfo-db for the common guests, and says it is the fallback', {
  skip: dbSkip,
}, () => {
  const fb = fallbackOsInfoDb();
  for (const os of COMMON) {
    const a = osinfoDevices(os, db!);
    const b = osinfoDevices(os, fb);
    const devices = (d: typeof a) => [d.machine, d.diskBus, d.nicModel, d.firmware, d.paravirt, d.family];
    assert.deepEqual(devices(b), devices(a), os);
    assert.equal(b.osinfo?.source, 'fallback', os);
    assert.equal(a.osinfo?.source, 'osinfo-db', os);
  }
});

test('old guests keep what they can run: Windows Server 2003 on i440fx with IDE and e1000', () => {
  const d = osinfoDevices('Microsoft Windows Server 2003 Standard (32-bit)', fallbackOsInfoDb());
  assert.deepEqual([d.machine, d.diskBus, d.nicModel, d.firmware, d.paravirt], ['pc', 'ide', 'e1000', null, false]);
});
