// Client text on a terminal or in one line of a plain-text format (the terminal summaries of
// `plan` and `check`, JUnit messages): control characters would move the cursor, recolour or
// clear the screen, and bidirectional overrides would make a name read backwards, so both
// become U+FFFD; line breaks and tabs become spaces, so a value stays on its line.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
export function plainText(s) {
    return s.replace(/[\t\r\n]/g, ' ').replace(INVISIBLE, '\ufffd');
}
