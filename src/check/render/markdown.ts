// The check as Markdown: a pull-request comment, and GitHub's job summary. Every cell that
// can carry client data is escaped, so a VM named "a|b" or "<script>" cannot break the table
// or inject markup.
import type { CheckWords } from '../../domain/check-words.ts';
import type { CheckReport } from '../report-model.ts';
import { mdText } from '../../escape/markdown.ts';
import { amount, driftText, headroomOf, headroomText, verdict } from './text.ts';
import { checkEn } from './words-en.ts';

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function renderMarkdown(r: CheckReport, w: CheckWords = checkEn): string {
  const out: string[] = [];
  out.push(`## ${r.holds ? '✅' : '❌'} capplan check: ${mdText(r.project)}`, '', mdText(verdict(r, w)), '');
  if (r.violations.length) {
    out.push(`### ${w.title.violations}`, '');
    out.push(
      ...table(
        w.head.violationsMd,
        r.violations.map((v) => [
          w.kind(v.kind),
          mdText(v.scenario === undefined ? '' : w.scenario(v.scenario)),
          mdText(v.host ?? ''),
          mdText(v.vm ?? ''),
          mdText(w.resource(v.resource)),
          amount(v.required, v.resource),
          amount(v.available, v.resource),
          amount(v.shortfall, v.resource),
          mdText(w.say(v)),
        ]),
      ),
      '',
    );
  }
  out.push(`### ${w.title.headroom}`, '', ...hostRows(r, w), '');
  if (r.scenarios.length) out.push(`### ${w.title.scenariosMd(mdText(r.policy))}`, '', ...scenarioRows(r, w), '');
  const drifting = r.vms.filter((v) => v.drift.length);
  if (drifting.length) {
    out.push(`### ${w.title.drift}`, '');
    out.push(
      ...table(
        w.head.driftMd,
        drifting.map((v) => [
          mdText(v.name),
          mdText(v.host ?? ''),
          v.drift.map((d) => mdText(driftText(d, w))).join('<br>'),
        ]),
      ),
      '',
    );
  }
  if (r.notes.length)
    out.push(
      `### ${w.title.notes}`,
      '',
      ...r.notes.map((n, i) => `- ${mdText(w.say({ message: n, step: r.noteSteps?.[i] }))}`),
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}

function hostRows(r: CheckReport, w: CheckWords): string[] {
  return table(
    w.head.hosts,
    r.hosts.map((h) => [
      mdText(h.name),
      String(h.vms.length),
      headroomText(headroomOf(h.resources, 'vcpu'), w),
      headroomText(headroomOf(h.resources, 'memoryGb'), w),
    ]),
  );
}

function scenarioRows(r: CheckReport, w: CheckWords): string[] {
  return table(
    w.head.scenariosMd,
    r.scenarios.flatMap((s) =>
      s.hosts.map((h) => [
        mdText(w.scenario(s.id)),
        s.satisfied ? w.yes : `**${w.no}**`,
        mdText(h.name),
        headroomText(headroomOf(h.resources, 'vcpu'), w),
        headroomText(headroomOf(h.resources, 'memoryGb'), w),
        mdText(
          s.restarts
            .filter((x) => x.to === null)
            .map((x) => x.vm)
            .join(', '),
        ),
      ]),
    ),
  );
}
