// JUnit XML (the Jenkins/Ant format every CI reads): one testsuite each for hosts, failure
// scenarios and VMs; one testcase per host, per scenario and per VM, failing with one
// <failure> per violation. Built with xmlbuilder2, which escapes client data. No timestamp
// or timing: the same check gives the same bytes.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { CheckReport, Violation } from '../report-model.ts';
import { amount, driftText, headroomText } from './text.ts';
import { plainText } from '../../escape/plain-text.ts';
import { serializeXml } from '../../escape/xml.ts';

interface Case {
  name: string;
  failures: Violation[];
  out: string[];
}

export function renderJunit(r: CheckReport): string {
  const suites: { name: string; cases: Case[] }[] = [
    {
      name: 'hosts',
      cases: r.hosts.map((h) => ({
        name: plainText(h.name),
        failures: r.violations.filter(
          (v) => (v.kind === 'host-capacity' || v.kind === 'replay-overload') && v.host === h.name,
        ),
        out: h.resources.map((x) => `${x.resource}: load / available ${headroomText(x)}`),
      })),
    },
    { name: 'failover', cases: scenarioCases(r) },
    {
      name: 'vms',
      cases: r.vms.map((vm) => ({
        name: plainText(vm.name),
        failures: r.violations.filter((v) => v.vm === vm.name && v.kind !== 'failover'),
        out: [`status: ${vm.status}${vm.host ? ` on ${vm.host}` : ''}`, ...vm.drift.map((d) => driftText(d))],
      })),
    },
  ];
  const failures = (cases: Case[]) => cases.filter((c) => c.failures.length).length;
  const all = suites.flatMap((s) => s.cases);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: plainText(`capplan check ${r.project}`),
    tests: String(all.length),
    failures: String(failures(all)),
    errors: '0',
    time: '0',
  });
  for (const s of suites) {
    const suite = root.ele('testsuite', {
      name: `${r.project}.${s.name}`,
      tests: String(s.cases.length),
      failures: String(failures(s.cases)),
      errors: '0',
      skipped: '0',
      time: '0',
      file: plainText(r.file),
    });
    for (const c of s.cases) addCase(suite, `${r.project}.${s.name}`, c);
  }
  return `${serializeXml(root, { prettyPrint: true })}\n`;
}

function scenarioCases(r: CheckReport): Case[] {
  const cases: Case[] = r.scenarios.map((s) => ({
    name: plainText(s.id),
    failures: r.violations.filter((v) => v.kind === 'failover' && v.scenario === s.id),
    out: s.hosts.flatMap((h) => h.resources.map((x) => `${h.name} ${x.resource}: load / available ${headroomText(x)}`)),
  }));
  // Violations that belong to no single scenario (too few hosts for N+k at all).
  const global = r.violations.filter((v) => v.kind === 'failover' && v.scenario === undefined);
  if (global.length || !cases.length) cases.push({ name: r.policy, failures: global, out: [] });
  return cases;
}

function addCase(suite: XMLBuilder, classname: string, c: Case): void {
  const tc = suite.ele('testcase', { name: c.name, classname, time: '0' });
  for (const v of c.failures) {
    const numbers =
      v.required === null
        ? ''
        : `\nrequired ${amount(v.required, v.resource)}, available ${amount(v.available, v.resource)}, ` +
          `shortfall ${amount(v.shortfall, v.resource)}`;
    tc.ele('failure', { type: v.kind, message: plainText(v.message) }).txt(plainText(`${v.message}`) + numbers);
  }
  if (c.out.length) tc.ele('system-out').txt(c.out.map(plainText).join('\n'));
}
