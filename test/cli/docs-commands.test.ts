// Every capplan command in README.md and docs/ is written as a fresh clone runs it
// (`npx capplan …`) and uses only commands and options the CLI has. (README's commands are
// also run, in order, by readme.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cliBin, repoRoot } from '../helpers/env.ts';

const documents = [
  'README.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(path.join(repoRoot, 'docs/design')).map((f) => `docs/design/${f}`),
];

/** Lines of fenced code blocks, continuation lines joined, with their document. */
function codeLines(): { doc: string; line: string }[] {
  const out: { doc: string; line: string }[] = [];
  for (const doc of documents) {
    const text = readFileSync(path.join(repoRoot, doc), 'utf8');
    for (const block of text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)) {
      for (const line of block[1]!.replace(/\\\n\s*/g, ' ').split('\n')) out.push({ doc, line: line.trim() });
    }
  }
  return out;
}

const help = new Map<string, string>();
const optionsOf = (command: string) => {
  if (!help.has(command)) help.set(command, execFileSync('node', [cliBin, command, '--help'], { encoding: 'utf8' }));
  return new Set(help.get(command)!.match(/--[a-z][a-z-]*/g) ?? []);
};
const commands = new Set(['plan', 'ingest', 'place', 'check', 'provision', 'report', 'schema', 'replay', 'compare']);

test('no document runs a bare capplan that a fresh clone does not have on its PATH', () => {
  const bare = codeLines().filter(({ line }) => /^(\S+=\S+ )*capplan /.test(line));
  assert.deepEqual(bare, []);
});

test('every npx capplan command in the documents names a real command and real options', () => {
  const uses = codeLines().filter(({ line }) => line.includes('npx capplan '));
  assert.ok(uses.length >= 15, `found ${uses.length}`);
  for (const { doc, line } of uses) {
    const words = line.split('npx capplan ')[1]!.split('#')[0]!.trim().split(/\s+/);
    const command = words[0]!;
    if (command === '--version' || command === '--help') continue;
    assert.ok(commands.has(command), `${doc}: ${line}`);
    const known = optionsOf(command);
    for (const w of words.filter((x) => x.startsWith('--'))) {
      const option = w.replace(/^\[/, '').split('=')[0]!;
      assert.ok(known.has(option), `${doc}: ${option} is not an option of capplan ${command}: ${line}`);
    }
  }
});
