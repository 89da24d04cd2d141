// Client text on a terminal or in one line of a plain-text format (the terminal summaries of
// `plan` and `check`, JUnit messages): control characters would move the cursor, recolour or
// clear the screen, and bidirectional overrides would make a name read backwards, so both
// become U+FFFD; line breaks and tabs become spaces, so a value stays on its line.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

export function plainText(s: string): string {
  return s.replace(/[\t\r\n]/g, ' ').replace(INVISIBLE, '\ufffd');
}

/** Longest quoted value an error message repeats whole; longer ones keep their head. */
const QUOTED_MAX = 80;
/** Longest line of an error message; a longer one keeps its head and says how long it was. */
const LINE_MAX = 1000;

/** `s` cut to `max` characters with an ellipsis and the full length: `abc… (1,048,576 characters)`. */
function shortened(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length.toLocaleString('en-US')} characters)`;
}

/**
 * An error message for the terminal: each line as plainText (no escape sequence, control
 * character or bidi override from the client's data reaches the terminal), a quoted value of
 * more than 80 characters cut to its head, a line of more than 1,000 characters too — a 1 MB
 * bad cell is named, not echoed.
 */
export function errorText(message: string): string {
  return message
    .split('\n')
    .map((line) => {
      const quoted = line.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) =>
        inner.length <= QUOTED_MAX
          ? whole
          : `"${inner.slice(0, QUOTED_MAX)}…" (${inner.length.toLocaleString('en-US')} characters)`,
      );
      return shortened(plainText(quoted), LINE_MAX);
    })
    .join('\n');
}

/**
 * A file's header as an error message may quote it: its column names (each cut to 40
 * characters, at most 20 of them) when the first line is a table of two columns or more, or
 * one short column name. Any other first line — a file that is not the input it was named as,
 * such as a system file a project points at (`root:x:0:0:…`) — is described by its length,
 * never quoted.
 */
export function headerShown(cells: readonly string[]): string {
  if (cells.length < 2 && !/^[\p{L}\p{N} _.()%-]{1,40}$/u.test(cells[0] ?? ''))
    return `the first line (${(cells[0] ?? '').length} characters) is not a table header, not shown`;
  const names = cells.slice(0, 20).map((c) => JSON.stringify(shortened(c, 40)));
  return `header: ${names.join(', ')}${cells.length > 20 ? `, … (${cells.length} columns)` : ''}`;
}
