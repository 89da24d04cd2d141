// plan.md's cost of ownership in both languages: amounts where priced, "not priced" /
// "sin precio" (never 0.00) where an input is missing, with the settings that would price it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownText } from '../../src/report/markdown.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { pricedPlan } from './fixtures/priced-plan.ts';
import { computeTco } from '../../src/plan/tco.ts';

const section = (text: string, title: string) => {
  const from = text.indexOf(`## ${title}`);
  assert.ok(from >= 0, `no section ${title}`);
  return text.slice(from, text.indexOf('\n## ', from + 1));
};
const row = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`| ${label} `)) ?? '';

for (const [language, t] of [
  ['en', en],
  ['es', es],
] as const) {
  test(`TCO section, priced and not priced (${language})`, () => {
    const priced = pricedPlan(language);
    const s = section(markdownText(priced), t.cost.mdTitle);
    assert.match(row(s, t.cost.line.hardware), /\| +200000\.00 \|/);
    assert.match(row(s, t.cost.line.subscriptions), /\| +4000\.00 \| +12000\.00 \|/);
    assert.match(s, /\*\*MXN\*\*/);
    assert.ok(!s.slice(s.indexOf('|')).includes(t.notPriced), 'a priced plan shows no "not priced" in its table');
    // Without rack prices: the line is not priced, named with its settings, and left out of the totals.
    const partial = pricedPlan(language);
    partial.settings.cost.rack = { unitsPerHost: null, pricePerUnitYear: null, source: null };
    const tco = priced.tco!;
    const unpriced = { ...partial, tco: computeTco(partial) };
    assert.deepEqual(unpriced.tco.notPriced, ['rack']);
    const u = section(markdownText(unpriced), t.cost.mdTitle);
    assert.match(row(u, t.cost.line.rack), new RegExp(`\\| +${t.notPriced} \\| +${t.notPriced} \\|`));
    assert.doesNotMatch(row(u, t.cost.line.rack), /0\.00/);
    assert.match(u, /`cost\.rack\.unitsPerHost`, `cost\.rack\.pricePerUnitYear`/);
    // The total over the horizon still adds the priced lines: the priced total less 3 years of rack.
    assert.ok(Math.abs(unpriced.tco.totals.overHorizon! - (tco.totals.overHorizon! - 3 * 2000)) < 1e-6);
  });
}
