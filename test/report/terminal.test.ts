import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTerminalSummary } from '../../src/report/index.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';
import { troubledPlan } from './fixtures/troubled-plan.ts';

const ANSI = /\u001b\[/;

test('without colour the summary has no escape codes and the headline figures', () => {
  const text = renderTerminalSummary(aseguradoraPlan(), { color: false });
  assert.ok(!ANSI.test(text));
  assert.match(
    text,
    /10 servers → 2 hosts \(ratio 5:1, lower bound 2\); 10 placed, 0 not placed; 16 vCPU, 31 GB, 675 GB disk/,
  );
  assert.match(text, /│ nomina +│ +2 │ +4 │ +100 │ host1 +│/);
  assert.match(text, /│ host2 │ +5 │ +8 │ +50\.0 % │ +15 │ +47\.6 % │/);
  assert.match(text, /N\+1 satisfied: 2 failure scenario\(s\) simulated/);
});

test('with colour the summary is coloured', () => {
  assert.ok(ANSI.test(renderTerminalSummary(aseguradoraPlan(), { color: true })));
});

test('exclusions are listed and control characters from client data are stripped', () => {
  const plan = troubledPlan();
  plan.vms[10]!.name = 'evil\u001b[2Jname';
  const text = renderTerminalSummary(plan, { color: false });
  assert.match(text, /2 server\(s\) not placed:/);
  assert.match(text, /missing performance data/);
  assert.ok(!ANSI.test(text));
});
