// `capplan check <proposal>`: load and validate the proposal (exit 2 when malformed), check
// it against the current data, print the report in the chosen format, exit 0 when the
// proposal holds and 1 when it does not.
import path from 'node:path';
import { checkProposal } from '../check/check-proposal.ts';
import { loadProposal } from '../check/load-proposal.ts';
import { renderCheck, type CheckFormat } from '../check/render/index.ts';
import { appendText } from '../io/append-text.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { useColor } from './tty.ts';
import { checkWordsFor } from '../report/index.ts';

export interface CheckArgs {
  proposal: string;
  monitoring?: string[];
  format: string;
  out?: string;
}

export async function runCheck(args: CheckArgs): Promise<number> {
  const loaded = await loadProposal(args.proposal);
  const report = await checkProposal(loaded, { monitoringFiles: (args.monitoring ?? []).map((f) => path.resolve(f)) });
  const rendered = renderCheck(report, args.format as CheckFormat, {
    color: !args.out && useColor(),
    lines: loaded.lines,
    // Annotations need the path from the repository root; CI runs from it.
    annotationFile: path.relative(process.cwd(), path.resolve(args.proposal)).split(path.sep).join('/'),
    ...checkWordsFor(report.language),
  });
  if (args.out) await writeFileAtomic(args.out, rendered.stdout);
  else process.stdout.write(rendered.stdout);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (rendered.summary && summaryFile) await appendText(summaryFile, rendered.summary);
  return report.holds ? 0 : 1;
}
