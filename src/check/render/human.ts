// The check in a terminal: the verdict, then tables (cli-table3) of violations, host
// headroom, failure scenarios and drift. Colour only when asked (TTY, no NO_COLOR).
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { CheckWords } from '../../domain/check-words.ts';
import type { CheckReport } from '../report-model.ts';
import { amount, driftText, headroomOf, headroomText, verdict } from './text.ts';
import { plainText } from '../../escape/plain-text.ts';

export function renderHuman(r: CheckReport, opts: { color: boolean; words: CheckWords }): string {
  const w = opts.words;
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const style = { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] };
  const out: string[] = [
    `capplan check ${plainText(r.project)} (${plainText(r.file)})`,
    r.holds ? c.green(verdict(r, w)) : c.red(verdict(r, w)),
    '',
  ];
  if (r.violations.length) {
    const t = new Table({ head: w.head.violations, style });
    for (const v of r.violations) {
      const where = [
        v.scenario === undefined ? undefined : w.scenario(v.scenario),
        v.host,
        v.vm,
        w.resource(v.resource),
      ]
        .filter(Boolean)
        .map((x) => plainText(String(x)))
        .join(' · ');
      t.push([
        c.red(w.kind(v.kind)),
        where,
        amount(v.required, v.resource),
        amount(v.available, v.resource),
        c.red(amount(v.shortfall, v.resource)),
      ]);
    }
    out.push(w.title.violations, t.toString(), ...r.violations.map((v) => `  - ${plainText(w.say(v))}`), '');
  }
  const hosts = new Table({ head: w.head.hosts, style });
  for (const h of r.hosts)
    hosts.push([
      plainText(h.name),
      h.vms.length,
      headroomText(headroomOf(h.resources, 'vcpu'), w),
      headroomText(headroomOf(h.resources, 'memoryGb'), w),
    ]);
  out.push(w.title.headroom, hosts.toString(), '');
  if (r.scenarios.length) {
    const t = new Table({ head: w.head.scenarios, style });
    for (const s of r.scenarios) {
      for (const h of s.hosts) {
        t.push([
          plainText(w.scenario(s.id)),
          s.satisfied ? c.green(w.yes) : c.red(w.no),
          plainText(h.name),
          headroomText(headroomOf(h.resources, 'vcpu'), w),
          headroomText(headroomOf(h.resources, 'memoryGb'), w),
        ]);
      }
    }
    out.push(w.title.scenarios(r.policy), t.toString(), '');
  }
  const drifting = r.vms.filter((v) => v.drift.length);
  if (drifting.length) {
    const t = new Table({ head: w.head.drift, style });
    for (const v of drifting)
      t.push([plainText(v.name), plainText(v.host ?? '–'), v.drift.map((d) => driftText(d, w)).join('\n')]);
    out.push(w.title.drift, t.toString(), '');
  }
  if (r.notes.length)
    out.push(
      w.title.notes,
      ...r.notes.map((n, i) => `  - ${plainText(w.say({ message: n, step: r.noteSteps?.[i] }))}`),
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}
