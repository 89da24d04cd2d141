// One escaping module per target, each table-driven: hostile client text comes out inert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { create } from 'xmlbuilder2';
import { escapeData, escapeProperty } from '../../src/escape/github-command.ts';
import { mdText } from '../../src/escape/markdown.ts';
import { plainText } from '../../src/escape/plain-text.ts';
import { quoteWord } from '../../src/escape/shell.ts';
import { guardFormula, unguardFormula } from '../../src/escape/spreadsheet.ts';
import { inertXmlValue, serializeXml } from '../../src/escape/xml.ts';
import { toolSkip } from '../helpers/env.ts';

test('Markdown: inline specials escaped, block markers neutralised, controls and bidi overrides visible', () => {
  for (const [input, expected] of [
    ['plain name', 'plain name'],
    [
      'a|b *c* _d_ [e](f) <g> & @h ~i~ !j #k {l}',
      'a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\& \\@h \\~i\\~ \\!j \\#k \\{l\\}',
    ],
    ['- item', '\\- item'],
    ['= heading', '\\= heading'],
    ['1. first', '1\\. first'],
    ['2010. year', '2010\\. year'],
    ['1234567890. not a list', '1234567890. not a list'],
    ['two\nlines\tand tab', 'two lines and tab'],
    ['bell\u0007 reversed\u202egnp.exe', 'bell\ufffd reversed\ufffdgnp.exe'],
  ] as const) {
    assert.equal(mdText(input), expected, input);
  }
});

test('plain text (terminal): escape sequences, controls and bidi overrides cannot act', () => {
  assert.equal(plainText('\u001b[2Jcleared\r\nnext\u202e'), '\ufffd[2Jcleared  next\ufffd');
});

test('XML: references in client text stay text, invalid characters become U+FFFD', () => {
  for (const [input, expected] of [
    ['&#118;pn', '&amp;#118;pn'],
    ['Linux &foo;', 'Linux &amp;foo;'],
    ['a &amp; b', 'a &amp;amp; b'],
    ['nul\u0000', 'nul\ufffd'],
  ] as const) {
    assert.equal(inertXmlValue(input), expected);
  }
});

test('XML: a document of hostile values is well-formed and reads back exactly', { skip: toolSkip('xmllint') }, () => {
  const hostile = 'web&#10;evil &foo; &amp; <x> "q" \u0000';
  const root = create().ele('domain', { name: hostile });
  root.ele('description').txt(hostile);
  const xml = serializeXml(root, { headless: true });
  const read = (xpath: string) =>
    spawnSync('xmllint', ['--xpath', xpath, '-'], { input: xml, encoding: 'utf8' }).stdout.replace(/\n$/, '');
  assert.equal(read('string(/domain/description)'), hostile.replace('\u0000', '\ufffd'));
  assert.equal(read('string(/domain/@name)'), hostile.replace('\u0000', '\ufffd'));
});

test('spreadsheet: a cell that would start a formula is text, and capplan reads it back', () => {
  for (const s of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx']) {
    assert.equal(guardFormula(s), `'${s}`);
    assert.equal(unguardFormula(guardFormula(s)), s);
  }
  assert.equal(guardFormula('web01'), 'web01');
});

test('shell and GitHub workflow commands', () => {
  assert.equal(quoteWord("it's"), "'it'\\''s'");
  assert.equal(quoteWord('plain-name_1.0'), 'plain-name_1.0');
  assert.equal(escapeData('50% a\r\nb'), '50%25 a%0D%0Ab');
  assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
});
