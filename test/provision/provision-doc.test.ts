// docs/provision.md's VMware → KVM hand-off is real output: the plan and provision of
// fixtures/vmware-estate (an RVTools export) print every line its wave-01.sh excerpt quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1', ...env } });

test("docs/provision.md's wave-01.sh --dry-run excerpt is what the fixture's hand-off prints", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-doc-handoff-'));
  const plan = run(['node', cliBin, 'plan', path.join(repoRoot, 'fixtures/vmware-estate'), '--out', 'r'], dir);
  assert.equal(plan.status, 0, plan.stderr);
  assert.match(plan.stdout, /8 placed, 3 not placed/);
  const prov = run(['node', cliBin, 'provision', 'r/plan.json', '--out', 'prov'], dir);
  assert.equal(prov.status, 0, prov.stderr);
  const wave = run(['bash', 'prov/migration/wave-01.sh', '--dry-run'], dir, {
    VCENTER_USER: 'administrator@vsphere.local',
    PASSWORD_FILE: '/root/vcenter.pwd',
    OUTPUT_URI_TEMPLATE: 'qemu+ssh://root@%s/system',
  });
  assert.equal(wave.status, 0, wave.stderr);
  const doc = readFileSync(path.join(repoRoot, 'docs/provision.md'), 'utf8');
  const block = /```text\n(would run: virt-v2v[\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(block, 'the excerpt in docs/provision.md');
  const quoted = block.trim().split('\n');
  assert.ok(quoted.length >= 5);
  const printed = wave.stdout.split('\n');
  for (const line of quoted) assert.ok(printed.includes(line), `not printed by wave-01.sh: ${line}`);
});
