// Derived hosts left at the default model name are "derived" in the report's language; a
// name the project gives is its own in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modelName } from '../../src/report/model-name.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { readProjectInputs } from '../../src/ingest/project-inputs.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { writeBusyEstate } from '../helpers/busy-estate.ts';

test('model name: the default is said in the language, a given name is kept', () => {
  assert.deepEqual(
    [modelName('derived', en), modelName('derived', es), modelName('PowerEdge R710', es)],
    ['derived', 'derivado', 'PowerEdge R710'],
  );
});

test('a Spanish plan of derived hosts with no model name buys "derivado" nodes (cover, tables)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-model-'));
  writeBusyEstate(dir, 30);
  const { inputs } = await readProjectInputs(dir);
  const plan = await assemblePlan(inputs);
  assert.equal(plan.hostModel.name, 'derived');
  const es = renderMarkdown({
    ...plan,
    settings: { ...plan.settings, report: { ...plan.settings.report, language: 'es' } },
  });
  assert.match(es.markdown, /Adquirir \d+ nodos: derivado/);
  assert.match(es.markdown, /\| Modelo +\| +derivado \|/);
  assert.doesNotMatch(es.markdown, /\bderived\b/);
});
