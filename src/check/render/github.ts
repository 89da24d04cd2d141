// GitHub Actions output: one workflow command per violation on the proposal line it is
// about (`::error file=…,line=…::`), drift as notices, and the Markdown job summary.
import { resourceLabel } from '../capacity.ts';
import type { ProposalLines } from '../load-proposal.ts';
import type { CheckReport, Violation } from '../report-model.ts';
import { renderMarkdown } from './markdown.ts';
import { driftText } from './text.ts';
import { escapeData, escapeProperty } from '../../escape/github-command.ts';

/** The proposal line a violation is about: its VM's entry, else its host's, else `hosts:`. */
function violationLine(v: Violation, lines: ProposalLines): number {
  if (v.vm !== undefined && lines.vm[v.vm] !== undefined) return lines.vm[v.vm]!;
  if (v.kind === 'unplaced') return lines.vms;
  if (v.host !== undefined && lines.host[v.host] !== undefined) return lines.host[v.host]!;
  return lines.hosts;
}

function command(level: 'error' | 'notice', file: string, line: number, title: string, message: string): string {
  return `::${level} file=${escapeProperty(file)},line=${line},title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** Annotations (stdout) and the job summary (for $GITHUB_STEP_SUMMARY). */
export function renderGithub(
  r: CheckReport,
  lines: ProposalLines,
  annotationFile: string,
): { annotations: string; summary: string } {
  const out: string[] = [];
  for (const v of r.violations) {
    const title = `capplan check: ${v.kind}${v.scenario ? ` (${v.scenario})` : ''} ${resourceLabel(v.resource)}`;
    out.push(command('error', annotationFile, violationLine(v, lines), title, v.message));
  }
  for (const vm of r.vms) {
    if (!vm.drift.length) continue;
    const line = lines.vm[vm.name] ?? lines.vms;
    out.push(
      command(
        'notice',
        annotationFile,
        line,
        `capplan check: ${vm.name} drifted`,
        vm.drift.map((d) => driftText(d)).join('; '),
      ),
    );
  }
  return { annotations: out.length ? `${out.join('\n')}\n` : '', summary: renderMarkdown(r) };
}
