// Terminal conventions: colour only on a TTY and without NO_COLOR; progress only on a TTY
// and never in CI: long work shows progress on a TTY and stays quiet in CI.

/** A person is watching this stream: a TTY, and not a CI run. */
export function interactive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && process.env.CI !== 'true';
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return interactive(stream) && !('NO_COLOR' in process.env);
}

export interface Progress {
  (message: string): void;
  done(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = interactive(stream);
  let shown = false;
  const report = ((message: string) => {
    if (!live) return;
    stream.write(`\r\x1b[2K${message.slice(0, (stream.columns || 80) - 1)}`);
    shown = true;
  }) as Progress;
  report.done = () => {
    if (live && shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return report;
}
