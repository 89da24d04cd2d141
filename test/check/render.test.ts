import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluateProposal } from '../../src/check/evaluate.ts';
import { renderGithub } from '../../src/check/render/github.ts';
import { escapeData, escapeProperty } from '../../src/escape/github-command.ts';
import { renderCheck, type CheckFormat } from '../../src/check/render/index.ts';
import { mdText } from '../../src/escape/markdown.ts';
import { toolSkip } from '../helpers/env.ts';
import { currentFromBaseline, currentVm, exampleProposal, fixtureDir } from './builders.ts';

const goldenDir = path.join(fixtureDir, '../golden');
const xsd = path.join(fixtureDir, 'junit.xsd');

function golden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`,
  );
}

const holding = () => {
  const p = exampleProposal();
  return {
    p,
    r: evaluateProposal({
      file: 'proposal.yaml',
      proposal: p.proposal,
      hostNames: p.hostNames,
      current: currentFromBaseline(p),
    }),
  };
};
const failing = () => {
  const p = exampleProposal();
  const current = currentFromBaseline(p, {
    nomina: { memoryGb: 5 },
    'negocio-1': { memoryGb: 5 },
    'base-datos': { networkMBps: 700 },
  });
  return { p, r: evaluateProposal({ file: 'proposal.yaml', proposal: p.proposal, hostNames: p.hostNames, current }) };
};
/** A new VM whose name carries Markdown, XML, workflow-command and terminal metacharacters. */
const hostile = () => {
  const p = exampleProposal();
  const evil = 'x|<b>&"\'%0A::error::\n\u001b[2J*_';
  const current = [...currentFromBaseline(p), currentVm(evil, { vcpu: 1, memoryGb: 64 })];
  return {
    p,
    evil,
    r: evaluateProposal({ file: 'proposal.yaml', proposal: p.proposal, hostNames: p.hostNames, current }),
  };
};

const render = (x: ReturnType<typeof holding>, format: CheckFormat) =>
  renderCheck(x.r, format, { color: false, lines: x.p.lines, annotationFile: 'proposals/aseguradora.yaml' });

for (const [name, make] of [
  ['holds', holding],
  ['fails', failing],
] as const) {
  for (const format of ['human', 'json', 'junit', 'github', 'markdown'] as const) {
    const ext = { human: 'txt', json: 'json', junit: 'xml', github: 'txt', markdown: 'md' }[format];
    test(`${format} output of a proposal that ${name} matches its golden file`, () => {
      const out = render(make(), format);
      golden(`${name}.${format}.${ext}`, out.stdout);
      if (format === 'github') golden(`${name}.github-summary.md`, out.summary!);
    });
  }
}

for (const [name, make] of [
  ['holds', holding],
  ['fails', failing],
  ['hostile', hostile],
] as const) {
  test(`JUnit output (${name}) is valid against the Jenkins/Ant JUnit XSD`, { skip: toolSkip('xmllint') }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capplan-junit-'));
    const file = path.join(dir, 'check.xml');
    writeFileSync(file, render(make(), 'junit').stdout);
    const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /validates/);
  });
}

test('JUnit: one testcase per host, per failure scenario and per VM; failures counted', () => {
  const xml = render(failing(), 'junit').stdout;
  assert.equal((xml.match(/<testcase /g) ?? []).length, 2 + 2 + 10);
  assert.match(xml, /<testsuites name="capplan check aseguradora" tests="14" failures="2" errors="0" time="0">/);
  const testcase = /<testcase name="host1 fails" classname="aseguradora.failover" time="0">\s*/;
  const failure = /<failure type="failover" message="if host1 fails, host2 must carry 33 GB of memory/;
  assert.match(xml, new RegExp(testcase.source + failure.source));
});

test('the JUnit XSD rejects a report that breaks the format (the schema check can fail)', {
  skip: toolSkip('xmllint'),
}, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-junit-'));
  const file = path.join(dir, 'bad.xml');
  writeFileSync(file, render(holding(), 'junit').stdout.replace(/<testcase name="host1"/, '<testcase title="host1"'));
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
});

test('GitHub annotations point at the proposal lines of the host and VM entries', () => {
  const { p, r } = failing();
  const { annotations } = renderGithub(r, p.lines, 'proposal.yaml');
  const lines = annotations.trimEnd().split('\n');
  // Failover when host1 fails is about host2 (line 21 of proposal.yaml), and vice versa (line 20).
  const title = /^::error file=proposal\.yaml,line=21,title=capplan check%3A failover \(host1 fails\) memory::/;
  assert.match(lines[0]!, new RegExp(`${title.source}if host1 fails, host2 must carry 33 GB`));
  assert.match(
    lines[1]!,
    /^::error file=proposal\.yaml,line=20,title=capplan check%3A failover \(host2 fails\) memory::/,
  );
  // Drift notices sit on each VM's entry: base-datos is line 24, negocio-1 line 26, nomina line 28.
  assert.deepEqual(
    lines
      .filter((l) => l.startsWith('::notice'))
      .map((l) => l.match(/line=(\d+),title=capplan check%3A (\S+) drifted/)!.slice(1)),
    [
      ['24', 'base-datos'],
      ['26', 'negocio-1'],
      ['28', 'nomina'],
    ],
  );
  const text = readFileSync(path.join(fixtureDir, 'aseguradora/proposal.yaml'), 'utf8').split('\n');
  assert.match(text[20]!, /- host2/);
  assert.match(text[23]!, /name: base-datos/);
  assert.match(text[27]!, /name: nomina/);
});

test('a VM-limit violation points at the VM entry; a new VM at the vms: key', () => {
  const p = exampleProposal((t) => t.replace('hypervisor:\n', 'hypervisor:\n  maxVcpuPerVm: 1\n'));
  const r = evaluateProposal({
    file: 'proposal.yaml',
    proposal: p.proposal,
    hostNames: p.hostNames,
    current: [...currentFromBaseline(p), currentVm('big', { memoryGb: 40 })],
  });
  const { annotations } = renderGithub(r, p.lines, 'proposal.yaml');
  assert.match(
    annotations,
    /::error file=proposal\.yaml,line=24,title=capplan check%3A vm-limit CPU::base-datos needs 2/,
  );
  assert.match(
    annotations,
    /::error file=proposal\.yaml,line=22,title=capplan check%3A unplaced memory::big fits on no host/,
  );
});

test('hostile names cannot break out of Markdown, XML, workflow commands or the terminal', () => {
  const x = hostile();
  const md = render(x, 'markdown').stdout;
  assert.ok(!md.includes('<b>') && md.includes('x\\|\\<b\\>\\&'), md);
  const gh = render(x, 'github').stdout;
  assert.ok(
    gh.split('\n').every((l) => l === '' || /^::(error|notice) file=/.test(l)),
    gh,
  );
  assert.ok(gh.includes('x|<b>&"\'%250A::error::%0A\ufffd[2J*_ fits on no host'), gh);
  const human = render(x, 'human').stdout;
  assert.ok(!human.includes('\u001b'), 'no escape sequence reaches the terminal');
});

test('escaping helpers (table-driven)', () => {
  for (const [fn, input, expected] of [
    [escapeData, '50% a\r\nb', '50%25 a%0D%0Ab'],
    [escapeProperty, 'a:b,c%', 'a%3Ab%2Cc%25'],
    [mdText, 'a|b *c* [d](e) <f> & #g', 'a\\|b \\*c\\* \\[d\\](e) \\<f\\> \\& \\#g'],
  ] as const) {
    assert.equal(fn(input), expected);
  }
});
