// The migration hand-off (method §13): waves by HA priority and application within the limits,
// virt-v2v commands from vCenter, disk images and virt-p2v, scripts that pass bash -n, rehearse
// with --dry-run and keep hostile names inert; provision.sh --infrastructure-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plan, PlanServer } from '../../src/domain/plan.ts';
import type { HaPriority } from '../../src/domain/server.ts';
import { migrationWaves } from '../../src/provision/migration/waves.ts';
import { notMigratableReason } from '../../src/sizing/exclusion-rules.ts';
import { toolSkip } from '../helpers/env.ts';
import { planVm } from './fixtures/aseguradora-plan.ts';
import { build, examplePlan, writeOutput } from './fixtures/provision-fixtures.ts';

const HOSTILE = `-x $(touch pwned) 'q' "d"`;

function server(name: string, application: string | null, vmware: Partial<NonNullable<PlanServer['vmware']>> | null) {
  return {
    name,
    vmName: name,
    os: null,
    osBits: 64,
    sockets: 1,
    coresPerSocket: 2,
    cpuModel: null,
    cpuGhz: 2,
    memoryMb: 4096,
    diskGb: 40,
    nics: 1,
    nicGbps: null,
    application,
    specialHardware: [],
    haPriority: 'medium',
    usage: null,
    ...(vmware
      ? {
          vmware: {
            vcenter: 'vc1.example.com',
            datacenter: 'DC 1',
            cluster: 'Prod',
            host: 'esx01.example.com',
            folder: null,
            firmware: 'efi',
            template: false,
            networks: ['VM Network'],
            ...vmware,
          },
        }
      : {}),
  } as PlanServer;
}

/** Seven vSphere VMs (one hostile), two of one application, and the worked example's physical servers. */
function vmwarePlan(): Plan {
  const plan = examplePlan({ diskFormat: 'qcow2' });
  const add = (name: string, haPriority: HaPriority, application: string | null, host = 'host1') => {
    plan.vms.push(planVm({ name, sourceServer: name, host, haPriority, diskGb: 10 }));
    plan.hosts.find((h) => h.name === host)!.vms.push(name);
    plan.servers.push(server(name, application, {}));
  };
  add('erp-app', 'low', 'erp');
  add('erp-db', 'high', 'erp', 'host2');
  add('crm', 'high', null);
  add('mail', 'medium', null);
  add('dev1', 'low', null);
  add('dev2', 'low', null);
  add(HOSTILE, 'low', null);
  return plan;
}

test('waves: least critical first, an application moves whole at its highest priority, at most maxVms', () => {
  const plan = vmwarePlan();
  plan.settings.provision.waves = { ...plan.settings.provision.waves, maxVms: 3 };
  const waves = migrationWaves(plan).map((w) => ({ p: w.haPriority, vms: w.vms.map((v) => v.name) }));
  assert.deepEqual(waves.slice(0, 2), [
    { p: 'low', vms: [HOSTILE, 'archivos', 'dev1'] },
    { p: 'low', vms: ['dev2', 'propietario-1', 'propietario-2'] },
  ]);
  const erp = waves.find((w) => w.vms.includes('erp-app'))!;
  assert.equal(erp.p, 'high');
  assert.ok(erp.vms.includes('erp-db'));
  for (const w of waves) assert.ok(w.vms.length <= 3);
  const rank = (p: string) => ['low', 'medium', 'high'].indexOf(p);
  const order = waves.map((w) => rank(w.p));
  assert.deepEqual(
    order,
    [...order].sort((x, y) => x - y),
  );
});

test('maxDiskGb caps the disk copied per wave', () => {
  const plan = vmwarePlan();
  plan.settings.provision.waves = { ...plan.settings.provision.waves, maxVms: null, maxDiskGb: 100 };
  for (const w of migrationWaves(plan)) assert.ok(w.diskGb <= 100 || w.vms.length === 1, `wave ${w.number}`);
});

test('virt-v2v from vCenter: vpx path from RVTools datacenter/cluster/host, planned pool, name, network', () => {
  const out = build(vmwarePlan());
  const md = out.files.find((f) => f.name === 'migration/migration.md')!.data;
  assert.match(md, /VPX=vpx:\/\/USER@vc1\.example\.com\/DC%201\/Prod\/esx01\.example\.com\n/);
  assert.match(
    md,
    new RegExp(
      String.raw`virt-v2v -ic "\$VPX" -ip "\$PASSWORD_FILE" -o libvirt -oc "\$URI" -os capplan -of qcow2 -on crm ` +
        String.raw`-n 'VM Network:datos' -- crm`,
    ),
  );
  // Physical servers of the worked example: virt-p2v, converted by their planned host.
  assert.match(
    md,
    /p2v\.server=host1 p2v\.username=root p2v\.o=libvirt p2v\.os=capplan p2v\.oa=sparse p2v\.name=nomina/,
  );
});

test('every wave script passes bash -n; --dry-run prints the commands and leaves hostile names inert', {
  skip: toolSkip('bash') || toolSkip('virsh'),
}, () => {
  const out = build(vmwarePlan());
  const dir = writeOutput(out);
  const scripts = out.files.filter((f) => /^migration\/wave-\d+\.sh$/.test(f.name));
  assert.ok(scripts.length >= 3);
  for (const f of scripts) {
    const file = path.join(dir, f.name);
    const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    assert.equal(syntax.status, 0, `${f.name}: ${syntax.stderr}`);
    const r = spawnSync(file, ['--dry-run'], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, OUTPUT_URI_TEMPLATE: 'test:///default' },
    });
    assert.equal(r.status, 0, `${f.name}: ${r.stderr}`);
    assert.match(r.stdout, /wave \d+: done/);
  }
  const first = spawnSync(path.join(dir, scripts[0]!.name), ['--dry-run'], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, OUTPUT_URI_TEMPLATE: 'test:///default' },
  }).stdout;
  const quoted = spawnSync('bash', ['-c', 'printf %q "$1"', '_', HOSTILE], { encoding: 'utf8' }).stdout;
  assert.ok(first.includes(`-on ${quoted} -n VM\\ Network:datos -- ${quoted}`), first);
  assert.ok(first.includes(`would run: virsh -c test:///default start --domain ${quoted}`), first);
  assert.equal(existsSync(path.join(dir, 'pwned')), false, 'the $() in the name must not run');
});

test('provision.sh --infrastructure-only defines networks and pool, no disk and no VM', {
  skip: toolSkip('bash') || toolSkip('virsh'),
}, () => {
  const out = build(vmwarePlan());
  const dir = writeOutput(out);
  const hostDir = path.join(dir, out.hosts[0]!.dir);
  const r = spawnSync(path.join(hostDir, 'provision.sh'), ['--infrastructure-only'], {
    encoding: 'utf8',
    cwd: hostDir,
    env: { ...process.env, LIBVIRT_URI: `test://${path.join(hostDir, 'test-node.xml')}` },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^virsh pool-start --pool capplan$/m);
  assert.doesNotMatch(r.stdout, /vol-create|virsh define|start --domain/);
});

test('non-migratable sources: templates, vCLS, Photon appliances, AIX/POWER, SPARC — each with its reason', () => {
  const base = server('x', null, {});
  const inv = (over: Partial<PlanServer>) => ({ ...base, ...over, source: { file: 'i', row: 2 } });
  const cases: [Partial<PlanServer>, string | null][] = [
    [{ vmware: { ...base.vmware!, template: true } }, 'template'],
    [{ name: 'vCLS-4c4c4544-0046' }, 'vsphere-agent'],
    [{ name: 'vCLS (1)' }, 'vsphere-agent'],
    [{ os: 'VMware Photon OS (64-bit)' }, 'vsphere-agent'],
    [{ os: 'IBM AIX 7.2' }, 'architecture'],
    [{ cpuModel: 'POWER9' }, 'architecture'],
    [{ os: 'Oracle Solaris 11 (SPARC)' }, 'architecture'],
    [{ os: 'Microsoft Windows Server 2022 (64-bit)' }, null],
    [{ name: 'vclsadmin' }, null],
  ];
  for (const [over, kind] of cases) {
    const r = notMigratableReason(inv(over));
    assert.equal(r?.figures?.kind ?? null, kind, JSON.stringify(over));
    if (r) assert.equal(r.code, 'not-migratable');
  }
});
