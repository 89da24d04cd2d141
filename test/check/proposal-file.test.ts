import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProposal } from '../../src/check/load-proposal.ts';
import { jsonSchemaText } from '../../src/domain/json-schema.ts';
import { ConfigError } from '../../src/domain/errors.ts';
import { repoRoot } from '../helpers/env.ts';
import { exampleProposal } from './builders.ts';

test('the worked example proposal loads with defaults, host names and entry lines', () => {
  const p = exampleProposal();
  assert.deepEqual(p.hostNames, ['host1', 'host2']);
  assert.equal(p.proposal.vms.length, 10);
  assert.equal(p.proposal.hosts.model.threadsPerCore, 2);
  assert.equal(p.proposal.hypervisor.reserveMb, 512);
  assert.equal(p.proposal.cluster.cpuCeilingPct, 75);
  assert.equal(p.lines.host.host1, 20);
  assert.equal(p.lines.host.host2, 21);
  assert.equal(p.lines.vm.archivos, 23);
  assert.equal(p.lines.vm.web, 32);
  assert.equal(p.inventoryFile, path.resolve('../../../fixtures/aseguradora/inventory.csv'));
});

test('hosts.count names hosts <prefix>1..n and points their lines at hosts:', () => {
  const p = exampleProposal((t) => t.replace('  names:\n    - host1\n    - host2\n', '  count: 2\n'));
  assert.deepEqual(p.hostNames, ['host1', 'host2']);
  assert.equal(p.lines.host.host2, p.lines.hosts);
  assert.equal(p.lines.hosts, 8);
});

const malformed: { name: string; edit: (t: string) => string; expect: RegExp }[] = [
  {
    name: 'unknown top-level key',
    edit: (t) => `${t}colour: blue\n`,
    expect: /proposal\.yaml:40: colour: unknown setting/,
  },
  {
    name: 'misspelt model field',
    edit: (t) => t.replace('    nics: 3', '    nics: 3\n    nicsGbps: 4'),
    expect: /proposal\.yaml:17: hosts\.model\.nicsGbps: unknown setting/,
  },
  {
    name: 'negative vCPU',
    edit: (t) => t.replace('name: vpn, host: host1, vcpu: 1', 'name: vpn, host: host1, vcpu: -1'),
    expect: /proposal\.yaml:31: vms\[8\]\.vcpu: .*>=0/,
  },
  {
    name: 'VM on an unknown host',
    edit: (t) => t.replace('name: web, host: host1', 'name: web, host: host9'),
    expect: /proposal\.yaml:32: vms\[9\]\.host: no host "host9"/,
  },
  {
    name: 'VM listed twice',
    edit: (t) => t.replace('name: vpn,', 'name: web,'),
    expect: /vms\[9\]\.name: VM "web" is listed twice/,
  },
  {
    name: 'count and names',
    edit: (t) => t.replace('  names:', '  count: 2\n  names:'),
    expect: /hosts: give either hosts\.count or hosts\.names/,
  },
  {
    name: 'wrong format version',
    edit: (t) => t.replace('formatVersion: 1', 'formatVersion: 7'),
    expect: /proposal\.yaml:3: formatVersion: /,
  },
  {
    name: 'bad growth value',
    edit: (t) => t.replace('memory: 0.5', 'memory: lots'),
    expect: /sizing\.growth\.memory: .*number/,
  },
  { name: 'missing inventory', edit: (t) => t.replace(/ {2}inventory: .*\n/, ''), expect: /inputs\.inventory: / },
];

for (const c of malformed) {
  test(`malformed proposal: ${c.name} → ConfigError (exit 2) naming the field`, () => {
    assert.throws(
      () => exampleProposal(c.edit),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError, String(err));
        assert.equal(err.exitCode, 2);
        assert.match(err.message, c.expect);
        return true;
      },
    );
  });
}

test('YAML syntax errors are located (exit 2)', () => {
  assert.throws(
    () => parseProposal('formatVersion: 1\nhosts: [\n', 'p.yaml'),
    (err: unknown) => err instanceof ConfigError && /^p\.yaml:\d+: \(root\): YAML/.test(err.message),
  );
});

test(
  'docs/proposal.schema.json is generated from the zod schema (capplan schema proposal --out ' +
    'docs/proposal.schema.json)',
  () => {
    const committed = readFileSync(path.join(repoRoot, 'docs/proposal.schema.json'), 'utf8');
    assert.equal(committed, jsonSchemaText('proposal'));
    const schema = JSON.parse(committed);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required.sort(), ['formatVersion', 'hosts', 'inputs', 'project']);
  },
);
