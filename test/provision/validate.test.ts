// Every XML capplan generates passes libvirt's own RelaxNG schemas (virt-xml-validate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { toolSkip } from '../helpers/env.ts';
import { build, examplePlan, hostilePlan, writeOutput } from './fixtures/provision-fixtures.ts';

const SCHEMA_OF: [RegExp, string][] = [
  [/\/domains\//, 'domain'],
  [/\/networks\//, 'network'],
  [/\/storage\/pool-/, 'storagepool'],
  [/\/storage\/volumes\//, 'storagevol'],
];

const VARIANTS = {
  'worked example': examplePlan(),
  'hostile VM name, qcow2, ISO, SPICE': hostilePlan({
    diskFormat: 'qcow2',
    installIso: '/iso/a b.iso',
    graphics: 'spice',
    vcpuSockets: 2,
  }),
};

for (const [label, plan] of Object.entries(VARIANTS)) {
  test(`virt-xml-validate accepts every XML file (${label})`, { skip: toolSkip('virt-xml-validate') }, () => {
    const output = build(plan);
    const dir = writeOutput(output);
    const checked = new Set<string>();
    for (const f of output.files.filter((f) => f.name.endsWith('.xml') && !f.name.endsWith('test-node.xml'))) {
      const schema = SCHEMA_OF.find(([re]) => re.test(`/${f.name}`))?.[1];
      assert.ok(schema, `schema for ${f.name}`);
      const r = spawnSync('virt-xml-validate', [path.join(dir, f.name), schema], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${f.name}: ${r.stderr}`);
      checked.add(schema);
    }
    assert.deepEqual([...checked].sort(), ['domain', 'network', 'storagepool', 'storagevol']);
  });
}

test('the hostile name is escaped in XML and kept exactly', () => {
  const output = build(hostilePlan());
  const dom = output.hosts[0]!.domains.find((d) => d.name.startsWith('we'))!;
  assert.match(dom.xml, /<name>we'ird "vm" ; \$\(touch pwned\) &lt;x&gt;<\/name>/);
  assert.match(dom.xml, /<capplan:sourceServer>&lt;b&gt;"srv" &amp; 'co'&lt;\/b&gt;<\/capplan:sourceServer>/);
});
