// plan.json as a contract: one reader (readPlan) that checks the version first and locates
// every problem, a committed JSON Schema generated from the same zod schema, and a plan that
// reads back to the very bytes it was written as.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, InputError } from '../../src/domain/errors.ts';
import { jsonSchemaText, SCHEMAS } from '../../src/domain/json-schema.ts';
import { parsePlan, PLAN_FORMAT_VERSION, serialisePlan } from '../../src/domain/plan.ts';
import { repoRoot } from '../helpers/env.ts';

const file = path.join(repoRoot, 'reports/aseguradora/plan.json');
const text = readFileSync(file, 'utf8');

test('the committed example plan reads back to the same bytes', () => {
  assert.equal(serialisePlan(parsePlan(text, 'plan.json')), text);
});

test('a newer format version is refused by name before anything else is checked', () => {
  const newer = JSON.stringify({ formatVersion: PLAN_FORMAT_VERSION + 1, anything: true });
  assert.throws(
    () => parsePlan(newer, 'p.json'),
    (err: unknown) =>
      err instanceof InputError &&
      err.message === `p.json: plan formatVersion 2 is newer than this capplan understands (1)`,
  );
  assert.throws(() => parsePlan('{"vms": []}', 'p.json'), /p\.json: not a capplan plan: formatVersion is missing/);
});

test('a bad field is located as file:line: path: message', () => {
  const broken = text.replace('"vcpu": 2,', '"vcpu": "two",');
  const line = broken.split('\n').findIndex((l) => l.includes('"vcpu": "two"')) + 1;
  assert.throws(
    () => parsePlan(broken, 'plan.json'),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.message.startsWith(`plan.json:${line}: vms[1].vcpu: Invalid input: expected number`),
  );
  const missing = JSON.parse(text) as Record<string, unknown>;
  delete missing.hosts;
  assert.throws(() => parsePlan(JSON.stringify(missing), 'plan.json'), /plan\.json:\d+: hosts: Invalid input/);
});

test("fields a later version adds survive a read, and settings get this version's defaults", () => {
  const plan = JSON.parse(text) as Record<string, unknown> & { settings: Record<string, unknown> };
  plan.addedLater = { note: 'kept' };
  delete plan.settings.provision;
  const read = parsePlan(JSON.stringify(plan), 'plan.json') as unknown as Record<string, unknown>;
  assert.deepEqual(read.addedLater, { note: 'kept' });
  assert.equal((read.settings as { provision: { diskFormat: string } }).provision.diskFormat, 'raw');
});

test('every file contract has its JSON Schema committed under docs/ (npm run schema)', () => {
  const names: Record<string, string> = { project: 'capplan' };
  for (const name of Object.keys(SCHEMAS)) {
    const doc = path.join(repoRoot, 'docs', `${names[name] ?? name}.schema.json`);
    assert.equal(readFileSync(doc, 'utf8'), jsonSchemaText(name), `${doc} is stale: run npm run schema`);
  }
});
