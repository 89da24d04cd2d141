// replay.md and the status line of `capplan replay` (method §14.3), from replay.json and its plan.
import { Chalk } from 'chalk';
import type { Plan } from '../domain/plan.ts';
import type { ReplayFile } from '../domain/plan-replay.ts';
import { formatFinding } from '../domain/finding.ts';
import { md } from './format.ts';
import { findingText } from './finding-text.ts';
import { messagesFor } from './messages/index.ts';
import { windowPart } from './replay-markdown.ts';
import { windowLine } from './replay-terminal.ts';

export function renderReplayMarkdown(plan: Plan, file: ReplayFile): string {
  const t = messagesFor(plan);
  const m = t.replay.report;
  const parts = [
    `# ${m.title(md(plan.title))}`,
    '',
    `${m.plan(md(file.plan.file), file.plan.sha256.slice(0, 12), plan.hosts.length, plan.totals.placed)}  `,
    `${m.window(file.inputs.length, file.inputs.map((i) => md(i.file)).join(', ') || '—')}  `,
    m.allowed(file.maxOverloadPct),
  ];
  for (const w of file.windows) parts.push('', ...windowPart(w, plan));
  const shown = file.findings.filter((f) => f.severity !== 'info' || f.code.startsWith('replay'));
  if (shown.length)
    parts.push('', `## ${m.findings}`, '', ...shown.map((f) => `- ${md(formatFinding(f, findingText(f, t)))}`));
  return `${parts.join('\n')}\n`;
}

export function replayStatusLine(file: ReplayFile, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  return file.windows.map((w) => windowLine(w, file.maxOverloadPct, c)).join('\n');
}
