// The "Wrote N files" line of the terminal: every name while they fit a line or two; a plan
// of hundreds of hosts writes one replay chart each, so past that the first names and a count.
import { terminalEn, type TerminalMessages } from '../report/messages/terminal-en.ts';

const SHOWN = 10;

/** In the words of `k`, the plan's report language (English when not given). */
export function writtenFilesLine(dir: string, names: readonly string[], k: TerminalMessages = terminalEn): string {
  const shown = names.length <= SHOWN + 1 ? names : [...names.slice(0, SHOWN), k.andMore(names.length - SHOWN)];
  return k.wrote(names.length, dir, shown.join(', '));
}
