// The terminal's "Wrote N files" line: every name for a small plan, the first ten and a count
// for a plan of hundreds of hosts (one replay chart each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writtenFilesLine } from '../../src/cli/written-files.ts';

const charts = (n: number) => Array.from({ length: n }, (_, i) => `chart-replay-1-${i + 1}.png`);

const CASES: [string, string[], string][] = [
  [
    'a small plan: every name',
    ['plan.json', 'plan.md', 'plan.xlsx'],
    'Wrote 3 files to out: plan.json, plan.md, plan.xlsx',
  ],
  ['eleven names still fit', charts(11), `Wrote 11 files to out: ${charts(11).join(', ')}`],
  [
    '692 hosts: ten names and the count of the rest',
    ['plan.json', 'plan.md', ...charts(692), 'plan.xlsx'],
    `Wrote 695 files to out: plan.json, plan.md, ${charts(8).join(', ')}, … and 685 more`,
  ],
];

for (const [name, names, line] of CASES)
  test(`written files: ${name}`, () => assert.equal(writtenFilesLine('out', names), line));
