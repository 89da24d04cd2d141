import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from '../../src/report/index.ts';
import { md } from '../../src/report/format.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';
import { HOSTILE, troubledPlan } from './fixtures/troubled-plan.ts';
import { realAseguradoraPlan } from './fixtures/real-plan.ts';

const goldenDir = path.join(import.meta.dirname, 'golden');

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`,
  );
}

test("the worked example (the pipeline's plan.json) renders to its golden Markdown, in Spanish", () => {
  golden('aseguradora.md', renderMarkdown(realAseguradoraPlan()).markdown);
});

test('the worked example in English renders to its golden Markdown', () => {
  golden('aseguradora-en.md', renderMarkdown(realAseguradoraPlan('en')).markdown);
});

test('the hand-built worked example renders to its golden Markdown', () => {
  golden('aseguradora-hand.md', renderMarkdown(aseguradoraPlan()).markdown);
});

test('a plan with exclusions and hostile strings renders to its golden Markdown', () => {
  golden('troubled.md', renderMarkdown(troubledPlan()).markdown);
});

test("the summary states the worked example's headline figures", () => {
  const text = renderMarkdown(realAseguradoraPlan('en')).markdown;
  assert.match(text, /\*\*10\*\* servers assessed, \*\*10\*\* virtualisation candidates placed/);
  assert.match(text, /consolidation ratio \*\*5:1\*\*/);
  assert.match(text, /\*\*16 vCPU\*\*, \*\*31 GB\*\* memory, \*\*675 GB\*\* disk/);
  assert.match(text, /\| rhevh1 \| +50 \| +512 \| +5 \| +2048 \| +24576 \| +49152 \| +76343 \| +149504 \| yes/);
});

test('exclusions are grouped MAP-style with their reasons', () => {
  const text = renderMarkdown(troubledPlan()).markdown;
  assert.match(text, /\| Not placed: special hardware +\| +1 \| +12\.00 \| +— \| +40\.00 \| +— \|/);
  assert.match(text, /\| Not placed: missing performance data +\| +1 \| +— \|/);
  assert.match(text, /missing-performance-data \| no monitoring samples/);
});

test('rendering the same plan twice gives the same text', () => {
  assert.equal(renderMarkdown(troubledPlan()).markdown, renderMarkdown(troubledPlan()).markdown);
});

test('md escapes client strings (table-driven)', () => {
  const cases: [string, string][] = [
    ['a|b', 'a\\|b'],
    ['`x`', '\\`x\\`'],
    ['<script>', '\\<script\\>'],
    ['*b* _i_', '\\*b\\* \\_i\\_'],
    ['[l](u)', '\\[l\\](u)'],
    ['&amp;', '\\&amp;'],
    ['@user', '\\@user'],
    ['-x', '\\-x'],
    ['+1', '\\+1'],
    ['=SUM(A1)', '\\=SUM(A1)'],
    ['1. item', '1\\. item'],
    ['228.77 MB/s', '228.77 MB/s'],
    ['two\nlines', 'two lines'],
    ['', '—'],
    ['negocio-1', 'negocio-1'],
  ];
  for (const [input, want] of cases) assert.equal(md(input), want, JSON.stringify(input));
});

test('no hostile string reaches the Markdown unescaped', () => {
  const text = renderMarkdown(troubledPlan()).markdown;
  assert.ok(!text.includes('<script>'), 'raw HTML tag');
  assert.ok(!text.includes(HOSTILE.markdown), 'raw Markdown');
  assert.ok(!/(^|[^\\])`rm/.test(text), 'unescaped code span');
  // Every table row keeps its column count: no pipe from client data splits a cell.
  for (const block of text.split('\n\n').filter((b) => b.startsWith('|'))) {
    const lines = block.split('\n').filter((l) => l !== '');
    const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of lines) assert.equal(cols(l), cols(lines[0]!), l);
  }
});
