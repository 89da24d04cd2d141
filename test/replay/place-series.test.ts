// `capplan place` on a plan placed on demand series (method §14.4): the project folder places on
// the series again (the samples are read again); a plan.json, which holds no samples, is refused
// with a message that says why and what to place instead — never placed on allocations alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cliBin } from '../helpers/env.ts';
import { seriesProject } from './series-project.ts';

const run = (...args: string[]) =>
  spawnSync('node', [cliBin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('place on a series project keeps the slot dimensions; place on its plan.json is refused, exit 2', () => {
  const dir = seriesProject(3);
  const placed = run('place', dir, '--time-limit', '2');
  assert.ok(placed.status === 0 || placed.status === 1, placed.stderr);
  const out = JSON.parse(placed.stdout) as { hosts: { load: Record<string, number> }[] };
  const slots = Object.keys(out.hosts[0]!.load).filter((r) => r.startsWith('cpuGhz@'));
  assert.equal(slots.length, 48, 'one CPU dimension per hourly slot of the 48-hour window');
  assert.equal(slots[0], 'cpuGhz@2024-01-01T00:00');

  const planned = run('plan', dir, '--out', path.join(dir, 'out'));
  assert.ok(planned.status === 0 || planned.status === 1, planned.stderr);
  const file = path.join(dir, 'out', 'plan.json');
  const r = run('place', file);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `capplan: ${file}: settings.placement.demand is series, and a plan.json does not carry the demand series: ` +
      'place the project folder instead (capplan place <project>), which reads the monitoring again\n',
  );
});
