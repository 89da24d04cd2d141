// The check's output formats (docs/check.md, "Output formats").
import type { CheckWords } from '../../domain/check-words.ts';
import type { ProposalLines } from '../load-proposal.ts';
import type { CheckReport } from '../report-model.ts';
import { renderGithub } from './github.ts';
import { renderHuman } from './human.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { checkEn } from './words-en.ts';

const STEP_KEYS = new Set(['step', 'noteSteps', 'language']);

const CHECK_FORMATS = ['human', 'json', 'junit', 'github', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  lines: ProposalLines;
  /** Proposal path relative to the repository root, for GitHub annotations. */
  annotationFile: string;
  /** The words of the human and Markdown reports (the proposal's language); absent: English. */
  words?: CheckWords;
}

/** stdout text, and for github the job-summary Markdown. */
export function renderCheck(
  r: CheckReport,
  format: CheckFormat,
  opts: RenderOptions,
): { stdout: string; summary?: string } {
  switch (format) {
    case 'json':
      // The JSON keeps its contract: the English messages, without the steps a report says them from.
      return { stdout: `${JSON.stringify(r, (k, v) => (STEP_KEYS.has(k) ? undefined : v), 2)}\n` };
    case 'junit':
      return { stdout: renderJunit(r) };
    case 'markdown':
      return { stdout: renderMarkdown(r, opts.words) };
    case 'github': {
      const g = renderGithub(r, opts.lines, opts.annotationFile);
      return { stdout: g.annotations, summary: g.summary };
    }
    case 'human':
      return { stdout: renderHuman(r, { color: opts.color, words: opts.words ?? checkEn }) };
  }
}
