// The "Wrote N files" line of the terminal: every name while they fit a line or two; a plan
// of hundreds of hosts writes one replay chart each, so past that the first names and a count.
const SHOWN = 10;

export function writtenFilesLine(dir: string, names: readonly string[]): string {
  const shown = names.length <= SHOWN + 1 ? names : [...names.slice(0, SHOWN), `… and ${names.length - SHOWN} more`];
  return `Wrote ${names.length} files to ${dir}: ${shown.join(', ')}`;
}
