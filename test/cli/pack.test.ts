// The shipped package: `npm pack` of the built checkout, installed globally into a scratch
// prefix (dependencies from npm's cache where it has them), runs the worked example like the checkout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/env.ts';

test('npm pack → npm install --global: the installed capplan plans the worked example', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-pack-'));
  const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8' });
  // --ignore-scripts: dist/ is already built by `npm test` (prepare would build it again).
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repoRoot);
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path);
  assert.ok(files.includes('dist/cli/bin.js') && files.includes('dist/provision/session.bash'), files.join(' '));
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'sources and tests stay out');
  const prefix = path.join(dir, 'global');
  const installed = npm(
    [
      'install',
      '--global',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      path.join(dir, info!.filename),
    ],
    dir,
  );
  assert.equal(installed.status, 0, installed.stderr);
  const bin = path.join(prefix, 'bin/capplan');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, version.stderr);
  const out = path.join(dir, 'out');
  const plan = spawnSync(bin, ['plan', path.join(repoRoot, 'fixtures/aseguradora'), '--out', out], {
    encoding: 'utf8',
  });
  assert.equal(plan.status, 0, plan.stderr);
  assert.equal(
    readFileSync(path.join(out, 'plan.json'), 'utf8'),
    readFileSync(path.join(repoRoot, 'reports/aseguradora/plan.json'), 'utf8'),
  );
});
