// The worked example as a project in a temporary folder with its monitoring input replaced
// (files, a Prometheus URL, a DuckDB glob), and `capplan plan` run on it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { parsePlan, type Plan } from '../../src/domain/plan.ts';
import { cliBin, repoRoot } from './env.ts';

export const exampleDir = path.join(repoRoot, 'fixtures/aseguradora');

/** A copy of the worked example (inventory.csv, monitoring.csv) whose capplan.yaml reads `monitoring`. */
export function exampleProject(monitoring: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-source-'));
  const doc = parse(readFileSync(path.join(exampleDir, 'capplan.yaml'), 'utf8'));
  doc.inputs.monitoring = monitoring;
  writeFileSync(path.join(dir, 'capplan.yaml'), stringify(doc));
  for (const f of ['inventory.csv', 'monitoring.csv']) copyFileSync(path.join(exampleDir, f), path.join(dir, f));
  return dir;
}

/** `capplan plan <dir> --out <dir>/out`: the process result, the output folder and the plan (null when none). */
export function planProject(dir: string, env: Record<string, string> = {}) {
  const out = path.join(dir, 'out');
  const r = spawnSync('node', [cliBin, 'plan', dir, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const file = path.join(out, 'plan.json');
  const plan: Plan | null = existsSync(file) ? parsePlan(readFileSync(file, 'utf8'), 'plan.json') : null;
  return { ...r, out, plan };
}
