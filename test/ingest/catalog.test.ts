import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parseCatalog, readCatalog } from '../../src/domain/catalog.ts';
import { ConfigError } from '../../src/domain/errors.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/foundation/catalog.yaml');

test('reads the catalog format of docs/inputs.md', async () => {
  const models = await readCatalog(fixture);
  assert.equal(models.length, 2);
  assert.deepEqual(models[0], {
    name: 'Dell PowerEdge R710 E5640',
    sockets: 2,
    coresPerSocket: 4,
    threadsPerCore: 2,
    cpuGhz: 2.66,
    cpuModel: 'Intel Xeon E5640',
    cpuFamily: 'westmere',
    memoryGb: 32,
    nics: 3,
    nicGbps: 4,
    localDiskMb: 149504,
    price: 5200,
    watts: 270,
  });
  assert.equal('cpuModel' in models[1]!, false);
});

const base = (extra: string) =>
  `models:\n  - name: A\n    sockets: 2\n    coresPerSocket: 4\n    cpuGhz: 2\n    memoryGb: 32\n    nics: 2\n    ` +
  `nicGbps: 1\n    localDiskMb: 1000\n    price: 1\n    watts: 1\n${extra}`;

const bad: [string, string, string][] = [
  ['unknown key, reported on its own line', base('    color: red\n'), 'cat.yaml:12: models[0].color: unknown setting'],
  [
    'wrong type',
    base('').replace('sockets: 2', 'sockets: two'),
    'cat.yaml:3: models[0].sockets: Invalid input: expected number, received string',
  ],
  [
    'missing field',
    base('').replace('    price: 1\n', ''),
    'cat.yaml:2: models[0].price: Invalid input: expected number, received undefined',
  ],
  ['YAML syntax', 'models:\n  - name: [a\n', 'cat.yaml:3: (root): YAML: '],
  [
    'duplicate names',
    base(base('').replace('models:\n', '')),
    'cat.yaml:12: models[1].name: duplicate model name "A" (first at models[0])',
  ],
  ['no models', 'models: []\n', 'cat.yaml:1: models: the catalog needs at least one model'],
];

for (const [what, text, message] of bad) {
  test(`catalog error: ${what}`, () => {
    assert.throws(
      () => parseCatalog(text, 'cat.yaml'),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.ok(err.message.startsWith(message), `${err.message} should start with ${message}`);
        return true;
      },
    );
  });
}
