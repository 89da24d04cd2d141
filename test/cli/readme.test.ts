// The first hour, as the README writes it: every command of its sh blocks runs as written, in
// order, in a copy of the checkout, from `npx capplan` as a fresh clone has it (node_modules
// linked in instead of `npm ci`, npm's cache isolated so nothing comes from outside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, toolSkip } from '../helpers/env.ts';

/** The README's shell commands in order: continuation lines joined, comments dropped. */
function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    const joined = block[1]!.replace(/\\\n\s*/g, ' ');
    for (const line of joined.split('\n')) if (line.trim() && !line.trim().startsWith('#')) commands.push(line.trim());
  }
  return commands;
}

function copyCheckout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-readme-'));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  for (const rel of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, rel);
    if (!existsSync(from) || !statSync(from).isFile()) continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(from, path.join(dir, rel));
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const commands = readmeCommands(readme);

test('the README opens with the two commands: plan the bundled example, run the tests', () => {
  assert.deepEqual(commands.slice(0, 2), ['npm ci && npx capplan plan fixtures/aseguradora', 'npm ci && npm test']);
  assert.ok(
    commands.every((c) => !/(^|&& |\| )capplan /.test(c)),
    'every command runs capplan through npx (a fresh clone has no capplan on its PATH)',
  );
});

test('every README command runs as written, in order, from a copy of the checkout', { skip: toolSkip('virsh') }, () => {
  const dir = copyCheckout();
  const env = { ...process.env, npm_config_cache: path.join(dir, '.npm-cache'), NO_COLOR: '1' };
  const run = (command: string) => spawnSync('bash', ['-e', '-c', command], { cwd: dir, env, encoding: 'utf8' });
  const version = run('npx capplan --version');
  assert.equal(version.status, 0, version.stderr);
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout.trim(), pkg.version);
  for (const command of commands) {
    // The suite is this test's own run; node_modules is linked in instead of `npm ci`.
    if (command === 'npm ci && npm test') continue;
    const r = run(command.replace(/^npm ci && /, ''));
    assert.equal(r.status, 0, `${command}\n${r.stdout}\n${r.stderr}`);
  }
  assert.equal(
    readFileSync(path.join(dir, 'reports/aseguradora/plan.json'), 'utf8'),
    readFileSync(path.join(repoRoot, 'reports/aseguradora/plan.json'), 'utf8'),
  );
  assert.ok(existsSync(path.join(dir, 'proposal.yaml')), '--emit-proposal proposal.yaml writes where it says');
  assert.ok(existsSync(path.join(dir, 'prov/rhevh1/provision.sh')));
});
