// Client text in GitHub Actions workflow commands (`::error file=…,line=…::message`),
// following the runner's rules: data escapes %, CR and LF; property values also ":" and ",".
// Other control characters become U+FFFD.

export const escapeData = (s: string): string =>
  s
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
