import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { quoteWord, virshLine } from '../../src/escape/shell.ts';
import { toolSkip } from '../helpers/env.ts';

const HOSTILE = [
  'plain-name_1.0',
  'two words',
  "it's",
  `we'ird "vm" ; $(touch pwned) <x>`,
  '`id`',
  'a\\b',
  "''",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} is one of the hostile strings
  '$HOME ${x} !! *',
  'tab\there',
  'ñandú — 中文',
];

test('quoteWord leaves safe words alone and single-quotes the rest', () => {
  assert.equal(quoteWord('nomina'), 'nomina');
  assert.equal(quoteWord('storage/volumes/a.xml'), 'storage/volumes/a.xml');
  assert.equal(quoteWord('two words'), "'two words'");
  assert.equal(quoteWord("it's"), `'it'\\''s'`);
  assert.equal(quoteWord(''), "''");
  assert.equal(virshLine('start', 'a b'), "start 'a b'");
});

for (const s of HOSTILE) {
  test(`sh reads ${JSON.stringify(s)} back unchanged`, () => {
    const r = spawnSync('sh', ['-c', `printf '%s' ${quoteWord(s)}`], { encoding: 'utf8', cwd: '/tmp' });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, s);
  });
  test(`virsh reads ${JSON.stringify(s)} back unchanged`, { skip: toolSkip('virsh') }, () => {
    const r = spawnSync('virsh', ['-c', 'test:///default', `echo ${quoteWord(s)}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.replace(/\n+$/, ''), s);
  });
}
