// Where the third-party data lives and how tests treat missing system tools.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared data folder beside the checkout (third-party samples, benchmark sets); CI lays it there. */
export const sharedDir = path.resolve(repoRoot, '../shared');

/** Path of a file in the shared data folder, or undefined when it is absent (tests then skip). */
export function sharedFile(rel: string): string | undefined {
  const p = path.join(sharedDir, rel);
  return existsSync(p) ? p : undefined;
}

export const inCi = process.env.CI === 'true';

/**
 * Skip option for node:test when a system tool is missing. Under CI=true a missing tool is a
 * failure, not a skip: CI must really run these tests.
 */
export function toolSkip(tool: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
  if (found) return false;
  if (inCi) throw new Error(`${tool} is required under CI=true but is not installed (.ci/run installs it)`);
  return `${tool} not installed`;
}

/** Skip option for tests reading the shared data folder. */
export function sharedSkip(rel: string): string | false {
  return sharedFile(rel) ? false : `../shared/${rel} absent`;
}

/** The built CLI, as `npx capplan` runs it (`npm test` builds it first; `npm run build` alone). */
export const cliBin = path.join(repoRoot, 'dist/cli/bin.js');
if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: run npm run build (npm test builds it first)`);
