// `capplan provision` with osinfo-db out of reach (OSINFO_SYSTEM_DIR an empty folder) falls back
// to the bundled table: it says so on stderr and in each domain's metadata, and the common
// guests get the same devices as with the installed database (method §8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin } from '../helpers/env.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { aseguradoraPlan, planVm } from './fixtures/aseguradora-plan.ts';

const OSINFO = '/usr/share/osinfo';
const skip = existsSync(path.join(OSINFO, 'os')) || process.env.CI === 'true' ? false : `osinfo-db not at ${OSINFO}`;

const GUESTS: [string, string][] = [
  ['ws2022', 'Microsoft Windows Server 2022 (64-bit)'],
  ['ws2016', 'Microsoft Windows Server 2016 (64-bit)'],
  ['ws2008r2', 'Microsoft Windows Server 2008 R2 (64-bit)'],
  ['rhel9', 'Red Hat Enterprise Linux 9 (64-bit)'],
  ['rhel7', 'Red Hat Enterprise Linux 7 (64-bit)'],
  ['ubuntu', 'Ubuntu Linux 22.04 (64-bit)'],
  ['ws2003', 'Microsoft Windows Server 2003 Standard (32-bit)'],
];

function planFolder(): string {
  const plan = aseguradoraPlan();
  plan.settings = defaultSettings({ project: 'aseguradora', hypervisor: { profile: 'generic' } });
  for (const [name, os] of GUESTS) {
    plan.vms.push(planVm({ name, sourceServer: name, os, host: 'host2', vcpu: 2, memoryGb: 2, diskGb: 10 }));
    plan.hosts[1]!.vms.push(name);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-osinfo-fallback-'));
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  return dir;
}

function provision(dir: string, out: string, osinfoDir: string) {
  return spawnSync('node', [cliBin, 'provision', 'plan.json', '--out', out], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, OSINFO_SYSTEM_DIR: osinfoDir },
  });
}

/** The device choices of a domain XML: machine, firmware, disk bus, NIC model, agent channel. */
function devices(xml: string): string[] {
  return [
    /machine="([^"]+)"/.exec(xml)?.[1] ?? 'none',
    /<os firmware="([^"]+)"/.exec(xml)?.[1] ?? 'bios',
    /<target dev="[^"]+" bus="([^"]+)"\/>/.exec(xml)?.[1] ?? 'none',
    /<model type="([^"]+)"\/>/.exec(xml)?.[1] ?? 'none',
    xml.includes('org.qemu.guest_agent.0') ? 'agent' : 'no agent',
  ];
}

test('osinfo path pointed at an empty folder: the fallback says so and gives the same devices', { skip }, () => {
  const dir = planFolder();
  const real = provision(dir, 'real', OSINFO);
  assert.equal(real.status, 0, real.stderr);
  assert.match(real.stderr, /guest devices from osinfo-db /);
  const empty = mkdtempSync(path.join(tmpdir(), 'capplan-no-osinfo-'));
  const fb = provision(dir, 'fallback', empty);
  assert.equal(fb.status, 0, fb.stderr);
  assert.match(fb.stderr, new RegExp(`osinfo-db not found at ${empty}.*bundled FALLBACK`));
  for (const [name] of GUESTS) {
    const a = readFileSync(path.join(dir, 'real/host2/domains', `${name}.xml`), 'utf8');
    const b = readFileSync(path.join(dir, 'fallback/host2/domains', `${name}.xml`), 'utf8');
    assert.deepEqual(devices(b), devices(a), name);
    assert.match(a, /osinfoSource="osinfo-db"/, name);
    assert.match(b, /osinfoSource="fallback"/, name);
  }
  const ws2022 = readFileSync(path.join(dir, 'fallback/host2/domains/ws2022.xml'), 'utf8');
  assert.deepEqual(devices(ws2022), ['q35', 'efi', 'virtio', 'virtio', 'agent']);
});
