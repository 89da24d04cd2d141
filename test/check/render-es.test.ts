// `capplan check` in Spanish (a proposal whose project's report.language is es): the verdict,
// headings, each violation and note said from its step; none of the English messages left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProposal } from '../../src/check/evaluate.ts';
import { renderCheck } from '../../src/check/render/index.ts';
import { checkWordsFor } from '../../src/report/index.ts';
import { currentFromBaseline, currentVm, exampleProposal } from './builders.ts';

function failing() {
  const p = exampleProposal();
  const current = [
    ...currentFromBaseline(p, { nomina: { memoryGb: 5 }, 'negocio-1': { memoryGb: 5, vcpu: 40 } }),
    currentVm('nueva', { vcpu: 1, memoryGb: 64 }),
  ];
  const proposal = { ...p.proposal, language: 'es' as const };
  return { p, r: evaluateProposal({ file: 'proposal.yaml', proposal, hostNames: p.hostNames, current }) };
}

const opts = (lines: ReturnType<typeof exampleProposal>['lines']) => ({
  color: false,
  lines,
  annotationFile: 'proposal.yaml',
  ...checkWordsFor('es'),
});

test('check in Spanish: every violation and note said from its step, no English message left', () => {
  const { p, r } = failing();
  assert.equal(r.language, 'es');
  const kinds = new Set(r.violations.map((v) => v.step?.code));
  for (const code of ['vm-limit', 'unplaced', 'survivor-short']) assert.ok(kinds.has(code), `raises ${code}`);
  assert.ok(r.notes.length === (r.noteSteps ?? []).length);
  for (const format of ['human', 'markdown'] as const) {
    const out = renderCheck(r, format, opts(p.lines)).stdout;
    assert.match(out, /La propuesta no se sostiene: \d+ violaciones\./);
    assert.match(out, /Holgura por nodo/);
    for (const v of r.violations) assert.ok(!out.includes(v.message), `${format}: "${v.message}" left`);
    for (const n of r.notes) assert.ok(!out.includes(n), `${format}: note "${n}" left`);
    for (const w of ['Violations', 'Headroom', 'left)', 'over by', 'fits on no host', 'needs', 'fails'])
      assert.ok(!out.includes(w), `${format}: "${w}" left`);
  }
});

test('check in Spanish: the violations say the figures of their steps', () => {
  const { p, r } = failing();
  const md = renderCheck(r, 'markdown', opts(p.lines)).stdout;
  assert.match(md, /negocio-1 necesita 40 pero el límite es 16 vCPU por VM \(RHEV-H 2\.2\)/);
  assert.match(md, /nueva no cabe en ningún nodo: incluso \S+ llevaría [\d.]+ GB de memoria frente a [\d.]+ GB/);
  assert.match(md, /si falla \S+, \S+ debe llevar [\d.]+ \S+ de \S+ pero tiene/);
});

test('check in English: the JSON keeps its contract, without steps or language', () => {
  const { p, r } = failing();
  const json = renderCheck(r, 'json', { color: false, lines: p.lines, annotationFile: 'proposal.yaml' }).stdout;
  assert.ok(!json.includes('"step"') && !json.includes('"noteSteps"') && !json.includes('"language"'));
});
