import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject } from '../../src/domain/project.ts';
import { jsonSchemaText } from '../../src/domain/json-schema.ts';
import { ConfigError } from '../../src/domain/errors.ts';
import { repoRoot } from '../helpers/env.ts';

function project(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-cfg-'));
  writeFileSync(path.join(dir, 'capplan.yaml'), yaml);
  return dir;
}

const base = 'project: demo\ninputs:\n  inventory: inv.csv\n  monitoring: mon.csv\n';

test('defaults fill every section and paths resolve relative to the project file', async () => {
  const dir = project(base);
  const p = await loadProject(dir);
  assert.equal(p.settings.sizing.diskStepGb, 5);
  assert.equal(p.settings.cluster.redundancy, 1);
  // The default profile is generic libvirt/KVM (method §12).
  assert.equal(p.settings.hypervisor.profile, 'generic');
  assert.equal(p.settings.hypervisor.reserveMb, 2048);
  assert.equal(p.settings.partitions.swapOvercommit, 0.5);
  assert.equal(p.inventoryFile, path.join(dir, 'inv.csv'));
  assert.deepEqual(p.monitoringFiles, [path.join(dir, 'mon.csv')]);
});

test('an unknown setting is rejected with its path and line', async () => {
  const dir = project(`${base}sizing:\n  growth:\n    memry: 0.5\n`);
  await assert.rejects(loadProject(dir), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.exitCode, 2);
    assert.match(err.message, /capplan\.yaml:7: sizing\.growth\.memry: unknown setting/);
    return true;
  });
});

test('a wrongly typed value names its path and line', async () => {
  const dir = project(`${base}cluster:\n  cpuCeilingPct: lots\n`);
  await assert.rejects(loadProject(dir), /capplan\.yaml:6: cluster\.cpuCeilingPct: .*number/);
});

test('a bad statistic is rejected', async () => {
  const dir = project(`${base}sizing:\n  statistic:\n    cpu: median\n`);
  await assert.rejects(loadProject(dir), /sizing\.statistic\.cpu: expected avg, max or pNN/);
});

test('YAML syntax errors are located', async () => {
  const dir = project(`${base}sizing: [\n`);
  await assert.rejects(
    loadProject(dir),
    (err: unknown) => err instanceof ConfigError && /capplan\.yaml:\d+: \(root\): YAML/.test(err.message),
  );
});

test('catalog mode without a catalog file is an input error', async () => {
  const dir = project(`${base}cluster:\n  mode: catalog\n`);
  await assert.rejects(loadProject(dir), /inputs\.catalog names no catalog file/);
});

test('docs/capplan.schema.json is generated from the zod schema (run `npm run schema`)', () => {
  const committed = readFileSync(path.join(repoRoot, 'docs/capplan.schema.json'), 'utf8');
  assert.equal(committed, jsonSchemaText('project'));
  const schema = JSON.parse(committed);
  assert.equal(schema.additionalProperties, false);
  assert.ok(schema.properties.sizing.properties.growth.description.includes('growth'));
});
