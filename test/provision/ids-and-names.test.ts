import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/domain/errors.ts';
import { checkObjectName, slug } from '../../src/provision/names.ts';
import { uuidV5, vmMac, vmUuid } from '../../src/provision/uuid.ts';

test('uuidV5 matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
  assert.equal(
    uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),
    '2ed6657d-e927-568b-95e1-2665a8aea6a2',
  );
});

test('VM UUIDs and MACs are stable and differ by project and name', () => {
  assert.equal(vmUuid('aseguradora', 'nomina'), vmUuid('aseguradora', 'nomina'));
  assert.notEqual(vmUuid('aseguradora', 'nomina'), vmUuid('other', 'nomina'));
  assert.notEqual(vmUuid('aseguradora', 'nomina'), vmUuid('aseguradora', 'web'));
  assert.match(vmUuid('p', 'x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(vmMac('p', 'x', 0), /^52:54:00(:[0-9a-f]{2}){3}$/);
  assert.notEqual(vmMac('p', 'x', 0), vmMac('p', 'x', 1));
});

test('slug keeps safe names and makes the others safe and distinct', () => {
  const cases: [string, RegExp][] = [
    ['nomina', /^nomina$/],
    ['base-de-datos', /^base-de-datos$/],
    ['Servidor Nómina', /^Servidor_N_mina-[0-9a-f]{8}$/],
    [`we'ird "vm" ; $(x) <x>`, /^we_ird_vm_x_x_-[0-9a-f]{8}$/],
    ['...', /^[0-9a-f]{8}$/],
  ];
  for (const [name, re] of cases) assert.match(slug(name), re, name);
  assert.notEqual(slug('a b'), slug('a_b'));
});

test('names libvirt or the virsh session cannot carry are refused with their plan location', () => {
  for (const bad of ['', 'a/b', 'line\nbreak', ' lead', 'trail ', 'nul\u0000']) {
    assert.throws(
      () => checkObjectName(bad, { file: 'plan.json', column: 'vms[2].name' }),
      (e: unknown) => e instanceof InputError && e.message.startsWith('plan.json:vms[2].name: '),
      JSON.stringify(bad),
    );
  }
  assert.doesNotThrow(() => checkObjectName(`we'ird "vm" ; $(x) <x>`, { file: 'plan.json', column: 'x' }));
});
